// Statistics of samples for the Monte Carlo summaries: quantiles, ranks and rank correlation.
// Every function is deterministic for a given input order (ties are broken by position), so
// the summaries of a sweep do not depend on the threads or processes that computed it.
#ifndef STATECRAFT_ANALYSIS_STATISTICS_H_
#define STATECRAFT_ANALYSIS_STATISTICS_H_

#include <cstddef>
#include <utility>
#include <vector>

namespace statecraft {

// Linear interpolation between order statistics (type 7 of Hyndman & Fan 1996).
double Quantile(std::vector<double> values, double probability);
// The same for values already sorted ascending; NaN when empty.
double QuantileOfSorted(const std::vector<double>& sorted, double probability);

// Ranks 1..n of `values`, ties sharing their average rank.
std::vector<double> Ranks(const std::vector<double>& values);

// Sorts `values` once: `ranks` receives their ranks 1..n (ties share their average rank) and,
// when given, `sorted` the values in ascending order. `pairs` is working storage that callers
// ranking many columns reuse. Large samples without NaN are sorted by a linear radix sort.
void SortAndRank(const std::vector<double>& values,
                 std::vector<std::pair<double, std::size_t>>& pairs, std::vector<double>& ranks,
                 std::vector<double>* sorted);

// Pearson's r; 0 when either side is constant or has fewer than two values.
double PearsonCorrelation(const std::vector<double>& x, const std::vector<double>& y);

// Spearman's rank correlation (average ranks for ties); 0 when either side is constant.
double SpearmanCorrelation(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_STATISTICS_H_

// The baseline models: one-shot summaries of the actors' positions on each issue, each issue on
// its own. They are the yardsticks every bargaining model must beat in a backtest.
//
//   mean             mean of the positions, optionally weighted (parameter `weights`)
//   median           median of the positions, optionally weighted
//   weighted_median  median weighted by capability × salience (the median voter of BDM)
//   compromise       mean weighted by capability × salience (Van den Bos 1991; Achen 2006: the
//                    asymmetric Nash bargaining solution under quadratic losses)
//
// See README.md beside this file for definitions and tie rules.
#ifndef STATECRAFT_MODELS_BASELINE_BASELINE_H_
#define STATECRAFT_MODELS_BASELINE_BASELINE_H_

#include <vector>

#include "statecraft/core/registry.h"

namespace statecraft {

enum class BaselineWeights { kNone, kSalience, kCapability, kCapabilitySalience };

// Weighted mean of values; weights ≥ 0 with a positive sum, else the plain mean.
double WeightedMean(const std::vector<double>& values, const std::vector<double>& weights);

// Weighted median: the smallest value whose cumulative weight reaches half the total; when the
// cumulative weight hits exactly half, the midpoint between that value and the next (so an
// unweighted median of an even count is the mean of the two middle values). All weights zero:
// the plain median.
double WeightedMedian(const std::vector<double>& values, const std::vector<double>& weights);

void RegisterBaselineModels(ModelRegistry& registry);

}  // namespace statecraft

#endif  // STATECRAFT_MODELS_BASELINE_BASELINE_H_

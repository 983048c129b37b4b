// Exact rescaling by powers of two, so that models give finite, exact answers for any finite
// input: capabilities of 1e307 or 1e-300, issue scales of ±9e307 or of width 1e-310.
//
// Multiplying a double by 2^k changes only its exponent. Sums, products and quotients of numbers
// rescaled that way round exactly as those of the originals (as long as nothing over- or
// underflows), so a computation on inputs × 2^k gives its usual result × 2^k, bit for bit. Models
// rescale inputs whose magnitude lies outside a band around 1 into that band, compute there, and
// scale their outputs back; inside the band nothing changes, so results of ordinary inputs (and
// every golden file) are untouched.
#ifndef STATECRAFT_CORE_EXACT_SCALE_H_
#define STATECRAFT_CORE_EXACT_SCALE_H_

#include <cmath>
#include <vector>

namespace statecraft {

// Magnitudes within [2^-kExactScaleBand, 2^kExactScaleBand) are left as they are. Inside it, the
// squares and products of a few hundred such numbers that models form stay far from overflow
// and underflow.
inline constexpr int kExactScaleBand = 64;

// The exponent k that brings `magnitude` into the band, to its nearest end (2^k · magnitude in
// [2^63, 2^64) from above, [2^-64, 2^-63) from below), so that results change continuously across
// the band's ends; 0 when `magnitude` lies in the band, is 0 or is not finite.
int BandExponent(double magnitude);

// The exponent that brings the largest absolute value of `values` into the band.
int BandExponentOf(const std::vector<double>& values);

// value × 2^exponent (exact unless the result over- or underflows). Inside the band the exponent
// is 0, and ldexp(value, 0) is value itself: the call is skipped there (hot in per-atom loops).
inline double ScaleByPowerOfTwo(double value, int exponent) {
  return exponent == 0 ? value : std::ldexp(value, exponent);
}

// The exponent that brings the scale [low, high] into the band (by its larger end).
int ScaleExponent(double low, double high);

// (x - low) / (high - low) for finite low < high, computed on the scale brought into the band,
// so that high - low cannot overflow (±1e308) or lose its digits (1e-310).
double UnitPosition(double x, double low, double high);

// low + unit × (high - low), held to [low, high], computed the same way.
double ScalePosition(double unit, double low, double high);

// Σ x / n, summed in order on the values brought into the band: finite for any finite values
// and, where the plain sum does not overflow, equal to it bit for bit. NaN when empty.
double ExactMean(const std::vector<double>& values);

// Σ w·x / Σ w, held to [min x, max x] (rounding may carry a mean an ulp past them); the plain
// mean when every weight is 0. Positions and weights are rescaled by powers of two first, so the
// result is finite for any finite inputs and, where the plain formula neither over- nor
// underflows, equal to it bit for bit. `values` must not be empty.
double ExactWeightedMean(const std::vector<double>& values, const std::vector<double>& weights);

}  // namespace statecraft

#endif  // STATECRAFT_CORE_EXACT_SCALE_H_

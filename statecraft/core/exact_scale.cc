#include "statecraft/core/exact_scale.h"

#include <algorithm>

namespace statecraft {

int BandExponent(double magnitude) {
  magnitude = std::abs(magnitude);
  if (!(magnitude > 0.0) || !std::isfinite(magnitude)) return 0;
  const int exponent = std::ilogb(magnitude);  // magnitude in [2^exponent, 2^(exponent + 1))
  if (exponent >= kExactScaleBand) return kExactScaleBand - 1 - exponent;
  if (exponent < -kExactScaleBand) return -kExactScaleBand - exponent;
  return 0;
}

int BandExponentOf(const std::vector<double>& values) {
  double largest = 0.0;
  for (double value : values) {
    if (std::isfinite(value)) largest = std::max(largest, std::abs(value));
  }
  return BandExponent(largest);
}

int ScaleExponent(double low, double high) {
  return BandExponent(std::max(std::abs(low), std::abs(high)));
}

double UnitPosition(double x, double low, double high) {
  const int exponent = ScaleExponent(low, high);
  if (exponent != 0) {
    x = ScaleByPowerOfTwo(x, exponent);
    low = ScaleByPowerOfTwo(low, exponent);
    high = ScaleByPowerOfTwo(high, exponent);
  }
  return (x - low) / (high - low);
}

double ScalePosition(double unit, double low, double high) {
  const int exponent = ScaleExponent(low, high);
  const double scaled_low = ScaleByPowerOfTwo(low, exponent);
  const double scaled_high = ScaleByPowerOfTwo(high, exponent);
  const double position = scaled_low + unit * (scaled_high - scaled_low);
  return std::clamp(ScaleByPowerOfTwo(position, -exponent), low, high);
}

double ExactMean(const std::vector<double>& values) {
  const int exponent = BandExponentOf(values);
  double sum = 0.0;
  for (double value : values) sum += ScaleByPowerOfTwo(value, exponent);
  return ScaleByPowerOfTwo(sum / static_cast<double>(values.size()), -exponent);
}

double ExactWeightedMean(const std::vector<double>& values, const std::vector<double>& weights) {
  const int value_exponent = BandExponentOf(values);
  int weight_exponent = BandExponentOf(weights);
  // Scaled into the band, n products w·x stay below n · 2^128: no overflow. Weights far below
  // the largest one may underflow to 0; they would not change the sums' rounding anyway.
  double weighted_sum = 0.0;
  double total = 0.0;
  double plain = 0.0;
  for (std::size_t k = 0; k < values.size(); ++k) {
    const double value = ScaleByPowerOfTwo(values[k], value_exponent);
    const double weight = ScaleByPowerOfTwo(weights[k], weight_exponent);
    weighted_sum += weight * value;
    total += weight;
    plain += value;
  }
  const double mean =
      total > 0.0 ? weighted_sum / total : plain / static_cast<double>(values.size());
  const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
  return std::clamp(ScaleByPowerOfTwo(mean, -value_exponent), *lowest, *highest);
}

}  // namespace statecraft

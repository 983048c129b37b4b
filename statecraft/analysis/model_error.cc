#include "statecraft/analysis/model_error.h"

#include <algorithm>
#include <cmath>

#include "statecraft/core/error.h"
#include "statecraft/core/exact_scale.h"

namespace statecraft {
namespace {

// The smallest error scale s(x) a fit may give, as a share of the range: no forecast is exact.
constexpr double kMinimumScale = 0.01;

}  // namespace

double ErrorSpread(const Scenario& scenario, int issue) {
  const Issue& declared = scenario.issues[issue];
  if (!(declared.scale_low < declared.scale_high)) return 0.0;
  // A range beyond the largest double (a scale of ±1e308) is measured in shares of the range
  // (UnitPosition) from the start; any other in its own units, divided by the range at the end.
  const double range = declared.scale_high - declared.scale_low;
  const bool in_shares = !std::isfinite(range);
  std::vector<double> positions;
  std::vector<double> weights;
  double total = 0.0;
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    if (!scenario.HasStake(actor, issue)) continue;
    const double position = scenario.Position(actor, issue);
    positions.push_back(in_shares ? UnitPosition(position, declared.scale_low, declared.scale_high)
                                  : position);
    weights.push_back(scenario.Capability(actor, issue) * scenario.Salience(actor, issue));
    total += weights.back();
  }
  if (positions.size() < 2) return 0.0;
  if (!std::isfinite(total)) {
    // Weights near the largest double: their shares of the largest one keep the same ratios.
    const double largest = *std::max_element(weights.begin(), weights.end());
    total = 0.0;
    for (double& weight : weights) {
      weight = std::isfinite(largest) ? weight / largest : 0.0;
      total += weight;
    }
  }
  if (!(total > 0.0)) {
    std::fill(weights.begin(), weights.end(), 1.0);
    total = static_cast<double>(weights.size());
  }
  double mean = 0.0;
  for (std::size_t k = 0; k < positions.size(); ++k) mean += weights[k] * positions[k];
  mean /= total;
  double variance = 0.0;
  for (std::size_t k = 0; k < positions.size(); ++k) {
    variance += weights[k] * (positions[k] - mean) * (positions[k] - mean);
  }
  return std::sqrt(variance / total) / (in_shares ? 1.0 : range);
}

ModelError FitModelError(const std::vector<Residual>& residuals) {
  if (residuals.empty()) {
    throw InputError("model error: no scored issues to learn it from; expected at least one");
  }
  const double count = static_cast<double>(residuals.size());
  std::vector<double> size(residuals.size());  // |y − m| / R
  double mean_spread = 0.0;
  double mean_size = 0.0;
  for (std::size_t k = 0; k < residuals.size(); ++k) {
    const Residual& item = residuals[k];
    size[k] = std::abs(item.known - item.forecast) / (item.scale_high - item.scale_low);
    mean_spread += item.spread;
    mean_size += size[k];
  }
  mean_spread /= count;
  mean_size /= count;
  // Least squares of size on spread, with b ≥ 0 and a ≥ kMinimumScale (each bound met by
  // refitting the other coefficient alone).
  double covariance = 0.0;
  double variance = 0.0;
  for (std::size_t k = 0; k < residuals.size(); ++k) {
    covariance += (residuals[k].spread - mean_spread) * (size[k] - mean_size);
    variance += (residuals[k].spread - mean_spread) * (residuals[k].spread - mean_spread);
  }
  ModelError error;
  error.scale_slope = variance > 0.0 ? std::max(0.0, covariance / variance) : 0.0;
  error.scale_intercept = mean_size - error.scale_slope * mean_spread;
  if (error.scale_intercept < kMinimumScale) {
    error.scale_intercept = kMinimumScale;
    double numerator = 0.0;
    double denominator = 0.0;
    for (std::size_t k = 0; k < residuals.size(); ++k) {
      numerator += residuals[k].spread * (size[k] - kMinimumScale);
      denominator += residuals[k].spread * residuals[k].spread;
    }
    error.scale_slope = denominator > 0.0 ? std::max(0.0, numerator / denominator) : 0.0;
  }
  error.standardized.reserve(residuals.size());
  for (const Residual& item : residuals) {
    const double scale = (item.scale_high - item.scale_low) *
                         (error.scale_intercept + error.scale_slope * item.spread);
    error.standardized.push_back((item.known - item.forecast) / scale);
  }
  std::sort(error.standardized.begin(), error.standardized.end());
  return error;
}

IssueError::IssueError(std::shared_ptr<const ModelError> error, double scale_low, double scale_high,
                       double spread)
    : error_(std::move(error)), scale_low_(scale_low), scale_high_(scale_high) {
  if (error_ != nullptr && error_->standardized.empty()) error_ = nullptr;
  if (error_ != nullptr) {
    // Half the error scale: a range beyond the largest double keeps a finite scale.
    half_scale_ =
        (scale_high / 2 - scale_low / 2) * (error_->scale_intercept + error_->scale_slope * spread);
  }
}

int IssueError::Atoms() const {
  return error_ == nullptr ? 1 : static_cast<int>(error_->standardized.size());
}

double IssueError::Atom(double point, int k) const {
  if (error_ == nullptr) return point;
  // An offset beyond the largest double is added in two halves: each is finite, and a sum that
  // overflows does so towards the side it is clamped to (never inf − inf).
  const double half_offset = half_scale_ * error_->standardized[k];
  const double offset = 2 * half_offset;  // exact, as (range · s) · z is, unless it overflows
  if (std::isfinite(offset)) return std::clamp(point + offset, scale_low_, scale_high_);
  return std::clamp(point + half_offset + half_offset, scale_low_, scale_high_);
}

int IssueError::CountUpTo(double point, double value, bool strict) const {
  // Atom(point, k) is non-decreasing in k, so the atoms up to `value` are a prefix.
  int low = 0;
  int high = Atoms();
  while (low < high) {
    const int middle = low + (high - low) / 2;
    const double atom = Atom(point, middle);
    if (strict ? atom < value : atom <= value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

double IssueError::AtMost(double point, double value) const {
  return static_cast<double>(CountUpTo(point, value, false)) / Atoms();
}

double IssueError::Below(double point, double value) const {
  return static_cast<double>(CountUpTo(point, value, true)) / Atoms();
}

std::shared_ptr<const ModelError> Calibration::Find(const std::string& label,
                                                    std::string* used) const {
  auto found = models.find(label);
  if (found == models.end()) found = models.find(label.substr(0, label.find(':')));
  if (found == models.end()) return nullptr;
  if (used != nullptr) *used = found->first;
  return found->second;
}

bool Calibration::FittedOn(const std::string& scenario) const {
  return std::find(scenarios.begin(), scenarios.end(), scenario) != scenarios.end();
}

IssueError BindError(const std::shared_ptr<const ModelError>& error, const Scenario& scenario,
                     int issue) {
  if (error == nullptr) return IssueError();
  const Issue& declared = scenario.issues[issue];
  return IssueError(error, declared.scale_low, declared.scale_high, ErrorSpread(scenario, issue));
}

}  // namespace statecraft

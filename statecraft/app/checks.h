// The one validator of the request fields that several commands share, with the limits every
// client applies (docs/architecture.md, "Limits"). A failed check throws InputError located at the
// request's key ("draws") with the message "KEY: found X, expected Y"; the CLI's --draws, the
// API's "draws" and Python's draws= all reach these checks, so their messages are identical.
#ifndef STATECRAFT_APP_CHECKS_H_
#define STATECRAFT_APP_CHECKS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "statecraft/analysis/sweep.h"

namespace statecraft::app {

inline constexpr std::int64_t kMaxDraws = 1000000;
inline constexpr std::int64_t kMaxThreads = 1024;
inline constexpr std::int64_t kMaxDrivers = 1000;
inline constexpr std::int64_t kMaxRunnersUp = 100;

// The Monte Carlo settings of the lever analyses.
struct Uncertainty {
  std::int64_t draws = 1000;
  std::uint64_t seed = 0;
  std::int64_t threads = 0;  // 0: every core
  std::string distribution = "triangular";
  // Whether quantiles and probabilities include each model's own error (docs/calibration.md),
  // and from which calibration (null: the shipped one, data/calibration.json).
  bool model_error = true;
  std::shared_ptr<const Calibration> calibration;
};

// low <= value <= high, else "KEY: found VALUE, expected an integer from LOW to HIGH".
void CheckRange(const std::string& key, std::int64_t value, std::int64_t low, std::int64_t high);

// One of `choices`, else "KEY: found 'VALUE'; did you mean 'X'? expected one of A, B, C".
void CheckChoice(const std::string& key, const std::string& value,
                 const std::vector<std::string>& choices);

// 0 < probability <= 1.
void CheckRequiredProbability(const std::string& key, double probability);

// A finite budget >= 0.
void CheckBudget(const std::string& key, const std::optional<double>& budget);

// The checked settings as the analyses take them (threads resolved: 0 becomes every core; the
// calibration chosen: none without model error).
SweepOptions ToSweepOptions(const Uncertainty& uncertainty);

// The calibration a request names: none without model error, else the given one or the shipped.
std::shared_ptr<const Calibration> ChosenCalibration(bool model_error,
                                                     std::shared_ptr<const Calibration> given);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_CHECKS_H_

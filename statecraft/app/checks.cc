#include "statecraft/app/checks.h"

#include <cmath>

#include "statecraft/analysis/uncertainty.h"
#include "statecraft/app/outcome.h"
#include "statecraft/core/number_text.h"
#include "statecraft/core/spelling.h"
#include "statecraft/io/calibration_format.h"

namespace statecraft::app {

void CheckRange(const std::string& key, std::int64_t value, std::int64_t low, std::int64_t high) {
  if (value < low || value > high) {
    FailField(key, "found " + std::to_string(value) + ", expected an integer from " +
                       std::to_string(low) + " to " + std::to_string(high));
  }
}

void CheckChoice(const std::string& key, const std::string& value,
                 const std::vector<std::string>& choices) {
  for (const std::string& choice : choices) {
    if (choice == value) return;
  }
  std::string names;
  for (const std::string& choice : choices) names += (names.empty() ? "" : ", ") + choice;
  FailField(key,
            "found '" + value + "'; " + DidYouMean(value, choices) + "expected one of " + names);
}

void CheckRequiredProbability(const std::string& key, double probability) {
  if (!(probability > 0.0 && probability <= 1.0)) {
    FailField(key, "found " + NumberText(probability) +
                       ", expected a probability in (0, 1], for example 0.8");
  }
}

void CheckBudget(const std::string& key, const std::optional<double>& budget) {
  if (budget && !(std::isfinite(*budget) && *budget >= 0.0)) {
    FailField(key, "found " + NumberText(*budget) + ", expected a budget >= 0");
  }
}

SweepOptions ToSweepOptions(const Uncertainty& uncertainty) {
  CheckRange("draws", uncertainty.draws, 1, kMaxDraws);
  CheckRange("threads", uncertainty.threads, 0, kMaxThreads);
  if (uncertainty.distribution != "triangular" && uncertainty.distribution != "uniform") {
    FailField("distribution",
              "found '" + uncertainty.distribution + "', expected triangular or uniform");
  }
  SweepOptions options;
  options.draws = static_cast<int>(uncertainty.draws);
  options.seed = uncertainty.seed;
  options.threads = ResolveThreads(static_cast<int>(uncertainty.threads));
  options.distribution = ParseDistribution(uncertainty.distribution);
  options.calibration = ChosenCalibration(uncertainty.model_error, uncertainty.calibration);
  return options;
}

std::shared_ptr<const Calibration> ChosenCalibration(bool model_error,
                                                     std::shared_ptr<const Calibration> given) {
  if (!model_error) return nullptr;
  return given != nullptr ? given : BuiltinCalibrationPointer();
}

}  // namespace statecraft::app

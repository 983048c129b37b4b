#include "cli/lever_options.h"

#include "statecraft/io/calibration_format.h"

namespace statecraft::cli {

void AddUncertaintyOptions(CLI::App& command, app::Uncertainty& options,
                           std::int64_t default_draws) {
  options.draws = default_draws;
  command.add_option("--draws", options.draws, "Monte Carlo draws")->default_val(default_draws);
  command
      .add_option("--seed", options.seed, "base seed; draw k uses a seed derived from (seed, k)")
      ->default_val(0);
  command.add_option("--threads", options.threads, "worker threads (0: every core)")
      ->default_val(0);
  command
      .add_option("--distribution", options.distribution,
                  "how ranged numbers are sampled: triangular|uniform")
      ->default_val("triangular");
  AddModelErrorOptions(command, options.model_error, options.calibration);
}

void AddModelErrorOptions(CLI::App& command, bool& model_error,
                          std::shared_ptr<const Calibration>& calibration) {
  command
      .add_option_function<std::string>(
          "--model-error",
          [&model_error](const std::string& value) { model_error = value == "on"; },
          "include each model's own error on past decisions in probabilities and intervals: "
          "on|off")
      ->default_str("on")
      ->check(CLI::IsMember({"on", "off"}));
  command.add_option_function<std::string>(
      "--calibration",
      [&calibration](const std::string& path) {
        calibration = std::make_shared<const Calibration>(ReadCalibration(path));
      },
      "the models' errors from this file (statecraft calibrate) instead of the shipped one");
}

std::string ModelErrorNote(const SweepOptions& options) {
  if (options.calibration == nullptr) {
    return "without model error (--model-error off): the spread of the inputs alone";
  }
  return "with model error: each model's own error on past decisions (" +
         options.calibration->name + "; docs/calibration.md)";
}

std::string FormatInterval(const Quantiles& quantiles) {
  return FormatNumber(quantiles.median) + " [" + FormatNumber(quantiles.q10) + ", " +
         FormatNumber(quantiles.q90) + "]";
}

std::string FormatPercent(double probability) { return FormatNumber(100.0 * probability, 0) + "%"; }

}  // namespace statecraft::cli

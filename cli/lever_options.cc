#include "cli/lever_options.h"

#include "statecraft/core/error.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/calibration_format.h"

namespace statecraft::cli {

SweepOptions UncertaintyOptions::ToSweepOptions() const {
  SweepOptions options;
  options.draws = draws;
  options.seed = seed;
  options.threads = ResolveThreads(threads);
  options.distribution = ParseDistribution(distribution);
  if (draws < 1) throw InputError("--draws " + std::to_string(draws) + ": expected at least 1");
  if (model_error == "on") {
    if (loaded == nullptr) {
      loaded = calibration.empty()
                   ? std::shared_ptr<const Calibration>(&BuiltinCalibration(), [](auto*) {})
                   : std::make_shared<const Calibration>(ReadCalibration(calibration));
    }
    options.calibration = loaded.get();
  }
  return options;
}

std::string ModelErrorNote(const SweepOptions& options) {
  if (options.calibration == nullptr) {
    return "without model error (--model-error off): the spread of the inputs alone";
  }
  return "with model error: each model's own error on past decisions (" +
         options.calibration->name + "; docs/calibration.md)";
}

void AddUncertaintyOptions(CLI::App& command, UncertaintyOptions& options, int default_draws) {
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
      ->default_val("triangular")
      ->check(CLI::IsMember({"triangular", "uniform"}));
  command
      .add_option("--model-error", options.model_error,
                  "include each model's own error in probabilities and intervals: on|off")
      ->default_val("on")
      ->check(CLI::IsMember({"on", "off"}));
  command.add_option("--calibration", options.calibration,
                     "the models' errors from this file (statecraft calibrate) instead of the "
                     "shipped one");
}

ScenarioWithLevers LoadScenarioWithLevers(const InputOptions& options) {
  ReadOptions read;
  read.format = options.from;
  read.import.capability = options.capability;
  if (options.file.empty()) return BuiltinScenarioWithLevers();
  return ReadScenarioWithLevers(options.file, read);
}

std::vector<ModelChoice> ChosenModels(const std::vector<std::string>& specs) {
  if (specs.empty()) return AllModels();
  std::vector<ModelChoice> models;
  for (const std::string& spec : specs) {
    auto [name, params] = ParseModelSpec(spec);
    const ModelInfo& info = BuiltinModels().Get(name);
    models.push_back({&info, ResolveParams("model '" + info.name + "'", info.params, params)});
  }
  return models;
}

std::string FormatInterval(const Quantiles& quantiles) {
  return FormatNumber(quantiles.median) + " [" + FormatNumber(quantiles.q10) + ", " +
         FormatNumber(quantiles.q90) + "]";
}

std::string FormatPercent(double probability) { return FormatNumber(100.0 * probability, 0) + "%"; }

}  // namespace statecraft::cli

// What the lever analyses (whatif, sweep, optimize and the default analysis) share on the command
// line: loading a scenario with its levers, the uncertainty options (--draws, --seed, --threads,
// --distribution) and model lists.
#ifndef STATECRAFT_CLI_LEVER_OPTIONS_H_
#define STATECRAFT_CLI_LEVER_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/common.h"
#include "statecraft/analysis/optimize.h"
#include "statecraft/analysis/sweep.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/io/levers_format.h"

namespace statecraft::cli {

struct UncertaintyOptions {
  int draws = 1000;
  std::uint64_t seed = 0;
  int threads = 0;
  std::string distribution = "triangular";
  std::string model_error = "on";  // --model-error on|off
  std::string calibration;         // --calibration FILE; empty: the shipped one

  // The SweepOptions point at the calibration read here (kept alive by `loaded`).
  SweepOptions ToSweepOptions() const;
  mutable std::shared_ptr<const Calibration> loaded;
};

// The line printed above a table of probabilities: whether they include the model's error.
std::string ModelErrorNote(const SweepOptions& options);

void AddUncertaintyOptions(CLI::App& command, UncertaintyOptions& options, int default_draws);

// The scenario named by the options (or the built-in one) with its levers.
ScenarioWithLevers LoadScenarioWithLevers(const InputOptions& options);

// "NAME" or "NAME:k=v,k=v" specs → models with resolved parameters; every model when empty.
std::vector<ModelChoice> ChosenModels(const std::vector<std::string>& specs);

// "median [q10, q90]" of a quantile summary.
std::string FormatInterval(const Quantiles& quantiles);

// "12%" for a probability.
std::string FormatPercent(double probability);

// The optimize tables (cheapest plan and runners-up, or the closest plans); shared by
// `statecraft optimize` and the default analysis.
void PrintOptimizeResult(const OptimizeResult& result, const OptimizeOptions& options,
                         const std::string& opponent);

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_LEVER_OPTIONS_H_

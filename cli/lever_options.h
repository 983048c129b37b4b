// What the lever commands (whatif, sweep, optimize, answer) share on the command line: the
// uncertainty options (--draws, --seed, --threads, --distribution) and the renderings of their
// results as tables.
#ifndef STATECRAFT_CLI_LEVER_OPTIONS_H_
#define STATECRAFT_CLI_LEVER_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <string>

#include "cli/common.h"
#include "statecraft/analysis/optimize.h"
#include "statecraft/app/checks.h"

namespace statecraft::cli {

// --draws (default `default_draws`), --seed, --threads, --distribution, --model-error,
// --calibration, into `options`.
void AddUncertaintyOptions(CLI::App& command, app::Uncertainty& options,
                           std::int64_t default_draws);

// --model-error on|off and --calibration FILE (docs/calibration.md).
void AddModelErrorOptions(CLI::App& command, bool& model_error,
                          std::shared_ptr<const Calibration>& calibration);

// The line printed with a table of probabilities: whether they include the models' own error.
std::string ModelErrorNote(const SweepOptions& options);

// "median [q10, q90]" of a quantile summary.
std::string FormatInterval(const Quantiles& quantiles);

// "12%" for a probability.
std::string FormatPercent(double probability);

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_LEVER_OPTIONS_H_

#include "cli/lever_options.h"

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
}

std::string FormatInterval(const Quantiles& quantiles) {
  return FormatNumber(quantiles.median) + " [" + FormatNumber(quantiles.q10) + ", " +
         FormatNumber(quantiles.q90) + "]";
}

std::string FormatPercent(double probability) { return FormatNumber(100.0 * probability, 0) + "%"; }

}  // namespace statecraft::cli

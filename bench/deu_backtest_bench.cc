// Reading the DEU dataset (364 issues, 141 proposals) and backtesting the baseline models.
#include <benchmark/benchmark.h>

#include "statecraft/analysis/backtest.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/io/text_file.h"

namespace statecraft {
namespace {

const std::string kDeuPath =
    std::string(STATECRAFT_SOURCE_DIR) + "/data/deu/deu_i_ii_iii_combined_blksv.tsv";

void BM_ReadDeu(benchmark::State& state) {
  const std::string text = ReadTextFile(kDeuPath);
  for (auto _ : state) {
    benchmark::DoNotOptimize(ParseScenarios(text, kDeuPath));
  }
}
BENCHMARK(BM_ReadDeu)->Unit(benchmark::kMillisecond);

void BM_ReadAndBacktestBaselines(benchmark::State& state) {
  const std::vector<BacktestModel> models = {{"mean", "mean", {}},
                                             {"median", "median", {}},
                                             {"weighted_median", "weighted_median", {}},
                                             {"compromise", "compromise", {}}};
  for (auto _ : state) {
    const std::vector<Scenario> scenarios = ReadScenarios(kDeuPath);
    benchmark::DoNotOptimize(Backtest(scenarios, models));
  }
}
BENCHMARK(BM_ReadAndBacktestBaselines)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace statecraft

// Sweep throughput on the built-in scenario (issue 9, docs/performance/scale.md):
//   - the target: eum, exchange and compromise, 100,000 draws each, with the summary a sweep
//     prints (quantiles, target probability, drivers of every issue), at 1 and 2 threads; the
//     parallel efficiency is T(1) / (2 × T(2));
//   - runs per second of every registered model in a sweep (draws per second, one thread).
// Counters give wall and processor seconds per model: the machine may be shared, and processor
// time is the measure of the work done.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

#include "statecraft/analysis/sweep.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/app/lever_json.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

const ScenarioWithLevers& Flagship() {
  static const ScenarioWithLevers flagship = BuiltinScenarioWithLevers();
  return flagship;
}

ModelChoice Model(const std::string& name) {
  const ModelInfo& info = BuiltinModels().Get(name);
  return {&info, ResolveParams(name, info.params, {})};
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double CpuSeconds(std::clock_t start) {
  return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

// A sweep and the summary `statecraft sweep --format json` prints of it.
void SweepAndSummarize(const ModelChoice& model, const SweepOptions& options,
                       const Target& target) {
  const SweepResult result = RunSweep(Flagship().scenario, {}, *model.info, model.params, options);
  const Json summary = app::SweepToJson(Flagship().scenario, result, options, target, 10);
  benchmark::DoNotOptimize(summary.size());
}

// The target: eum + exchange + compromise, 100,000 draws each, ≤ 10 s on 2 cores. Arg: threads.
void BM_TargetSweep(benchmark::State& state) {
  SweepOptions options;
  options.draws = static_cast<int>(state.range(1));
  options.threads = static_cast<int>(state.range(0));
  const Target target = ParseTarget(Flagship().scenario, "munitions<=25");
  for (auto _ : state) {
    for (const std::string name : {"eum", "exchange", "compromise"}) {
      const auto start = std::chrono::steady_clock::now();
      const std::clock_t cpu_start = std::clock();
      SweepAndSummarize(Model(name), options, target);
      state.counters[name + "_s"] = Seconds(start);
      state.counters[name + "_cpu_s"] = CpuSeconds(cpu_start);
    }
  }
  state.SetItemsProcessed(state.iterations() * 3 * options.draws);
}
BENCHMARK(BM_TargetSweep)
    ->ArgNames({"threads", "draws"})
    ->Args({1, 100000})
    ->Args({2, 100000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// Draws per second of one model (items_per_second), one thread, the sweep alone.
void BM_SweepRunsPerSecond(benchmark::State& state, const std::string& name, int draws) {
  const ModelChoice model = Model(name);
  SweepOptions options;
  options.draws = draws;
  options.threads = 1;
  for (auto _ : state) {
    // New draws each iteration, and each time Google Benchmark calls this function: eum remembers
    // the issue runs it has seen (eum_outcome_cache.h), and the same draws again would time its
    // lookups, not the model.
    static std::uint64_t seed = 0;
    options.seed = ++seed;
    const SweepResult result =
        RunSweep(Flagship().scenario, {}, *model.info, model.params, options);
    benchmark::DoNotOptimize(result.outcomes.data());
  }
  state.SetItemsProcessed(state.iterations() * draws);
}
BENCHMARK_CAPTURE(BM_SweepRunsPerSecond, compromise, "compromise", 5000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SweepRunsPerSecond, median, "median", 5000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SweepRunsPerSecond, exchange, "exchange", 2000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SweepRunsPerSecond, eum, "eum", 1000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SweepRunsPerSecond, smp, "smp", 200)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace statecraft

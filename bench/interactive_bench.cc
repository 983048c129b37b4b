// The interactive answers of issue 19 (docs/performance/interactive.md), through the same
// request layer as the command line, with its defaults (model error on, 200 draws per plan for
// optimize; 500 what-if draws and 100 optimize draws for the answer), on every core:
//   - optimize --target "munitions<=60" --probability 0.8 --model exchange --model smp ≤ 10 s;
//   - statecraft (the answer to the built-in question, every model) ≤ 2 s;
//   - optimize --target "munitions<=25" with all seven models together ≤ 15 s.
// Each runs once (Iterations(1)); counters give the process's processor seconds (every thread)
// beside the wall time, the honest measure of the work on a shared machine.
#include <benchmark/benchmark.h>

#include <ctime>

#include "statecraft/app/answer_command.h"
#include "statecraft/app/lever_commands.h"
#include "statecraft/models/eum/eum_outcome_cache.h"
#include "statecraft/models/smp/smp_outcome_cache.h"

namespace statecraft {
namespace {

double CpuSeconds(std::clock_t start) {
  return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

void RunOptimize(benchmark::State& state, const std::string& target,
                 const std::vector<std::string>& models) {
  app::OptimizeRequest request;
  request.target = target;
  request.probability = 0.8;
  request.models.clear();
  for (const std::string& model : models) request.models.push_back(ModelSpec{model, {}});
  for (auto _ : state) {
    const std::clock_t start = std::clock();
    const auto output = app::Optimize(request, app::Context{});
    if (!output.ok()) {
      state.SkipWithError(output.error().message.c_str());
      return;
    }
    state.counters["cpu_s"] = CpuSeconds(start);
    state.counters["plans_weighed"] = static_cast<double>(output.value().result.evaluated);
  }
}

void BM_OptimizeExchangeSmp(benchmark::State& state) {
  RunOptimize(state, "munitions<=60", {"exchange", "smp"});
}
BENCHMARK(BM_OptimizeExchangeSmp)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

void BM_OptimizeSevenModels(benchmark::State& state) {
  RunOptimize(state, "munitions<=25",
              {"mean", "median", "weighted_median", "compromise", "exchange", "eum", "smp"});
}
BENCHMARK(BM_OptimizeSevenModels)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

void BM_Answer(benchmark::State& state) {
  const app::AnswerRequest request;
  for (auto _ : state) {
    const ExactInputCacheCounts before = EumOutcomeCacheCounters();
    const ExactInputCacheCounts smp_before = SmpOutcomeCacheCounters();
    const std::clock_t start = std::clock();
    const auto output = app::ComputeAnswer(request, app::Context{});
    if (!output.ok()) {
      state.SkipWithError(output.error().message.c_str());
      return;
    }
    state.counters["cpu_s"] = CpuSeconds(start);
    // eum's issue runs looked up instead of rerun (statecraft/models/eum/eum_outcome_cache.h).
    const ExactInputCacheCounts after = EumOutcomeCacheCounters();
    state.counters["eum_issue_runs"] = static_cast<double>(after.lookups - before.lookups);
    state.counters["eum_reused"] = static_cast<double>(after.hits - before.hits);
    // The same for smp's runs (statecraft/models/smp/smp_outcome_cache.h).
    const ExactInputCacheCounts smp_after = SmpOutcomeCacheCounters();
    state.counters["smp_runs"] = static_cast<double>(smp_after.lookups - smp_before.lookups);
    state.counters["smp_reused"] = static_cast<double>(smp_after.hits - smp_before.hits);
  }
}
BENCHMARK(BM_Answer)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

}  // namespace
}  // namespace statecraft

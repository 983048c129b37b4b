// The flagship analyses (issue 6 speed targets, docs/performance/flagship.md):
//   - whatif: 5 declared plans (and the baseline) × every fast model × 1,000 draws ≤ 2 s;
//   - optimize over the declared lever grid against Russia's counter-levers ≤ 30 s;
//   - one sweep of 1,000 draws per model, at 1 and 2 threads (how sweeps scale with cores).
// A model is "fast" when one run on the flagship takes under 1 ms (timed here, once); the label
// of the whatif benchmark lists the models it ran.
#include <benchmark/benchmark.h>

#include <chrono>

#include "statecraft/analysis/optimize.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/io/levers_format.h"

namespace statecraft {
namespace {

const ScenarioWithLevers& Flagship() {
  static const ScenarioWithLevers flagship = BuiltinScenarioWithLevers();
  return flagship;
}

std::vector<ModelChoice> FastModels() {
  static const std::vector<ModelChoice> fast = [] {
    std::vector<ModelChoice> models;
    for (const ModelChoice& model : AllModels()) {
      const auto start = std::chrono::steady_clock::now();
      const int runs = 20;
      for (int k = 0; k < runs; ++k) RunWithLevers(Flagship().scenario, model, {}, {}, k);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / runs;
      if (seconds < 1e-3) models.push_back(model);
    }
    return models;
  }();
  return fast;
}

std::vector<Plan> FivePlans() {
  std::vector<Plan> plans(Flagship().levers.plans.begin(), Flagship().levers.plans.begin() + 5);
  return plans;
}

void BM_FlagshipWhatif(benchmark::State& state) {
  SweepOptions options;
  options.draws = 1000;
  options.threads = static_cast<int>(state.range(0));
  const Target target = ParseTarget(Flagship().scenario, "munitions<=25");
  const std::vector<ModelChoice> models = FastModels();
  for (auto _ : state) {
    const WhatifResult result =
        RunWhatif(Flagship().scenario, Flagship().levers, FivePlans(), models, options, target);
    benchmark::DoNotOptimize(result.cases.size());
  }
  std::string label = "models:";
  for (const ModelChoice& model : models) label += " " + model.info->name;
  state.SetLabel(label);
}
BENCHMARK(BM_FlagshipWhatif)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FlagshipSweep(benchmark::State& state) {
  const std::vector<ModelChoice> models = AllModels();
  const ModelChoice& model = models[state.range(0)];
  SweepOptions options;
  options.draws = 1000;
  options.threads = static_cast<int>(state.range(1));
  const SweepPlan plan =
      MakeSweepPlan(Flagship().levers, *Flagship().levers.FindPlan("everything"));
  for (auto _ : state) {
    const SweepResult result =
        RunSweep(Flagship().scenario, plan, *model.info, model.params, options);
    benchmark::DoNotOptimize(result.outcomes.data());
  }
  state.SetLabel(model.info->name);
}
BENCHMARK(BM_FlagshipSweep)
    ->ArgsProduct({benchmark::CreateDenseRange(0, static_cast<int>(AllModels().size()) - 1, 1),
                   {1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_FlagshipOptimize(benchmark::State& state) {
  const std::vector<ModelChoice> models = AllModels();
  const ModelChoice& model = models[state.range(0)];
  OptimizeOptions options;
  options.sweep.draws = 200;
  options.target = ParseTarget(Flagship().scenario, "munitions<=25");
  options.probability = 0.8;
  std::size_t evaluated = 0;
  for (auto _ : state) {
    const OptimizeResult result =
        Optimize(Flagship().scenario, Flagship().levers, {model}, options);
    evaluated = result.evaluated;
  }
  state.SetLabel(model.info->name + ", " + std::to_string(evaluated) + " plans evaluated");
}
BENCHMARK(BM_FlagshipOptimize)
    ->DenseRange(0, static_cast<int>(AllModels().size()) - 1, 1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
}  // namespace statecraft

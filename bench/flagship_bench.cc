// The flagship analyses (issue 6 speed targets, docs/performance/flagship.md):
//   - whatif: 5 declared plans (and the baseline) × every fast model × 1,000 draws ≤ 2 s;
//   - optimize over the declared lever grid against Russia's counter-levers ≤ 30 s;
//   - one sweep of 1,000 draws per model, at 1 and 2 threads (how sweeps scale with cores).
// Models are read from the registry inside each benchmark (not at static initialisation, when
// the registry's parameter tables may not exist yet).
// A model is "fast" when one run on the flagship takes under 0.5 ms of processor time (timed
// here, once); the label of the whatif benchmark lists the models it ran.
#include <benchmark/benchmark.h>

#include <chrono>
#include <ctime>

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
      const std::clock_t start = std::clock();
      const int runs = 20;
      for (int k = 0; k < runs; ++k) RunWithLevers(Flagship().scenario, model, {}, {}, k);
      const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC / runs;
      if (seconds < 0.5e-3) models.push_back(model);
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

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Processor time of the whole process (every thread): on a shared machine the honest measure of
// the work done.
double CpuSeconds(std::clock_t start) {
  return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

// One sweep of 1,000 draws of the "everything" plan per model; the counters give each model's
// seconds (the registry is read inside the benchmark, so every model joins by itself).
void BM_FlagshipSweepEachModel(benchmark::State& state) {
  SweepOptions options;
  options.draws = 1000;
  options.threads = static_cast<int>(state.range(0));
  const SweepPlan plan =
      MakeSweepPlan(Flagship().levers, *Flagship().levers.FindPlan("everything"));
  for (auto _ : state) {
    for (const ModelChoice& model : AllModels()) {
      const auto start = std::chrono::steady_clock::now();
      const std::clock_t cpu_start = std::clock();
      const SweepResult result =
          RunSweep(Flagship().scenario, plan, *model.info, model.params, options);
      benchmark::DoNotOptimize(result.outcomes.data());
      state.counters[model.info->name + "_s"] = Seconds(start);
      state.counters[model.info->name + "_cpu_s"] = CpuSeconds(cpu_start);
    }
  }
}
BENCHMARK(BM_FlagshipSweepEachModel)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// Optimize over the declared grid (256 plans, 19 counter-plans) with 200 draws per evaluation,
// for each model on its own; counters give each model's seconds and plans evaluated.
void BM_FlagshipOptimizeEachModel(benchmark::State& state) {
  OptimizeOptions options;
  options.sweep.draws = 200;
  options.target = ParseTarget(Flagship().scenario, "munitions<=25");
  options.probability = 0.8;
  for (auto _ : state) {
    for (const ModelChoice& model : AllModels()) {
      const auto start = std::chrono::steady_clock::now();
      const std::clock_t cpu_start = std::clock();
      const OptimizeResult result =
          Optimize(Flagship().scenario, Flagship().levers, {model}, options);
      state.counters[model.info->name + "_s"] = Seconds(start);
      state.counters[model.info->name + "_cpu_s"] = CpuSeconds(cpu_start);
      benchmark::DoNotOptimize(result.evaluated);
    }
  }
}
BENCHMARK(BM_FlagshipOptimizeEachModel)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
}  // namespace statecraft

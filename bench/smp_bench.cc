// Google Benchmark of the smp model (KTAB's spatial model of politics) on KTAB's own inputs.
// Figures and the commands that produced them: docs/performance/smp.md.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "statecraft/analysis/run.h"
#include "statecraft/io/importers/ktab.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/io/text_file.h"
#include "statecraft/models/builtin.h"
#include "statecraft/models/smp/smp.h"

namespace statecraft {
namespace {

Scenario KtabInput(const std::string& name) {
  const std::string path = std::string(STATECRAFT_SOURCE_DIR) + "/data/ktab/" + name + ".csv";
  return ReadKtabCsv(ReadTextFile(path), path, ImportOptions{})[0];
}

// The whole registered model: parameters, run, per-turn detail, decision rules.
void RunKtabInput(benchmark::State& state, const std::string& name) {
  const Scenario scenario = KtabInput(name);
  const ModelInfo& info = BuiltinModels().Get("smp");
  std::size_t turns = 0;
  for (auto _ : state) {
    const Forecast forecast = RunModel(info, scenario, {}, 0);
    turns = forecast.rounds.size() - 1;
    benchmark::DoNotOptimize(forecast.outcome.data());
  }
  state.counters["actors"] = scenario.ActorCount();
  state.counters["dims"] = scenario.IssueCount();
  state.counters["turns"] = static_cast<double>(turns);
}

void BM_SmpDummyData3Dim(benchmark::State& state) { RunKtabInput(state, "dummyData_3Dim"); }
void BM_SmpSoePolicy(benchmark::State& state) { RunKtabInput(state, "SOE-Policy"); }
void BM_SmpSoeCompetitive(benchmark::State& state) { RunKtabInput(state, "SOE-Competitive"); }
void BM_SmpDummyData6Dim(benchmark::State& state) { RunKtabInput(state, "dummyData_6Dim"); }
void BM_SmpDummyDataA040(benchmark::State& state) { RunKtabInput(state, "dummyData-a040"); }
void BM_SmpDummyDataA080(benchmark::State& state) { RunKtabInput(state, "dummyData-a080"); }
void BM_SmpDummyDataA160(benchmark::State& state) { RunKtabInput(state, "dummyData-a160"); }

BENCHMARK(BM_SmpDummyData3Dim)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SmpSoePolicy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SmpSoeCompetitive)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SmpDummyData6Dim)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SmpDummyDataA040)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SmpDummyDataA080)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SmpDummyDataA160)->Unit(benchmark::kMillisecond);

// What one Monte Carlo draw of a sweep asks of smp (Model::RunOutcome: the outcome and the final
// positions, no per-turn detail) against the full run (Model::Run, with every turn's detail), on
// the built-in scenario (8 actors, 3 issues run one by one) and on SOE-Policy (26 actors, 1
// dimension, 19 turns). The sweep adds the draw's sampling and decision rules to RunOutcome.
void RunSmpModel(benchmark::State& state, const Scenario& scenario, bool outcome_only) {
  const ModelInfo& info = BuiltinModels().Get("smp");
  const auto model = info.create(ResolveParams("smp", info.params, {}));
  for (auto _ : state) {
    // A new seed each time: RunOutcome remembers the runs it has seen (smp_outcome_cache.h), and
    // the same run again would time its lookup, not the model (the default switches do not read
    // the seed, so every run does the same work).
    static std::uint64_t seed = 0;
    ++seed;
    const Forecast forecast =
        outcome_only ? model->RunOutcome(scenario, seed) : model->Run(scenario, seed);
    benchmark::DoNotOptimize(forecast.outcome.data());
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_SmpRunOutcomeFlagship(benchmark::State& state) {
  RunSmpModel(state, BuiltinScenarioWithLevers().scenario, true);
}
void BM_SmpRunFlagship(benchmark::State& state) {
  RunSmpModel(state, BuiltinScenarioWithLevers().scenario, false);
}
void BM_SmpRunOutcomeSoePolicy(benchmark::State& state) {
  RunSmpModel(state, KtabInput("SOE-Policy"), true);
}
void BM_SmpRunSoePolicy(benchmark::State& state) {
  RunSmpModel(state, KtabInput("SOE-Policy"), false);
}
BENCHMARK(BM_SmpRunOutcomeFlagship)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SmpRunFlagship)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SmpRunOutcomeSoePolicy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SmpRunSoePolicy)->Unit(benchmark::kMillisecond);

// One turn of the engine alone on n actors in 1 dimension (the a160 input cut to n actors),
// capped to one turn: the per-turn cost, to check its O(n^3) growth.
void BM_SmpOneTurn(benchmark::State& state) {
  const Scenario full = KtabInput("dummyData-a160");
  const int n = static_cast<int>(state.range(0));
  SmpInput input;
  input.actor_count = n;
  input.dimension_count = 1;
  for (int a = 0; a < n; ++a) {
    input.capability.push_back(full.actors[a].capability.central);
    input.position.push_back(full.Position(a, 0) / 100.0);
    input.salience.push_back(full.Salience(a, 0));
  }
  SmpConfig config;
  config.max_iterations = 1;
  for (auto _ : state) {
    const SmpHistory history = RunSmp(input, config, 0);
    benchmark::DoNotOptimize(history.states.back().position.data());
  }
  state.SetComplexityN(n);
}
BENCHMARK(BM_SmpOneTurn)
    ->RangeMultiplier(2)
    ->Range(20, 160)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

}  // namespace
}  // namespace statecraft

// How one model run grows with the size of the assembly (issue 9, docs/performance/scale.md):
// time of a run of eum, smp, exchange and compromise (each with its default parameters, through
// the registry and the decision rules, as a sweep runs it) on generated scenarios of 10, 30, 100
// and 650 actors (a parliament) and 1, 3 and 10 issues.
//
// The generator is deterministic (SplitMix64 from seed 2026): capabilities U(0.05, 1) per actor,
// positions U(0, 100) and saliences U(0.1, 1) per actor and issue, every actor on every issue.
// Runs slower than a few seconds are left out (smp grows as actors³ per turn).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "statecraft/analysis/run.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

double NextUniform(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1.0p-53;
}

Scenario GeneratedScenario(int actors, int issues) {
  std::uint64_t state = 2026;
  Scenario scenario;
  scenario.name = std::to_string(actors) + " actors, " + std::to_string(issues) + " issues";
  for (int actor = 0; actor < actors; ++actor) {
    scenario.actors.push_back(
        {"actor" + std::to_string(actor), "", Estimate(0.05 + 0.95 * NextUniform(state))});
  }
  for (int issue = 0; issue < issues; ++issue) {
    Issue item;
    item.name = "issue" + std::to_string(issue);
    scenario.issues.push_back(item);
  }
  scenario.ResizeStakes();
  for (int actor = 0; actor < actors; ++actor) {
    for (int issue = 0; issue < issues; ++issue) {
      Stake stake;
      stake.position = Estimate(100.0 * NextUniform(state));
      stake.salience = Estimate(0.1 + 0.9 * NextUniform(state));
      scenario.SetStake(actor, issue, stake);
    }
  }
  scenario.Validate();
  return scenario;
}

// Args: actors, issues.
void BM_ModelRun(benchmark::State& state, const std::string& name) {
  const int actors = static_cast<int>(state.range(0));
  const int issues = static_cast<int>(state.range(1));
  const Scenario scenario = GeneratedScenario(actors, issues);
  const ModelInfo& info = BuiltinModels().Get(name);
  const ParamValues params = ResolveParams(name, info.params, {});
  const auto model = info.create(params);
  std::uint64_t seed = 0;
  for (auto _ : state) {
    const Forecast forecast = RunModel(info, *model, params, scenario, ++seed);
    benchmark::DoNotOptimize(forecast.ruled_outcome.data());
  }
  state.SetItemsProcessed(state.iterations());  // runs per second
  state.counters["actors"] = actors;
  state.counters["issues"] = issues;
}

// Actors 10 to 650 at 3 issues, then 1 and 10 issues; sizes past `largest` actors are left out.
void ActorsAndIssues(benchmark::internal::Benchmark* benchmark, int largest) {
  benchmark->ArgNames({"actors", "issues"});
  for (int issues : {3, 1, 10}) {
    for (int actors : {10, 30, 100, 650}) {
      if (actors <= largest) benchmark->Args({actors, issues});
    }
  }
  benchmark->Unit(benchmark::kMillisecond);
}

BENCHMARK_CAPTURE(BM_ModelRun, compromise, "compromise")->Apply([](auto* benchmark) {
  ActorsAndIssues(benchmark, 650);
});
BENCHMARK_CAPTURE(BM_ModelRun, eum, "eum")->Apply([](auto* benchmark) {
  ActorsAndIssues(benchmark, 650);
});
BENCHMARK_CAPTURE(BM_ModelRun, exchange, "exchange")->Apply([](auto* benchmark) {
  ActorsAndIssues(benchmark, 650);
});
BENCHMARK_CAPTURE(BM_ModelRun, smp, "smp")->Apply([](auto* benchmark) {
  ActorsAndIssues(benchmark, 100);
});

}  // namespace
}  // namespace statecraft

// Speed of the exchange model (issue 5): COP21 (15 × 13, 10 rounds) and random scenarios shaped
// like docs/models/exchange.md §4 (integer positions U{0..100}, saliences U(0.05, 1) per
// actor-issue, capabilities U(0.05, 1) per actor). Figures: docs/performance/exchange.md.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "statecraft/io/importers/decide_csv.h"
#include "statecraft/io/text_file.h"
#include "statecraft/models/exchange/exchange.h"

namespace statecraft {
namespace {

// A stake with the actor's own capability.
Stake PlainStake(Estimate position, Estimate salience) {
  Stake stake;
  stake.position = position;
  stake.salience = salience;
  return stake;
}

Scenario Cop21() {
  const std::string path = std::string(STATECRAFT_SOURCE_DIR) +
                           "/data/gpl/decide/cop21_paris_2015_stokman_thomson.decide.csv";
  return ReadDecide(ReadTextFile(path), path, ImportOptions{}).front();
}

Scenario RandomScenario(int actors, int issues, std::uint64_t seed) {
  std::uint64_t state = seed;
  auto uniform = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * 0x1.0p-53;
  };
  Scenario scenario;
  for (int a = 0; a < actors; ++a) {
    scenario.actors.push_back({"actor" + std::to_string(a), "", Estimate(0.05 + 0.95 * uniform())});
  }
  for (int d = 0; d < issues; ++d) {
    Issue issue;
    issue.name = "issue" + std::to_string(d);
    scenario.issues.push_back(issue);
  }
  scenario.ResizeStakes();
  for (int a = 0; a < actors; ++a) {
    for (int d = 0; d < issues; ++d) {
      scenario.SetStake(
          a, d,
          PlainStake(Estimate(std::floor(uniform() * 101.0)), Estimate(0.05 + 0.95 * uniform())));
    }
  }
  scenario.Validate();
  return scenario;
}

void ReportCounters(benchmark::State& state, const Forecast& forecast) {
  std::int64_t exchanges = 0;
  std::int64_t candidates = 0;
  for (std::size_t t = 1; t < forecast.rounds.size(); ++t) {
    exchanges +=
        static_cast<std::int64_t>(forecast.rounds[t].detail.Find("exchanges")->AsList().size());
    candidates += forecast.rounds[t].detail.Find("candidates")->AsInteger();
  }
  state.counters["exchanges"] = static_cast<double>(exchanges);
  state.counters["candidates"] = static_cast<double>(candidates);
}

// Arg 0: decide_compat (1) or clean rules (0).
void BM_Cop21TenRounds(benchmark::State& state) {
  const Scenario scenario = Cop21();
  ExchangeOptions options;
  options.rounds = 10;
  options.decide_compat = state.range(0) != 0;
  Forecast forecast;
  for (auto _ : state) {
    forecast = RunExchange(scenario, options, 0);
    benchmark::DoNotOptimize(forecast.outcome.data());
  }
  ReportCounters(state, forecast);
}
BENCHMARK(BM_Cop21TenRounds)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// Args: actors, issues, rounds, decide_compat.
void BM_Random(benchmark::State& state) {
  const Scenario scenario =
      RandomScenario(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), 2024);
  ExchangeOptions options;
  options.rounds = static_cast<int>(state.range(2));
  options.decide_compat = state.range(3) != 0;
  Forecast forecast;
  for (auto _ : state) {
    forecast = RunExchange(scenario, options, 0);
    benchmark::DoNotOptimize(forecast.outcome.data());
  }
  ReportCounters(state, forecast);
}
BENCHMARK(BM_Random)
    ->Args({30, 10, 1, 1})
    ->Args({30, 10, 10, 1})
    ->Args({100, 10, 1, 1})
    ->Args({100, 10, 10, 1})
    ->Args({100, 10, 10, 0})
    ->Unit(benchmark::kMillisecond);

// REX with p = 0.5 on COP21 (one repetition; analyses repeat it with different seeds).
void BM_Cop21Rex(benchmark::State& state) {
  const Scenario scenario = Cop21();
  ExchangeOptions options;
  options.rounds = 10;
  options.rex_p = 0.5;
  options.decide_compat = true;
  std::uint64_t seed = 0;
  for (auto _ : state) {
    const Forecast forecast = RunExchange(scenario, options, ++seed);
    benchmark::DoNotOptimize(forecast.outcome.data());
  }
}
BENCHMARK(BM_Cop21Rex)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace statecraft

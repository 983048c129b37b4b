// eum: 10 rounds of the expected utility model at 10, 100 and 1,000 actors, in the compressed form
// (the engine's default) and the straightforward O(n³) form it is checked against.
//
// Inputs: data/eum/random/rand_n{10,100}.csv (Python random.Random(42)); for
// 1,000 actors a synthetic scenario from a fixed SplitMix64 stream with the same distributions
// (capability U(0.01, 1), position U(0, 100) rounded to 0.1 like the reference files, salience
// U(0.1, 1)), and a variant with unrounded, hence all distinct, positions (the worst case for the
// compression).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "statecraft/io/importers/bdm_csv.h"
#include "statecraft/io/text_file.h"
#include "statecraft/models/eum/eum.h"

namespace statecraft {
namespace {

EumIssueInput FromFile(const std::string& name) {
  const std::string path = std::string(STATECRAFT_SOURCE_DIR) + "/data/eum/random/" + name;
  const Scenario scenario = ReadBdmCsv(ReadTextFile(path), path, ImportOptions{}).front();
  EumIssueInput input;
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    input.position.push_back(scenario.Position(actor, 0));
    input.capability.push_back(scenario.Capability(actor, 0));
    input.salience.push_back(scenario.Salience(actor, 0));
  }
  return input;
}

// SplitMix64 mapped to [0, 1).
double NextUniform(std::uint64_t* state) {
  std::uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1.0p-53;
}

EumIssueInput Synthetic(int n, bool rounded) {
  std::uint64_t state = 42;
  EumIssueInput input;
  for (int k = 0; k < n; ++k) {
    input.capability.push_back(0.01 + 0.99 * NextUniform(&state));
    const double position = 100.0 * NextUniform(&state);
    input.position.push_back(rounded ? std::round(position * 10.0) / 10.0 : position);
    input.salience.push_back(0.1 + 0.9 * NextUniform(&state));
  }
  return input;
}

EumIssueInput InputFor(int n, bool distinct) {
  if (n == 10) return FromFile("rand_n10.csv");
  if (n == 100) return FromFile("rand_n100.csv");
  return Synthetic(n, !distinct);
}

void RunTenRounds(benchmark::State& state, bool straightforward, bool distinct) {
  const EumIssueInput input = InputFor(static_cast<int>(state.range(0)), distinct);
  EumOptions options = EumOptions::Reference();
  options.rounds = 10;
  options.straightforward = straightforward;
  for (auto _ : state) {
    EumIssueResult result = RunEumIssue(input, options);
    benchmark::DoNotOptimize(result);
  }
  state.counters["actors"] = static_cast<double>(input.position.size());
}

void BM_EumCompressed(benchmark::State& state) { RunTenRounds(state, false, false); }
void BM_EumCompressedDistinct(benchmark::State& state) { RunTenRounds(state, false, true); }
void BM_EumStraightforward(benchmark::State& state) { RunTenRounds(state, true, false); }

// The machine is shared: with --benchmark_repetitions the fastest repetition ("_min") is the
// figure least disturbed by other processes.
double Fastest(const std::vector<double>& times) {
  return *std::min_element(times.begin(), times.end());
}

BENCHMARK(BM_EumCompressed)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("min", Fastest);
BENCHMARK(BM_EumCompressedDistinct)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("min", Fastest);
BENCHMARK(BM_EumStraightforward)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->ComputeStatistics("min", Fastest);

}  // namespace
}  // namespace statecraft

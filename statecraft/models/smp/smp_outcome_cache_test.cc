#include "statecraft/models/smp/smp_outcome_cache.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <thread>
#include <vector>

#include "statecraft/core/error.h"

namespace statecraft {
namespace {

SmpInput RandomInput(int actors, int dimensions, unsigned seed) {
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  SmpInput input;
  input.actor_count = actors;
  input.dimension_count = dimensions;
  for (int a = 0; a < actors; ++a) {
    input.capability.push_back(1.0 + 99.0 * unit(random));
    for (int k = 0; k < dimensions; ++k) {
      input.position.push_back(unit(random));
      input.salience.push_back(unit(random) / dimensions);
    }
  }
  return input;
}

void ExpectSameAsARun(const SmpFinalState& remembered, const SmpInput& input,
                      const SmpConfig& config, std::uint64_t seed) {
  const SmpFinalState run = RunSmpOutcome(input, config, seed);
  EXPECT_EQ(remembered.turns, run.turns);
  ASSERT_EQ(remembered.position.size(), run.position.size());
  for (std::size_t k = 0; k < run.position.size(); ++k) {
    EXPECT_EQ(std::signbit(remembered.position[k]), std::signbit(run.position[k]));
    EXPECT_EQ(remembered.position[k], run.position[k]) << "cell " << k;
  }
}

TEST(SmpOutcomeCache, ARememberedFinalStateIsTheRunsFinalState) {
  const SmpConfig config;
  for (unsigned seed = 1; seed <= 12; ++seed) {
    const SmpInput input = RandomInput(3 + static_cast<int>(seed % 8), 1 + seed % 3, seed);
    const ExactInputCacheCounts before = SmpOutcomeCacheCounters();
    const SmpFinalState first = RunSmpOutcomeRemembered(input, config, seed);
    const SmpFinalState second = RunSmpOutcomeRemembered(input, config, seed);
    const ExactInputCacheCounts after = SmpOutcomeCacheCounters();
    EXPECT_EQ(after.lookups - before.lookups, 2);
    EXPECT_GE(after.hits - before.hits, 1);  // the second lookup (other tests may run beside)
    ExpectSameAsARun(first, input, config, seed);
    ExpectSameAsARun(second, input, config, seed);
  }
}

TEST(SmpOutcomeCache, InputsSwitchesOrSeedsDifferingInOneNumberAreNotShared) {
  const SmpInput input = RandomInput(9, 2, 77);
  const SmpConfig config;
  RunSmpOutcomeRemembered(input, config, 5);
  SmpInput nudged = input;
  nudged.salience[3] = std::nextafter(nudged.salience[3], 0.0);
  ExpectSameAsARun(RunSmpOutcomeRemembered(nudged, config, 5), nudged, config, 5);
  SmpInput zero_signed = input;
  zero_signed.position[0] = 0.0;
  SmpInput negative_zero = input;
  negative_zero.position[0] = -0.0;
  ExpectSameAsARun(RunSmpOutcomeRemembered(zero_signed, config, 5), zero_signed, config, 5);
  ExpectSameAsARun(RunSmpOutcomeRemembered(negative_zero, config, 5), negative_zero, config, 5);
  SmpInput accommodating = input;
  accommodating.accommodation.assign(81, 0.0);
  for (int a = 0; a < 9; ++a) accommodating.accommodation[a * 9 + a] = 0.3;
  ExpectSameAsARun(RunSmpOutcomeRemembered(accommodating, config, 5), accommodating, config, 5);
  SmpConfig voting = config;
  voting.voting_rule = SmpVotingRule::kBinary;
  ExpectSameAsARun(RunSmpOutcomeRemembered(input, voting, 5), input, voting, 5);
  SmpConfig quirk = config;
  quirk.initial_bargains_risk_neutral = true;
  ExpectSameAsARun(RunSmpOutcomeRemembered(input, quirk, 5), input, quirk, 5);
  // Stochastic transitions read the seed: each seed's run is its own.
  SmpConfig stochastic = config;
  stochastic.state_transitions = SmpStateTransitions::kStochastic;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    ExpectSameAsARun(RunSmpOutcomeRemembered(input, stochastic, seed), input, stochastic, seed);
    ExpectSameAsARun(RunSmpOutcomeRemembered(input, stochastic, seed), input, stochastic, seed);
  }
}

TEST(SmpOutcomeCache, ABadInputIsAnErrorEveryTime) {
  SmpInput input = RandomInput(5, 1, 3);
  input.position[2] = 1.5;
  EXPECT_THROW(RunSmpOutcomeRemembered(input, SmpConfig{}, 0), InputError);
  EXPECT_THROW(RunSmpOutcomeRemembered(input, SmpConfig{}, 0), InputError);
}

TEST(SmpOutcomeCache, FinalStatesStayRightWhenTheCacheOverflowsUnderThreads) {
  // Enough distinct inputs to turn the generations over at least once (each remembered run takes
  // about 400 bytes of the 2 MB of a generation), looked up from two threads, each input twice.
  const SmpConfig config;
  auto work = [&](unsigned first) {
    for (unsigned seed = first; seed < first + 16000; seed += 2) {
      const SmpInput input = RandomInput(2, 1, seed);
      const SmpFinalState state = RunSmpOutcomeRemembered(input, config, 0);
      const SmpFinalState again = RunSmpOutcomeRemembered(input, config, 0);
      ASSERT_EQ(state.position, again.position);
      ASSERT_EQ(state.turns, again.turns);
      if (seed % 997 == 0) ExpectSameAsARun(again, input, config, 0);
    }
  };
  std::thread other(work, 1001u);
  work(1000u);
  other.join();
}

}  // namespace
}  // namespace statecraft

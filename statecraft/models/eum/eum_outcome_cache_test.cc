#include "statecraft/models/eum/eum_outcome_cache.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <thread>
#include <vector>

#include "statecraft/core/error.h"

namespace statecraft {
namespace {

EumIssueInput RandomIssue(int n, unsigned seed) {
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  EumIssueInput input;
  for (int k = 0; k < n; ++k) {
    input.position.push_back(100.0 * unit(random));
    input.capability.push_back(1.0 + 99.0 * unit(random));
    input.salience.push_back(unit(random));
  }
  return input;
}

void ExpectSameAsARun(const EumIssueOutcome& outcome, const EumIssueInput& input,
                      const EumOptions& options) {
  const EumIssueResult result = RunEumIssue(input, options);
  ASSERT_EQ(outcome.moved, !result.rounds.empty());
  const std::vector<double>& positions =
      result.rounds.empty() ? input.position : result.rounds.back().positions;
  ASSERT_EQ(outcome.positions.size(), positions.size());
  for (std::size_t k = 0; k < positions.size(); ++k) {
    EXPECT_EQ(std::signbit(outcome.positions[k]), std::signbit(positions[k]));
    EXPECT_EQ(outcome.positions[k], positions[k]) << "actor " << k;
  }
  if (outcome.moved) EXPECT_EQ(outcome.last_median, result.rounds.back().median);
  EXPECT_EQ(outcome.initial_median, result.initial_median);
  EXPECT_EQ(outcome.outcome, result.outcome);
  EXPECT_EQ(outcome.settled, result.settled);
  EXPECT_EQ(outcome.outcome_low, result.outcome_low);
  EXPECT_EQ(outcome.outcome_high, result.outcome_high);
  EXPECT_EQ(outcome.cycle_period, result.has_cycle ? result.cycle.period : 0);
}

TEST(EumOutcomeCache, ARememberedOutcomeIsTheRunsOutcome) {
  const EumOptions options;
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const EumIssueInput input = RandomIssue(3 + static_cast<int>(seed % 9), seed);
    const ExactInputCacheCounts before = EumOutcomeCacheCounters();
    const EumIssueOutcome first = RunEumIssueOutcome(input, options);
    const EumIssueOutcome second = RunEumIssueOutcome(input, options);
    const ExactInputCacheCounts after = EumOutcomeCacheCounters();
    EXPECT_EQ(after.lookups - before.lookups, 2);
    EXPECT_GE(after.hits - before.hits, 1);  // the second lookup (other tests may run beside)
    ExpectSameAsARun(first, input, options);
    ExpectSameAsARun(second, input, options);
  }
}

TEST(EumOutcomeCache, InputsOrOptionsDifferingInOneNumberAreNotShared) {
  const EumIssueInput input = RandomIssue(8, 77);
  const EumOptions options;
  RunEumIssueOutcome(input, options);
  EumIssueInput nudged = input;
  nudged.salience[3] = std::nextafter(nudged.salience[3], 0.0);
  ExpectSameAsARun(RunEumIssueOutcome(nudged, options), nudged, options);
  EumIssueInput zero_signed = input;
  zero_signed.position[0] = 0.0;
  EumIssueInput negative_zero = input;
  negative_zero.position[0] = -0.0;
  ExpectSameAsARun(RunEumIssueOutcome(zero_signed, options), zero_signed, options);
  ExpectSameAsARun(RunEumIssueOutcome(negative_zero, options), negative_zero, options);
  EumOptions reference = EumOptions::Reference();
  ExpectSameAsARun(RunEumIssueOutcome(input, reference), input, reference);
  EumOptions pair = options;
  pair.probability = EumProbability::kPair;
  ExpectSameAsARun(RunEumIssueOutcome(input, pair), input, pair);
  EumOptions own = options;
  own.perspective = EumPerspective::kOwn;
  ExpectSameAsARun(RunEumIssueOutcome(input, own), input, own);
}

TEST(EumOutcomeCache, ABadInputIsAnErrorEveryTime) {
  EumIssueInput input = RandomIssue(5, 3);
  input.salience[2] = 1.5;
  EXPECT_THROW(RunEumIssueOutcome(input, EumOptions{}), InputError);
  EXPECT_THROW(RunEumIssueOutcome(input, EumOptions{}), InputError);
}

TEST(EumOutcomeCache, OutcomesStayRightWhenTheCacheOverflowsUnderThreads) {
  // Enough distinct inputs to turn the generations over at least once, looked up from two
  // threads, each input twice.
  const EumOptions options = EumOptions::Reference();
  auto work = [&](unsigned first) {
    for (unsigned seed = first; seed < first + 40000; seed += 2) {
      const EumIssueInput input = RandomIssue(2, seed);
      const EumIssueOutcome outcome = RunEumIssueOutcome(input, options);
      const EumIssueOutcome again = RunEumIssueOutcome(input, options);
      ASSERT_EQ(outcome.positions, again.positions);
      ASSERT_EQ(outcome.outcome, again.outcome);
      if (seed % 997 == 0) ExpectSameAsARun(again, input, options);
    }
  };
  std::thread other(work, 1001u);
  work(1000u);
  other.join();
}

}  // namespace
}  // namespace statecraft

// The DEU importer read through the scenario reader, on the distributed file.
#include <gtest/gtest.h>

#include "statecraft/analysis/backtest.h"
#include "statecraft/io/scenario_reader.h"

namespace statecraft {
namespace {

const std::string kDeuPath =
    std::string(STATECRAFT_SOURCE_DIR) + "/data/deu/deu_i_ii_iii_combined_blksv.tsv";

TEST(DeuImport, OneScenarioPerProposalWithScoreableIssues) {
  const std::vector<Scenario> scenarios = ReadScenarios(kDeuPath);
  EXPECT_EQ(scenarios.size(), 141u);
  int issues = 0;
  int scoreable = 0;
  for (const Scenario& scenario : scenarios) {
    issues += scenario.IssueCount();
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      scoreable += IsScoreable(scenario, issue, 3) ? 1 : 0;
    }
  }
  EXPECT_EQ(issues, 364);
  EXPECT_EQ(scoreable, 351);
  // First row of the file: proposal d00032, issue 1; Commission at 100 with salience 50.
  const Scenario& first = scenarios.front();
  EXPECT_EQ(first.name, "d00032");
  EXPECT_EQ(first.issues[0].name, "d00032i1");
  const int commission = first.ActorIndex("com");
  ASSERT_GE(commission, 0);
  EXPECT_DOUBLE_EQ(first.Position(commission, 0), 100.0);
  EXPECT_DOUBLE_EQ(first.Salience(commission, 0), 0.5);
  EXPECT_DOUBLE_EQ(first.issues[0].known_outcome->central, 100.0);
}

TEST(DeuImport, CouncilVotesAsCapability) {
  ReadOptions options;
  options.import.capability = "votes";
  const std::vector<Scenario> scenarios = ReadScenarios(kDeuPath, options);
  const Scenario& first = scenarios.front();
  EXPECT_DOUBLE_EQ(first.actors[first.ActorIndex("de")].capability.central, 29.0);
  EXPECT_DOUBLE_EQ(first.actors[first.ActorIndex("lu")].capability.central, 4.0);
}

TEST(DeuImport, PublishedBaselines) {
  const std::vector<Scenario> scenarios = ReadScenarios(kDeuPath);
  const BacktestResult result =
      Backtest(scenarios, {{"mean", "mean", {}},
                           {"salience", "mean", {{"weights", "salience"}}},
                           {"median", "median", {}}});
  EXPECT_EQ(result.issues_scored, 351);
  // Published: unweighted mean 23.63, salience-weighted mean 23.64, median 28.37.
  EXPECT_NEAR(result.models[0].mean_absolute_error, 23.63, 0.005);
  EXPECT_NEAR(result.models[1].mean_absolute_error, 23.64, 0.005);
  EXPECT_NEAR(result.models[2].mean_absolute_error, 28.37, 0.005);
  EXPECT_LT(result.models[0].interval_low, 23.63);
  EXPECT_GT(result.models[0].interval_high, 23.63);
}

}  // namespace
}  // namespace statecraft

#include "statecraft/models/smp/smp.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "statecraft/analysis/run.h"
#include "statecraft/core/error.h"
#include "statecraft/io/csv.h"
#include "statecraft/io/importers/ktab.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/io/text_file.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

const std::string kGoldens = std::string(STATECRAFT_SOURCE_DIR) + "/tests/goldens/smp/";
// KTAB's sample inputs (data/README.md).
const std::string kInputs = std::string(STATECRAFT_SOURCE_DIR) + "/data/ktab/";

// A KTAB history file: one row per actor (× dimension), one column per state t0…tN.
struct HistoryTable {
  std::vector<std::string> keys;            // "actor" or "actor/dimension"
  std::vector<std::vector<double>> values;  // per row, per state
  int StateCount() const { return values.empty() ? 0 : static_cast<int>(values[0].size()); }
};

HistoryTable ReadHistory(const std::string& path, int key_columns) {
  HistoryTable table;
  const std::vector<std::string> lines = SplitLines(ReadTextFile(path));
  for (std::size_t l = 1; l < lines.size(); ++l) {
    if (lines[l].empty()) continue;
    const auto fields = SplitCsvLine(lines[l], ',', path, static_cast<int>(l + 1));
    std::string key = fields[0].text;
    if (key_columns == 2) key += "/" + fields[1].text;
    table.keys.push_back(key);
    std::vector<double> row;
    for (std::size_t f = key_columns; f < fields.size(); ++f) {
      row.push_back(RequireNumber(fields[f], "value", path, static_cast<int>(l + 1)));
    }
    table.values.push_back(std::move(row));
  }
  return table;
}

Scenario ReadCsvScenario(const std::string& name) {
  const std::string path = kInputs + name + ".csv";
  return ReadKtabCsv(ReadTextFile(path), path, ImportOptions{})[0];
}

// Compares a run with KTAB's position history (0–100, printed to 0.1) and, when given, its
// win-probability history (printed to 1e-4). Returns the number of mismatching cells.
int CompareWithKtab(const Scenario& scenario, const Forecast& forecast,
                    const std::string& positions_path, const std::string& win_path) {
  const HistoryTable positions = ReadHistory(positions_path, 2);
  EXPECT_EQ(static_cast<int>(forecast.rounds.size()), positions.StateCount())
      << "number of states (turns + 1) differs from KTAB";
  int mismatches = 0;
  const int issue_count = scenario.IssueCount();
  const int states = std::min<int>(forecast.rounds.size(), positions.StateCount());
  for (int a = 0; a < scenario.ActorCount(); ++a) {
    for (int k = 0; k < issue_count; ++k) {
      const int row = a * issue_count + k;
      EXPECT_EQ(positions.keys[row], scenario.actors[a].name + "/" + scenario.issues[k].name);
      for (int t = 0; t < states; ++t) {
        const double ours = forecast.rounds[t].positions[a * issue_count + k];
        const double theirs = positions.values[row][t];
        if (std::abs(ours - theirs) > 0.05 + 1e-6) {
          if (mismatches < 10) {
            ADD_FAILURE() << positions.keys[row] << " t" << t << ": ours " << ours << ", KTAB "
                          << theirs;
          }
          ++mismatches;
        }
      }
    }
  }
  if (win_path.empty()) return mismatches;
  const HistoryTable win = ReadHistory(win_path, 1);
  for (int a = 0; a < scenario.ActorCount(); ++a) {
    for (int t = 0; t < std::min(states, win.StateCount()); ++t) {
      const Detail* probabilities = forecast.rounds[t].detail.Find("win_probability");
      const double ours = probabilities->Find(scenario.actors[a].name)->AsNumber();
      const double theirs = win.values[a][t];
      if (std::abs(ours - theirs) > 0.5e-4 + 1e-7) {
        if (mismatches < 10) {
          ADD_FAILURE() << win.keys[a] << " t" << t << ": win probability ours " << ours
                        << ", KTAB " << theirs;
        }
        ++mismatches;
      }
    }
  }
  return mismatches;
}

void ExpectCsvGolden(const std::string& name) {
  const Scenario scenario = ReadCsvScenario(name);
  const Forecast forecast = RunModel(BuiltinModels().Get("smp"), scenario, {}, 0);
  EXPECT_EQ(CompareWithKtab(scenario, forecast, kGoldens + "expected/" + name + ".positions.csv",
                            kGoldens + "expected/" + name + ".winprob.csv"),
            0);
}

// KTAB's "Fractional change compared to first step" per turn, printed to 1e-4.
void ExpectConvergenceGolden(const std::string& name) {
  const Scenario scenario = ReadCsvScenario(name);
  const Forecast forecast = RunModel(BuiltinModels().Get("smp"), scenario, {}, 0);
  const std::string path = kGoldens + "expected/" + name + ".convergence.txt";
  std::vector<double> expected;
  for (const std::string& line : SplitLines(ReadTextFile(path))) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    expected.push_back(std::stod(line.substr(colon + 1)));
  }
  const Detail::List& ours = forecast.detail.Find("change_ratio")->AsList();
  ASSERT_EQ(ours.size(), expected.size());
  for (std::size_t t = 0; t < expected.size(); ++t) {
    EXPECT_NEAR(ours[t].AsNumber(), expected[t], 0.5e-4 + 1e-9) << name << " turn " << t + 1;
  }
}

// A dummyData_3Dim variant with non-default switches, from KTAB's XML input; its
// <ModelParameters> are passed as the model's parameters.
void ExpectXmlGolden(const std::string& name, const std::string& golden) {
  const std::string path = kGoldens + "expected/params/" + name + ".xml";
  const KtabXmlDocument document = ReadKtabXmlDocument(ReadTextFile(path), path);
  const Forecast forecast =
      RunModel(BuiltinModels().Get("smp"), document.scenario, document.model_parameters, 0);
  EXPECT_EQ(CompareWithKtab(document.scenario, forecast,
                            kGoldens + "expected/params/" + golden + ".positions.csv", ""),
            0);
}

TEST(SmpKtabGolden, DummyData3Dim) { ExpectCsvGolden("dummyData_3Dim"); }
TEST(SmpKtabGolden, SoePolComp) { ExpectCsvGolden("SOE-Pol-Comp"); }
TEST(SmpKtabGolden, SoePolicy) { ExpectCsvGolden("SOE-Policy"); }
TEST(SmpKtabGolden, SoeCompetitive) { ExpectCsvGolden("SOE-Competitive"); }
TEST(SmpKtabGolden, DummyData6Dim) { ExpectCsvGolden("dummyData_6Dim"); }
TEST(SmpKtabGolden, DummyDataA040) { ExpectCsvGolden("dummyData-a040"); }
TEST(SmpKtabGolden, DummyDataA080) { ExpectCsvGolden("dummyData-a080"); }
TEST(SmpKtabGolden, DummyDataA160) { ExpectCsvGolden("dummyData-a160"); }

TEST(SmpKtabGolden, ConvergenceRatios) {
  for (const char* name : {"dummyData_3Dim", "SOE-Pol-Comp", "SOE-Policy", "SOE-Competitive",
                           "dummyData_6Dim", "dummyData-a040", "dummyData-a080"}) {
    ExpectConvergenceGolden(name);
  }
}

TEST(SmpKtabGolden, NoFinalCommaReadsTheSame) {
  const Scenario scenario = ReadCsvScenario("dummyData_3Dim-no-final-comma");
  const Forecast forecast = RunModel(BuiltinModels().Get("smp"), scenario, {}, 0);
  EXPECT_EQ(CompareWithKtab(scenario, forecast, kGoldens + "expected/dummyData_3Dim.positions.csv",
                            kGoldens + "expected/dummyData_3Dim.winprob.csv"),
            0);
}

// KTAB cannot load its own dummyData_3Dim.xml (no <IdealAdjustment>); its content is the CSV's.
TEST(SmpKtabGolden, ShippedXmlMatchesCsvRun) {
  const std::string path = kInputs + "dummyData_3Dim.xml";
  const Scenario scenario = ReadKtabXmlDocument(ReadTextFile(path), path).scenario;
  const Forecast forecast = RunModel(BuiltinModels().Get("smp"), scenario, {}, 0);
  EXPECT_EQ(CompareWithKtab(scenario, forecast, kGoldens + "expected/dummyData_3Dim.positions.csv",
                            kGoldens + "expected/dummyData_3Dim.winprob.csv"),
            0);
}

TEST(SmpKtabParams, DefaultExplicit) {
  ExpectXmlGolden("d3_default_explicit", "d3_default_explicit");
}
TEST(SmpKtabParams, RiskAdjustmentNone) { ExpectXmlGolden("d3_bigRAdj_None", "d3_bigRAdj_None"); }
TEST(SmpKtabParams, RiskRangeMax) { ExpectXmlGolden("d3_bigRRng_Max", "d3_bigRRng_Max"); }
TEST(SmpKtabParams, RiskRangeMin) { ExpectXmlGolden("d3_bigRRng_Min", "d3_bigRRng_Min"); }
TEST(SmpKtabParams, BargainInitRcvrInterp) {
  ExpectXmlGolden("d3_bm_InitRcvrInterp", "d3_bm_InitRcvrInterp");
}
TEST(SmpKtabParams, BargainPWCompInterp) {
  ExpectXmlGolden("d3_bm_PWCompInterp", "d3_bm_PWCompInterp");
}
TEST(SmpKtabParams, InterpolationS1P1) { ExpectXmlGolden("d3_ivb_S1P1", "d3_ivb_S1P1"); }
TEST(SmpKtabParams, InterpolationS2PMax) { ExpectXmlGolden("d3_ivb_S2PMax", "d3_ivb_S2PMax"); }
TEST(SmpKtabParams, PceMarkovIncentive) {
  ExpectXmlGolden("d3_pce_MarkovIncentive", "d3_pce_MarkovIncentive");
}
TEST(SmpKtabParams, PceMarkovUniform) {
  ExpectXmlGolden("d3_pce_MarkovUniform", "d3_pce_MarkovUniform");
}
TEST(SmpKtabParams, ThirdPartyFullCommit) {
  ExpectXmlGolden("d3_tpc_FullCommit", "d3_tpc_FullCommit");
}
TEST(SmpKtabParams, ThirdPartyNoCommit) { ExpectXmlGolden("d3_tpc_NoCommit", "d3_tpc_NoCommit"); }
TEST(SmpKtabParams, VictoryBinary) { ExpectXmlGolden("d3_vpm_Binary", "d3_vpm_Binary"); }
TEST(SmpKtabParams, VictorySquare) { ExpectXmlGolden("d3_vpm_Square", "d3_vpm_Square"); }
TEST(SmpKtabParams, VotingBinary) { ExpectXmlGolden("d3_vr_Binary", "d3_vr_Binary"); }
TEST(SmpKtabParams, VotingPropCbc) { ExpectXmlGolden("d3_vr_PropCbc", "d3_vr_PropCbc"); }
// KTAB throws on its own schema's spelling "Proportional"; it means the default rule.
TEST(SmpKtabParams, SchemaSpellingProportional) {
  ExpectXmlGolden("d3_xsd_Proportional", "d3_default_explicit");
}

// --- KTAB's PRNG and random scenarios (docs/models/smp.md §4.13) ---

TEST(KtabPrng, IsMt19937_64ThroughQTrans) {
  // std::mt19937_64 seeded with its default 5489 first yields 14514284786278117030;
  // qTrans(i) = (i + 0xE08C1D668B756F83)(2i + 3) mod 2^64 of it is 7859951347830305703.
  KtabPrng rng(5489);
  EXPECT_EQ(rng.Next(), 7859951347830305703ULL);
  KtabPrng a(42);
  KtabPrng b(42);
  for (int k = 0; k < 100; ++k) {
    const double x = a.Uniform(10.0, 200.0);
    EXPECT_EQ(x, b.Uniform(10.0, 200.0));
    EXPECT_GE(x, 10.0);
    EXPECT_LE(x, 200.0);
  }
}

TEST(KtabRandomScenario, HasKtabShapesAndIsReproducible) {
  for (std::uint64_t seed : {1ULL, 42ULL, 12345ULL, 15455440707583219804ULL}) {
    const Scenario scenario = KtabRandomScenario(seed);
    const Scenario again = KtabRandomScenario(seed);
    ASSERT_GE(scenario.ActorCount(), 4) << seed;
    ASSERT_LE(scenario.ActorCount(), 25) << seed;
    ASSERT_GE(scenario.IssueCount(), 1) << seed;
    ASSERT_LE(scenario.IssueCount(), 3) << seed;
    EXPECT_EQ(scenario.actors[0].name, "SActor-00");
    EXPECT_EQ(scenario.issues[0].name, "SDim-00");
    ASSERT_EQ(again.ActorCount(), scenario.ActorCount());
    for (int a = 0; a < scenario.ActorCount(); ++a) {
      const double capability = scenario.actors[a].capability.central;
      EXPECT_EQ(capability, again.actors[a].capability.central);
      EXPECT_GE(capability, 10.0);
      EXPECT_LE(capability, 200.0);
      double total = 0.0;
      for (int k = 0; k < scenario.IssueCount(); ++k) {
        total += scenario.Salience(a, k);
        EXPECT_EQ(scenario.Position(a, k), again.Position(a, k));
        EXPECT_GE(scenario.Salience(a, k), 0.75 * 0.1 / 3.0 - 1e-12);
      }
      EXPECT_GE(total, 0.75 - 1e-12);
      EXPECT_LE(total, 0.99 + 1e-12);
    }
    const Forecast forecast = RunModel(BuiltinModels().Get("smp"), scenario,
                                       {{"initial_bargains_risk_neutral", "true"}}, seed);
    for (const Round& round : forecast.rounds) {
      for (double position : round.positions) {
        EXPECT_TRUE(position >= 0.0 && position <= 100.0) << seed;
      }
    }
  }
  // Different seeds give different scenarios.
  EXPECT_NE(KtabRandomScenario(1).actors[0].capability.central,
            KtabRandomScenario(2).actors[0].capability.central);
}

TEST(KtabRandomScenario, AccommodationLagsIdealsBehindPositions) {
  const SmpInput input = KtabRandomInput(7, true);
  const int n = input.actor_count;
  ASSERT_EQ(input.accommodation.size(), static_cast<std::size_t>(n) * n);
  for (int i = 0; i < n; ++i) {
    EXPECT_GE(input.accommodation[i * n + i], 0.1);
    EXPECT_LE(input.accommodation[i * n + i], 0.5);
  }
  const SmpHistory history = RunSmp(input, SmpConfig{}, 7);
  ASSERT_GE(history.states.size(), 2u);
  // y' = A x' + (1 − A_ii) y: ideals move only part of the way to the new positions.
  const SmpState& first = history.states[0];
  const SmpState& second = history.states[1];
  const int d = input.dimension_count;
  for (int i = 0; i < n; ++i) {
    const double a = input.accommodation[i * n + i];
    for (int k = 0; k < d; ++k) {
      EXPECT_NEAR(second.ideal[i * d + k],
                  a * second.position[i * d + k] + (1.0 - a) * first.ideal[i * d + k], 1e-12);
    }
  }
}

// --- Our own behaviour beyond KTAB ---

TEST(SmpModel, StochasticModeIsReproducibleForAFixedSeed) {
  const Scenario scenario = ReadCsvScenario("SOE-Pol-Comp");
  const ModelInfo& info = BuiltinModels().Get("smp");
  const ParamAssignments stochastic = {{"state_transitions", "stochastic"}};
  const Forecast first = RunModel(info, scenario, stochastic, 2024);
  const Forecast second = RunModel(info, scenario, stochastic, 2024);
  ASSERT_EQ(first.rounds.size(), second.rounds.size());
  for (std::size_t t = 0; t < first.rounds.size(); ++t) {
    EXPECT_EQ(first.rounds[t].positions, second.rounds[t].positions) << "round " << t;
  }
  // The seed matters in stochastic mode: some seed gives another history.
  bool differs = false;
  for (std::uint64_t seed = 1; seed <= 5 && !differs; ++seed) {
    const Forecast other = RunModel(info, scenario, stochastic, seed);
    differs = other.rounds.size() != first.rounds.size() ||
              other.rounds.back().positions != first.rounds.back().positions;
  }
  EXPECT_TRUE(differs);
}

// A sweep asks for the outcome and the final positions only: the same numbers as the full run,
// whether the issues are run jointly (one or several dimensions) or one by one (the built-in
// scenario: issues stop at different turns), stochastic or not, with every bargain model.
TEST(SmpModel, RunOutcomeGivesTheLastRoundOfRun) {
  Scenario weightless = BuiltinScenarioWithLevers().scenario;
  weightless.actors[1].capability = Estimate(0.0);
  Stake stake = weightless.StakeOf(2, 0);
  stake.salience = Estimate(0.0);
  weightless.SetStake(2, 0, stake);
  const std::vector<Scenario> scenarios = {
      BuiltinScenarioWithLevers().scenario, weightless, ReadCsvScenario("SOE-Pol-Comp"),
      ReadCsvScenario("dummyData_3Dim"), KtabRandomScenario(3)};
  const std::vector<ParamAssignments> settings = {
      {},
      {{"state_transitions", "stochastic"}},
      {{"bargain_model", "pw_comp_interp"}, {"voting_rule", "binary"}},
      {{"bargain_model", "init_rcvr_interp"}, {"third_party_commit", "full_commit"}},
      {{"dimensions", "separate"}, {"pce", "markov_incentive"}},
      {{"max_turns", "3"}, {"voting_rule", "asym_prosp"}}};
  const ModelInfo& info = BuiltinModels().Get("smp");
  for (const ParamAssignments& assignments : settings) {
    const auto model = info.create(ResolveParams("smp", info.params, assignments));
    for (const Scenario& scenario : scenarios) {
      for (std::uint64_t seed : {0u, 7u}) {
        const Forecast full = model->Run(scenario, seed);
        const Forecast lean = model->RunOutcome(scenario, seed);
        ASSERT_EQ(lean.rounds.size(), 1u);
        ASSERT_EQ(lean.outcome.size(), full.outcome.size());
        for (std::size_t k = 0; k < full.outcome.size(); ++k) {
          EXPECT_EQ(lean.outcome[k], full.outcome[k]) << scenario.name << " issue " << k;
        }
        const std::vector<double>& expected = full.rounds.back().positions;
        const std::vector<double>& actual = lean.rounds.back().positions;
        ASSERT_EQ(expected.size(), actual.size());
        for (std::size_t k = 0; k < expected.size(); ++k) {
          if (std::isnan(expected[k])) {
            EXPECT_TRUE(std::isnan(actual[k])) << scenario.name << " slot " << k;
          } else {
            EXPECT_EQ(expected[k], actual[k]) << scenario.name << " slot " << k;
          }
        }
      }
    }
  }
}

// The engine's lean run, with an accommodation matrix (ideals lag behind positions).
TEST(SmpEngine, RunSmpOutcomeGivesTheLastStateOfRunSmp) {
  for (std::uint64_t seed : {1u, 4u, 7u}) {
    const SmpInput input = KtabRandomInput(seed, true);
    SmpConfig stochastic;
    stochastic.state_transitions = SmpStateTransitions::kStochastic;
    for (const SmpConfig& config : {SmpConfig{}, stochastic}) {
      const SmpHistory history = RunSmp(input, config, seed);
      const SmpFinalState last = RunSmpOutcome(input, config, seed);
      EXPECT_EQ(last.turns, static_cast<int>(history.states.size()) - 1);
      EXPECT_EQ(last.position, history.states.back().position);
    }
  }
}

TEST(SmpModel, DeterministicModeIgnoresTheSeed) {
  const Scenario scenario = ReadCsvScenario("dummyData_3Dim");
  const ModelInfo& info = BuiltinModels().Get("smp");
  EXPECT_EQ(RunModel(info, scenario, {}, 1).rounds.back().positions,
            RunModel(info, scenario, {}, 99).rounds.back().positions);
}

TEST(SmpModel, OutcomeIsTheCapabilityWeightedMeanAndDetailIsComplete) {
  const Scenario scenario = ReadCsvScenario("dummyData_3Dim");
  const Forecast forecast = RunModel(BuiltinModels().Get("smp"), scenario, {}, 0);
  const Round& last = forecast.rounds.back();
  for (int k = 0; k < scenario.IssueCount(); ++k) {
    double sum = 0.0;
    double total = 0.0;
    for (int a = 0; a < scenario.ActorCount(); ++a) {
      sum += scenario.actors[a].capability.central * last.positions[a * 3 + k];
      total += scenario.actors[a].capability.central;
    }
    EXPECT_NEAR(last.outcome[k], sum / total, 1e-9);
    EXPECT_EQ(forecast.outcome[k], last.outcome[k]);
  }
  EXPECT_EQ(forecast.detail.Find("turns")->AsInteger(), 10);
  EXPECT_EQ(forecast.detail.Find("stopped_by")->AsString(), "converged");
  // Turn 1: SActor-04 challenges SActor-00 and both adopt 4's bargain (KTAB's t1 positions).
  const Detail::List& moves = forecast.rounds[1].detail.Find("moves")->AsList();
  ASSERT_EQ(moves.size(), 7u);
  EXPECT_EQ(moves[4].Find("target")->AsString(), "SActor-00");
  const Detail* accepted = moves[0].Find("accepted");
  EXPECT_EQ(accepted->Find("kind")->AsString(), "received");
  EXPECT_EQ(accepted->Find("initiator")->AsString(), "SActor-04");
  EXPECT_NEAR(accepted->Find("receiver_position")->AsList()[0].AsNumber(),
              forecast.rounds[1].positions[0], 1e-9);
  EXPECT_TRUE(forecast.rounds[0].detail.Find("moves") == nullptr);
}

Scenario SmallScenario() {
  Scenario scenario;
  scenario.actors = {{"A", "", Estimate(1.0)},
                     {"B", "", Estimate(2.0)},
                     {"C", "", Estimate(1.5)},
                     {"D", "", Estimate(1.0)}};
  scenario.issues.resize(2);
  scenario.issues[0].name = "tax";
  scenario.issues[0].scale_low = -10.0;
  scenario.issues[0].scale_high = 10.0;
  scenario.issues[1].name = "trade";
  scenario.ResizeStakes();
  const double positions[4][2] = {{-10, 0}, {-2, 40}, {5, 70}, {10, 100}};
  const double saliences[4][2] = {{0.9, 0.8}, {0.5, 0.5}, {0.7, 0.2}, {0.3, 0.9}};
  for (int a = 0; a < 4; ++a) {
    for (int k = 0; k < 2; ++k) {
      scenario.SetStake(
          a, k, Stake{Estimate(positions[a][k]), Estimate(saliences[a][k]), std::nullopt, ""});
    }
  }
  scenario.Validate();
  return scenario;
}

TEST(SmpModel, PositionsStayOnEachIssuesOwnScale) {
  const Scenario scenario = SmallScenario();
  const Forecast forecast = RunModel(BuiltinModels().Get("smp"), scenario, {}, 0);
  ASSERT_GE(forecast.rounds.size(), 2u);
  EXPECT_EQ(forecast.rounds[0].positions[0], -10.0);
  for (const Round& round : forecast.rounds) {
    for (int a = 0; a < 4; ++a) {
      EXPECT_GE(round.positions[a * 2], -10.0);
      EXPECT_LE(round.positions[a * 2], 10.0);
      EXPECT_GE(round.positions[a * 2 + 1], 0.0);
      EXPECT_LE(round.positions[a * 2 + 1], 100.0);
    }
  }
  // Some actor moved: the run is not a copy of the input.
  EXPECT_NE(forecast.rounds.back().positions, forecast.rounds[0].positions);
}

TEST(SmpModel, MissingStakesNeedSeparateDimensions) {
  Scenario scenario = SmallScenario();
  scenario.stakes[3 * 2 + 1].reset();  // D has no stake on trade
  const ModelInfo& info = BuiltinModels().Get("smp");
  try {
    RunModel(info, scenario, {{"dimensions", "joint"}}, 0);
    ADD_FAILURE() << "expected an InputError";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("dimensions=separate"), std::string::npos);
  }
  // auto (the default) runs issue by issue here, as dimensions=separate does.
  const Forecast automatic = RunModel(info, scenario, {}, 0);
  EXPECT_EQ(automatic.detail.Find("dimensions")->AsString(), "separate");
  const Forecast forecast = RunModel(info, scenario, {{"dimensions", "separate"}}, 0);
  EXPECT_EQ(automatic.rounds.back().positions.size(), forecast.rounds.back().positions.size());
  for (std::size_t slot = 0; slot < forecast.rounds.back().positions.size(); ++slot) {
    const double a = automatic.rounds.back().positions[slot];
    const double b = forecast.rounds.back().positions[slot];
    EXPECT_TRUE((std::isnan(a) && std::isnan(b)) || a == b) << slot;
  }
  for (const Round& round : forecast.rounds) {
    EXPECT_TRUE(std::isnan(round.positions[3 * 2 + 1]));
    EXPECT_TRUE(std::isfinite(round.outcome[0]));
    EXPECT_TRUE(std::isfinite(round.outcome[1]));
  }
  EXPECT_EQ(forecast.detail.Find("issues")->AsList().size(), 2u);
}

TEST(SmpModel, IdenticalPositionsAndZeroSalienceGiveNoNaN) {
  Scenario scenario = SmallScenario();
  for (int a = 0; a < 4; ++a) {
    scenario.MutableStake(a, 0).position = Estimate(3.0);
    scenario.MutableStake(a, 1).position = Estimate(50.0);
  }
  scenario.MutableStake(2, 0).salience = Estimate(0.0);
  scenario.MutableStake(2, 1).salience = Estimate(0.0);
  const Forecast forecast = RunModel(BuiltinModels().Get("smp"), scenario, {}, 0);
  for (const Round& round : forecast.rounds) {
    for (double position : round.positions) EXPECT_TRUE(std::isfinite(position));
    const Detail* win = round.detail.Find("win_probability");
    for (const auto& [name, value] : win->AsObject()) {
      EXPECT_TRUE(std::isfinite(value.AsNumber())) << name;
    }
  }
  EXPECT_EQ(forecast.rounds.back().positions, forecast.rounds[0].positions);
}

TEST(SmpModel, AutoDimensionsRunIssueSpecificCapabilitiesSeparately) {
  Scenario scenario = SmallScenario();
  const ModelInfo& info = BuiltinModels().Get("smp");
  EXPECT_EQ(RunModel(info, scenario, {}, 0).detail.Find("dimensions")->AsString(), "joint");
  scenario.MutableStake(1, 0).capability = Estimate(5.0);  // B weighs more on tax
  const Forecast forecast = RunModel(info, scenario, {}, 0);
  EXPECT_EQ(forecast.detail.Find("dimensions")->AsString(), "separate");
  // The outcome of a separate run weighs positions with the per-issue capability.
  const Round& last = forecast.rounds.back();
  const double weights[4] = {1.0, 5.0, 1.5, 1.0};
  double sum = 0.0;
  double total = 0.0;
  for (int a = 0; a < 4; ++a) {
    sum += weights[a] * last.positions[a * 2];
    total += weights[a];
  }
  EXPECT_NEAR(last.outcome[0], sum / total, 1e-9);
}

TEST(SmpModel, EveryBargainSwitchStaysFiniteAndOnScale) {
  Scenario small = SmallScenario();
  small.MutableStake(2, 0).salience = Estimate(0.0);
  small.MutableStake(2, 1).salience = Estimate(0.0);
  const ModelInfo& info = BuiltinModels().Get("smp");
  for (const Scenario& scenario : {small, ReadCsvScenario("dummyData_3Dim")}) {
    for (const char* model : {"init_only_interp", "init_rcvr_interp", "pw_comp_interp"}) {
      for (const char* interpolation : {"s1p1", "s2p2", "s2pmax"}) {
        const Forecast forecast =
            RunModel(info, scenario,
                     {{"bargain_model", model}, {"bargain_interpolation", interpolation}}, 0);
        for (const Round& round : forecast.rounds) {
          for (int a = 0; a < scenario.ActorCount(); ++a) {
            for (int k = 0; k < scenario.IssueCount(); ++k) {
              const double x = round.positions[a * scenario.IssueCount() + k];
              EXPECT_TRUE(x >= scenario.issues[k].scale_low && x <= scenario.issues[k].scale_high)
                  << scenario.name << " " << model << " " << interpolation << ": " << x;
            }
          }
        }
      }
    }
  }
}

TEST(SmpModel, FullRiskAdjustmentRunsWhereKtabThrows) {
  const std::string path = kGoldens + "expected/params/d3_bigRAdj_Full.xml";
  const KtabXmlDocument document = ReadKtabXmlDocument(ReadTextFile(path), path);
  const Forecast forecast =
      RunModel(BuiltinModels().Get("smp"), document.scenario, document.model_parameters, 0);
  EXPECT_GE(forecast.rounds.size(), 3u);
  for (double position : forecast.rounds.back().positions) EXPECT_TRUE(std::isfinite(position));
}

TEST(SmpModel, ParametersAreNamedChoices) {
  const Scenario scenario = SmallScenario();
  const ModelInfo& info = BuiltinModels().Get("smp");
  EXPECT_THROW(RunModel(info, scenario, {{"voting_rule", "3"}}, 0), InputError);
  EXPECT_THROW(RunModel(info, scenario, {{"bargain_model", "whatever"}}, 0), InputError);
  const Forecast capped = RunModel(info, scenario, {{"max_turns", "1"}}, 0);
  EXPECT_EQ(capped.rounds.size(), 2u);
  EXPECT_EQ(capped.detail.Find("stopped_by")->AsString(), "max_turns");
}

}  // namespace
}  // namespace statecraft

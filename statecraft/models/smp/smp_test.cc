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
#include "statecraft/io/text_file.h"

namespace statecraft {
namespace {

const std::string kGoldens = std::string(STATECRAFT_SOURCE_DIR) + "/tests/goldens/smp/";

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
  const std::string path = kGoldens + "inputs/" + name + ".csv";
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
                           "dummyData_6Dim", "dummyData-a040"}) {
    ExpectConvergenceGolden(name);
  }
}

TEST(SmpKtabGolden, NoFinalCommaReadsTheSame) {
  const Scenario scenario = ReadCsvScenario("dummyData_3Dim-no-final-comma");
  const Forecast forecast = RunModel(BuiltinModels().Get("smp"), scenario, {}, 0);
  EXPECT_EQ(CompareWithKtab(scenario, forecast,
                            kGoldens + "expected/dummyData_3Dim.positions.csv",
                            kGoldens + "expected/dummyData_3Dim.winprob.csv"),
            0);
}

// KTAB cannot load its own dummyData_3Dim.xml (no <IdealAdjustment>); its content is the CSV's.
TEST(SmpKtabGolden, ShippedXmlMatchesCsvRun) {
  const std::string path = kGoldens + "inputs/dummyData_3Dim.xml";
  const Scenario scenario = ReadKtabXmlDocument(ReadTextFile(path), path).scenario;
  const Forecast forecast = RunModel(BuiltinModels().Get("smp"), scenario, {}, 0);
  EXPECT_EQ(CompareWithKtab(scenario, forecast,
                            kGoldens + "expected/dummyData_3Dim.positions.csv",
                            kGoldens + "expected/dummyData_3Dim.winprob.csv"),
            0);
}

TEST(SmpKtabParams, DefaultExplicit) { ExpectXmlGolden("d3_default_explicit", "d3_default_explicit"); }
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

}  // namespace
}  // namespace statecraft

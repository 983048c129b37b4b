// The claims of docs/calibration.md and docs/models/choice.md on DEU, checked (ctest label `fit`:
// a minute of fitting, left out of the sanitizer run):
//   - every model's calibrated central 80 % intervals cover 75-85 % of the outcomes and its 50 %
//     intervals 45-55 %, cross-validated by proposal, with Council-vote and equal capabilities;
//   - choice, cross-validated with every choice nested in the folds, has MAE <= 21.5 with
//     Council-vote capabilities and a paired difference to the compromise entirely below 0;
//   - the shipped choice parameters and the shipped calibration are what `statecraft fit` and
//     `statecraft calibrate` give (deterministic fits).
#include <gtest/gtest.h>

#include <string>

#include "statecraft/analysis/backtest.h"
#include "statecraft/analysis/calibration.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/calibration_format.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

std::vector<Scenario> Deu(const std::string& capability) {
  ReadOptions options;
  options.format = "deu";
  options.import.capability = capability;
  return ReadScenarios(
      std::string(STATECRAFT_SOURCE_DIR) + "/data/deu/deu_i_ii_iii_combined_blksv.tsv", options);
}

class DeuCalibration : public testing::TestWithParam<std::string> {};

TEST_P(DeuCalibration, EveryModelIsCalibratedAndChoiceBeatsTheCompromise) {
  const std::string capability = GetParam();
  const BacktestResult result = Backtest(Deu(capability), DefaultBacktestModels());
  ASSERT_EQ(result.issues_scored, 351);
  for (const ModelScore& score : result.models) {
    SCOPED_TRACE(score.label + ", capability " + capability);
    EXPECT_TRUE(score.out_of_sample);
    EXPECT_GE(score.coverage.at(80), 0.75);
    EXPECT_LE(score.coverage.at(80), 0.85);
    EXPECT_GE(score.coverage.at(50), 0.45);
    EXPECT_LE(score.coverage.at(50), 0.55);
    EXPECT_LT(score.crps, score.mean_absolute_error);
    if (score.label == "choice" && capability == "votes") {
      EXPECT_LE(score.mean_absolute_error, 21.5);
      ASSERT_TRUE(score.vs_reference.has_value());
      EXPECT_LT(score.vs_reference->high, 0.0);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Capabilities, DeuCalibration, testing::Values("votes", "equal"));

TEST(DeuFit, ShippedChoiceParametersAreTheFitOnDeu) {
  const ParamAssignments fitted = FitOnDataset({"choice", "choice", {}}, Deu("votes"));
  const ModelInfo& info = BuiltinModels().Get("choice");
  const ParamValues shipped = ResolveParams("choice", info.params, {});
  const ParamValues refitted = ResolveParams("choice", info.params, fitted);
  for (const auto& [name, value] : fitted) {
    EXPECT_EQ(shipped.GetNumber(name), refitted.GetNumber(name)) << name;
  }
}

TEST(DeuFit, ShippedCalibrationIsTheCalibrationOfDeu) {
  CalibrateOptions options;
  options.source = BuiltinCalibration().source;
  const Calibration calibration = Calibrate(Deu("votes"), DefaultBacktestModels(), options);
  EXPECT_EQ(WriteCalibrationJson(calibration), WriteCalibrationJson(BuiltinCalibration()));
}

}  // namespace
}  // namespace statecraft

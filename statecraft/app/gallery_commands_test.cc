// The gallery through the request layer: built-in scenarios by name, their list, the gallery
// backtest, and the report of every built-in scenario.
#include "statecraft/app/gallery_commands.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <regex>

#include "statecraft/app/backtest_command.h"
#include "statecraft/app/report_command.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/models/builtin.h"
#include "statecraft/report/html_report.h"
#include "statecraft/report/svg_chart.h"

namespace statecraft::app {
namespace {

TEST(GalleryCommands, NamedSourcesAreTheBuiltInTexts) {
  const ScenarioSource source = ScenarioSource::Named("ec-car-emissions");
  EXPECT_EQ(SourceName(source), "ec-car-emissions.yaml (built in)");
  EXPECT_EQ(LoadScenario(source).ActorCount(), 10);
  try {
    ScenarioSource::Named("nosuch");
    ADD_FAILURE() << "an unknown name was accepted";
  } catch (const InputError& error) {
    EXPECT_EQ(
        std::string(error.what())
            .rfind("scenario: found 'nosuch', expected a built-in scenario: russia-dprk-2024, ", 0),
        0u);
  }
}

TEST(GalleryCommands, ScenariosListsEveryBuiltInScenario) {
  const Outcome<ScenariosOutput> output = Scenarios({});
  ASSERT_TRUE(output.ok());
  ASSERT_EQ(output.value().scenarios.size(), BuiltinScenarios().size());
  const ScenarioListing& flagship = output.value().scenarios.front();
  EXPECT_EQ(flagship.name, "russia-dprk-2024");
  EXPECT_TRUE(flagship.known_outcome);
  EXPECT_TRUE(flagship.question.has_value());
  const Json json = ScenariosOutputToJson(output.value());
  EXPECT_EQ(json["scenarios"][0]["case"], "russia-dprk-2024");
}

// Each model's object is the one every backtest writes (the DEU backtest's here), in percent of
// each issue's range: its mean is the mean over cases, as the table shows.
TEST(GalleryCommands, BacktestGalleryWritesTheScoreObjectOfEveryBacktest) {
  GalleryBacktestRequest request;
  request.models = {{"compromise", "compromise", {}}};
  const Outcome<GalleryBacktestOutput> output = BacktestGallery(request);
  ASSERT_TRUE(output.ok()) << output.error().message;
  const Json json = GalleryBacktestOutputToJson(output.value());
  const Json& gallery_score = json["models"]["compromise"];

  BacktestRequest deu;
  deu.scenarios = {ScenarioSource::Builtin()};
  deu.models = request.models;
  deu.min_actors = 1;
  const Outcome<BacktestOutput> scored = Backtest(deu);
  ASSERT_TRUE(scored.ok()) << scored.error().message;
  const Json deu_score = BacktestOutputToJson(scored.value())["models"]["compromise"];
  std::vector<std::string> gallery_keys;
  std::vector<std::string> deu_keys;
  for (const auto& item : gallery_score.items()) gallery_keys.push_back(item.key());
  for (const auto& item : deu_score.items()) deu_keys.push_back(item.key());
  // The same object: point and distribution scores, vs_compromise, out_of_sample, model_error.
  EXPECT_EQ(gallery_keys, deu_keys);
  EXPECT_EQ(gallery_score["within"].size(), 3u);
  EXPECT_EQ(gallery_score["coverage"].size(), 3u);
  EXPECT_EQ(gallery_score["pit"].size(), 10u);
  // The shipped calibration is fitted on DEU: the gallery is out of sample with respect to it.
  EXPECT_EQ(json["model_error"].get<std::string>().rfind("from the calibration", 0), 0u);
  EXPECT_EQ(gallery_score["model_error"], "calibration entry compromise");
  EXPECT_TRUE(gallery_score["out_of_sample"].get<bool>());
  // The reference compared with itself.
  EXPECT_DOUBLE_EQ(gallery_score["vs_compromise"]["mae_diff"].get<double>(), 0.0);
  // With the model's error the forecast is a spread distribution: its CRPS is below the
  // absolute error, and its 80 % interval is wider than a point.
  EXPECT_LT(gallery_score["crps"].get<double>(), gallery_score["mae"].get<double>());
  double pit_sum = 0.0;
  for (const Json& share : gallery_score["pit"]) pit_sum += share.get<double>();
  EXPECT_NEAR(pit_sum, 1.0, 1e-12);
  const Json& first_issue = json["per_case"][0]["issues"][0]["forecasts"]["compromise"];
  EXPECT_LT(first_issue["interval80"][0].get<double>(), first_issue["interval80"][1].get<double>());

  const GalleryModelScore& score = output.value().scores.models.front();
  EXPECT_DOUBLE_EQ(gallery_score["mae"].get<double>(), score.error_percent);
  EXPECT_DOUBLE_EQ(gallery_score["mae_ci"][0].get<double>(), score.interval_low);
  double sum = 0.0;
  for (const GalleryCaseScore& case_score : score.cases) sum += case_score.error_percent;
  EXPECT_DOUBLE_EQ(score.error_percent, sum / static_cast<double>(score.cases.size()));
  for (const Json& scored_case : json["per_case"]) {
    EXPECT_TRUE(scored_case["error_percent"].contains("compromise"));
  }
}

// Without model error the forecasts are points: CRPS equals the absolute error, every issue's
// error in percent, averaged as the mean error is (over cases).
TEST(GalleryCommands, BacktestGalleryWithoutModelErrorScoresPoints) {
  GalleryBacktestRequest request;
  request.models = {{"eum", "eum", {}}, {"compromise", "compromise", {}}};
  request.model_error = false;
  const Outcome<GalleryBacktestOutput> output = BacktestGallery(request);
  ASSERT_TRUE(output.ok()) << output.error().message;
  const Json json = GalleryBacktestOutputToJson(output.value());
  const Json& eum = json["models"]["eum"];
  EXPECT_NEAR(eum["crps"].get<double>(), eum["mae"].get<double>(), 1e-9);
  EXPECT_EQ(eum["model_error"], "none");
  EXPECT_TRUE(eum["out_of_sample"].get<bool>());
  // vs_compromise: the mean over cases of the difference of the cases' mean errors.
  const GalleryModelScore& eum_score = output.value().scores.models[0];
  const GalleryModelScore& compromise = output.value().scores.models[1];
  double difference = 0.0;
  for (std::size_t k = 0; k < eum_score.cases.size(); ++k) {
    difference += eum_score.cases[k].error_percent - compromise.cases[k].error_percent;
  }
  EXPECT_NEAR(eum["vs_compromise"]["mae_diff"].get<double>(),
              difference / static_cast<double>(eum_score.cases.size()), 1e-9);
  EXPECT_LE(eum["vs_compromise"]["mae_diff_ci"][0].get<double>(),
            eum["vs_compromise"]["mae_diff"].get<double>());
}

// On a one-issue case, the gallery's distribution scores are the DEU backtest's on the same file
// with the same calibration, read in percent of the range: the mapping to [0, 100] is exact.
TEST(GalleryCommands, BacktestGalleryScoresAreTheBacktestsInPercentOfTheRange) {
  GalleryBacktestRequest request;
  request.models = {{"exchange", "exchange", {}}};
  const Outcome<GalleryBacktestOutput> gallery = BacktestGallery(request);
  ASSERT_TRUE(gallery.ok()) << gallery.error().message;
  const GalleryCaseScore* emissions = nullptr;
  for (const GalleryCaseScore& scored : gallery.value().scores.models.front().cases) {
    if (scored.name == "ec-car-emissions") emissions = &scored;
  }
  ASSERT_NE(emissions, nullptr);

  BacktestRequest single;
  single.scenarios = {ScenarioSource::Named("ec-car-emissions")};
  single.models = request.models;
  single.min_actors = 1;
  const Outcome<BacktestOutput> scored = Backtest(single);
  ASSERT_TRUE(scored.ok()) << scored.error().message;
  const ModelScore& years = scored.value().scores.models.front();
  const double range = 10.0 - 4.0;
  EXPECT_NEAR(emissions->distribution.crps, 100.0 * years.crps / range, 1e-9);
  EXPECT_EQ(emissions->distribution.coverage, years.coverage);
  EXPECT_EQ(emissions->distribution.pit, years.pit);
  EXPECT_NEAR(emissions->issues.front().interval_low, years.issues.front().interval_low, 1e-9);
  EXPECT_NEAR(emissions->issues.front().interval_high, years.issues.front().interval_high, 1e-9);
  EXPECT_GT(years.crps, 0.0);
}

TEST(GalleryCommands, BacktestGalleryRefusesAnUnknownModel) {
  GalleryBacktestRequest request;
  request.models = {{"nosuch", "nosuch", {}}};
  const Outcome<GalleryBacktestOutput> output = BacktestGallery(request);
  ASSERT_FALSE(output.ok());
  EXPECT_EQ(output.error().code, ErrorCode::kBadInput);
}

// The report renders for every built-in scenario: the flagship and each case of the gallery.
class GalleryReport : public testing::TestWithParam<std::string> {};

TEST_P(GalleryReport, RendersEveryPartTheScenarioHas) {
  ReportDataRequest request;
  request.scenario = ScenarioSource::Named(GetParam());
  request.draws = 8;
  Context context;
  context.program_version = "statecraft test";
  StoreAccess unused((std::filesystem::temp_directory_path() /
                      ("statecraft_gallery_test_" + std::to_string(::getpid())) / "runs.sqlite")
                         .string());
  const Outcome<Json> report = ReportData(request, unused, context);
  ASSERT_TRUE(report.ok()) << report.error().message;
  const Json& data = report.value();
  const Scenario scenario = LoadScenario(request.scenario);
  EXPECT_EQ(data["forecasts"].size(), BuiltinModels().models().size());
  bool known = false;
  for (const Issue& issue : scenario.issues) known = known || issue.known_outcome;
  EXPECT_EQ(data.contains("backtest") && !data["backtest"].is_null(), known);

  const std::string html = RenderReportHtml(data);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find(EscapeXml(scenario.name)), std::string::npos);
  EXPECT_NE(html.find("data-chart=\"trajectory\""), std::string::npos);
  EXPECT_NE(html.find("id=\"forecast-table\""), std::string::npos);
  EXPECT_NE(html.find("id=\"stakes-table\""), std::string::npos);
  EXPECT_EQ(html.find("id=\"backtest-table\"") != std::string::npos, known);
  EXPECT_FALSE(std::regex_search(html, std::regex("\\b(nan|NaN|inf)\\b")))
      << "a number is not finite";
  // The only script element is the report's embedded data, which no browser runs.
  EXPECT_FALSE(std::regex_search(html, std::regex("<script(?![^>]*application/json)")));
}

std::vector<std::string> Names() {
  std::vector<std::string> names;
  for (const BuiltinScenario& builtin : BuiltinScenarios()) names.push_back(builtin.name);
  return names;
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(BuiltIn, GalleryReport, testing::ValuesIn(Names()), TestName);

}  // namespace
}  // namespace statecraft::app

#include "statecraft/app/report_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "statecraft/analysis/answer.h"
#include "statecraft/analysis/model_choice.h"
#include "statecraft/analysis/optimize.h"
#include "statecraft/app/answer_command.h"
#include "statecraft/app/lever_json.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/io/native_format.h"
#include "statecraft/models/builtin.h"
#include "statecraft/report/html_report.h"
#include "statecraft/report/report_test_support.h"
#include "statecraft/report/svg_chart.h"

namespace statecraft::app {
namespace {

using report_test::CheckFiguresAgainstData;

// A store path that no test creates: the scenario report never opens it.
std::string TemporaryStorePath() {
  return (std::filesystem::temp_directory_path() /
          ("statecraft_report_test_" + std::to_string(::getpid())) / "runs.sqlite")
      .string();
}

int Count(const std::string& text, const std::string& part) {
  int count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

Json ScenarioReport(const ScenarioSource& source, int draws) {
  ReportDataRequest request;
  request.scenario = source;
  request.draws = draws;
  Context context;
  context.program_version = "statecraft test";
  StoreAccess unused(TemporaryStorePath());
  const Outcome<Json> report = ReportData(request, unused, context);
  EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
  return report.ok() ? report.value() : Json();
}

TEST(ReportCommandTest, TheBuiltInScenarioReportHasEveryPartAndLeadsWithTheAnswer) {
  const Json data = ScenarioReport(ScenarioSource::Builtin(), 24);
  ASSERT_FALSE(data.is_null());
  EXPECT_EQ(data["program_version"], "statecraft test");
  const Scenario& scenario = BuiltinScenarioWithLevers().scenario;
  ASSERT_EQ(data["forecasts"].size(), BuiltinModels().models().size());
  for (const char* part : {"distributions", "whatif", "drivers", "backtest", "levers", "answer"}) {
    ASSERT_TRUE(data.contains(part)) << part;
  }
  EXPECT_EQ(data["distributions"]["models"]["eum"][scenario.issues[0].name]["samples"].size(), 24u);
  // The built-in scenario asks a question: its answer covers every model.
  EXPECT_EQ(data["answer"]["models"].size(), BuiltinModels().models().size());
  EXPECT_EQ(data["answer"]["target"], "munitions<=25");
  // The backtest's interval over the draws, and the no-change baseline.
  EXPECT_TRUE(data["backtest"]["models"][0].contains("error_q10"));
  EXPECT_TRUE(data["backtest"].contains("status_quo"));
  const Json charts = RenderCharts(data);
  EXPECT_EQ(charts["distributions"].size(), static_cast<std::size_t>(scenario.IssueCount()));
  // Baseline vs plans per issue under each model (the report's model and the answer's others).
  EXPECT_EQ(charts["plans"].size(),
            static_cast<std::size_t>(scenario.IssueCount()) * BuiltinModels().models().size());
  EXPECT_EQ(charts["tornado"].size(), 1u);
  EXPECT_EQ(charts["backtest"].size(), 1u);
  EXPECT_FALSE(charts["trajectories"].empty());
  EXPECT_EQ(charts["trajectories"].size() % scenario.IssueCount(), 0u);
  // Baseline vs plans names its model.
  EXPECT_NE(charts["plans"][0]["svg"].get<std::string>().find("model eum"), std::string::npos);
  // eum does not converge on the built-in scenario: its charts show the cycle as strips.
  bool eum_banded = false;
  for (const Json& chart : charts["trajectories"]) {
    if (chart["model"] == "eum") {
      eum_banded =
          eum_banded || chart["svg"].get<std::string>().find("class=\"band\"") != std::string::npos;
    }
  }
  EXPECT_TRUE(eum_banded);

  const std::string html = RenderReportHtml(data);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* kind : {"trajectory", "distribution", "plans", "tornado", "backtest"}) {
    EXPECT_NE(html.find(std::string("data-chart=\"") + kind + "\""), std::string::npos) << kind;
  }
  for (const char* id : {"forecast-table", "plans-table", "backtest-table", "stakes-table",
                         "issues-table", "levers-table", "deals-table"}) {
    EXPECT_NE(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  // The answer comes first, with what the first screen states.
  EXPECT_EQ(html.find("<section"), html.find("<section id=\"answer\""));
  for (const char* part :
       {"munitions \u2264 25", "Russia&#39;s best counter", "The deal", "What drives munitions",
        "Where the models disagree", "id=\"answer-table\""}) {
    EXPECT_LT(html.find(part), html.find("<section id=\"plans\"")) << part;
  }
  EXPECT_NE(html.find(EscapeXml(scenario.sources.front())), std::string::npos);
  // Plans are described by their levers' descriptions, not "L2=25.0".
  EXPECT_EQ(html.find("L2=25.0"), std::string::npos);
  EXPECT_NE(html.find("Understanding with China: Beijing presses Pyongyang on munitions"),
            std::string::npos);
  // Saliences on the file's 0-100 scale: RUS on munitions, 80 [65-90].
  EXPECT_NE(html.find("salience (0\u2013100)"), std::string::npos);
  EXPECT_EQ(data["scenario"]["stakes"][0]["salience"]["central"].get<double>(), 80.0);
  EXPECT_GT(CheckFiguresAgainstData(html), 300);
  // Self-contained: no script that runs, no external resources; a print stylesheet.
  EXPECT_EQ(Count(html, "<script"), 1);
  EXPECT_EQ(Count(html, "<script type=\"application/json\" id=\"report-data\">"), 1);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_EQ(html.find("nan"), std::string::npos);
}

TEST(ReportCommandTest, SaliencesAreShownOnTheScaleOfTheFile) {
  const Json data = ScenarioReport(
      ScenarioSource::File(std::string(STATECRAFT_SOURCE_DIR) + "/tests/scenarios/two_actors.json"),
      0);
  EXPECT_EQ(data["scenario"]["salience_scale"].get<double>(), 1.0);
  EXPECT_EQ(data["scenario"]["stakes"][1]["salience"]["central"].get<double>(), 0.5);
  const std::string html = RenderReportHtml(data);
  EXPECT_NE(html.find("salience (0\u20131)"), std::string::npos);
  EXPECT_NE(html.find(">0.50</span>"), std::string::npos);
  CheckFiguresAgainstData(html);
}

Json OptimizeJson(const ScenarioWithLevers& input, const std::string& target, double probability) {
  OptimizeOptions options;
  options.sweep.draws = 30;
  options.target = ParseTarget(input.scenario, target);
  options.probability = probability;
  const std::vector<ModelChoice> models = {
      {&BuiltinModels().Get("compromise"),
       ResolveParams("compromise", BuiltinModels().Get("compromise").params, {})}};
  return OptimizeToJson(Optimize(input.scenario, input.levers, models, options), options, models);
}

TEST(ReportCommandTest, AStoredOptimisationWithoutAnAnswerShowsTheClosestPlans) {
  // On the built-in scenario Russia's best counter defeats every plan.
  const ScenarioWithLevers input = BuiltinScenarioWithLevers();
  const Json printed = OptimizeJson(input, "munitions<=60", 0.6);
  ASSERT_TRUE(printed["best"].is_null());
  const Json data =
      ReportDataFromStoredRun("optimize", WriteScenarioJson(input.scenario), printed, "v");
  const std::string html = RenderReportHtml(data);
  EXPECT_EQ(html.find("<section"), html.find("<section id=\"answer\""));
  EXPECT_NE(html.find("No plan reaches the target"), std::string::npos);
  EXPECT_NE(html.find("The closest plans"), std::string::npos);
  EXPECT_NE(html.find("data-chart=\"probability\""), std::string::npos);
  EXPECT_GT(CheckFiguresAgainstData(html), 10);
}

TEST(ReportCommandTest, AStoredOptimisationLeadsWithTheCheapestPlanAndTheCounter) {
  ScenarioWithLevers input = BuiltinScenarioWithLevers();
  input.levers.counter.levers.clear();  // no counter: a plan reaches the target
  OptimizeOptions options;
  options.sweep.draws = 30;
  options.target = ParseTarget(input.scenario, "munitions<=60");
  options.probability = 0.6;
  const std::vector<ModelChoice> models = {
      {&BuiltinModels().Get("compromise"),
       ResolveParams("compromise", BuiltinModels().Get("compromise").params, {})}};
  const OptimizeResult result = Optimize(input.scenario, input.levers, models, options);
  ASSERT_TRUE(result.best.has_value());
  const Json printed = OptimizeToJson(result, options, models);
  // The JSON names what each lever does.
  ASSERT_FALSE(printed["best"]["levers"].empty());
  EXPECT_TRUE(printed["best"]["levers"][0].contains("description"));
  const Json data =
      ReportDataFromStoredRun("optimize", WriteScenarioJson(input.scenario), printed, "v");
  const std::string html = RenderReportHtml(data);
  const auto answer = html.find("id=\"answer\"");
  ASSERT_NE(answer, std::string::npos);
  // The answer comes first, before any other section.
  EXPECT_EQ(html.find("<section"), html.find("<section id=\"answer\""));
  for (const char* part :
       {"Cheapest plan", "The opponent&#39;s best counter", "munitions \u2264 60",
        "data-chart=\"probability\"", "Scenario", "Sources"}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  EXPECT_NE(html.find(EscapeXml(printed["best"]["levers"][0]["description"].get<std::string>())),
            std::string::npos);
  EXPECT_GT(CheckFiguresAgainstData(html), 10);
}

TEST(ReportCommandTest, AStoredWhatifLeadsWithThePlansAndTheirProbabilities) {
  const ScenarioWithLevers input = BuiltinScenarioWithLevers();
  SweepOptions sweep;
  sweep.draws = 20;
  const std::vector<ModelChoice> models = {
      {&BuiltinModels().Get("compromise"),
       ResolveParams("compromise", BuiltinModels().Get("compromise").params, {})}};
  const WhatifResult result = RunWhatif(input.scenario, input.levers, input.levers.plans, models,
                                        sweep, ParseTarget(input.scenario, "munitions<=60"));
  const Json data = ReportDataFromStoredRun("whatif", WriteScenarioJson(input.scenario),
                                            WhatifToJson(input.scenario, result, sweep), "v");
  const std::string html = RenderReportHtml(data);
  EXPECT_EQ(html.find("<section"), html.find("<section id=\"answer\""));
  EXPECT_NE(html.find("data-chart=\"probability\""), std::string::npos);
  EXPECT_NE(html.find("data-chart=\"plans\""), std::string::npos);
  EXPECT_NE(html.find("model compromise"), std::string::npos);
  EXPECT_NE(html.find("id=\"deals-table\""), std::string::npos);
  EXPECT_GT(CheckFiguresAgainstData(html), 50);
}

// The answer analysis of a question with this target, as its JSON.
Json AnswerJson(const ScenarioWithLevers& input, const std::string& target, double probability) {
  const Question question{"Can the West bring the supply down?", target, probability, std::nullopt};
  AnswerOptions options;
  options.sweep.draws = 20;
  options.optimize_draws = 20;
  options.models = {ChooseModel({"compromise", {}}), ChooseModel({"mean", {}})};
  auto shared = std::make_shared<const ScenarioWithLevers>(input);
  return AnswerOutputToJson(
      {shared, statecraft::ComputeAnswer(input.scenario, input.levers, question, options)});
}

TEST(ReportCommandTest, AnAnswerLeadsWithTheQuestionThePlanTheCounterTheDealAndTheDisagreements) {
  ScenarioWithLevers input = BuiltinScenarioWithLevers();
  const Json answer = AnswerJson(input, "munitions<=60", 0.6);
  const Json data =
      ReportDataFromStoredRun("answer", WriteScenarioJson(input.scenario), answer, "v");
  const std::string html = RenderReportHtml(data);
  EXPECT_EQ(html.find("<section"), html.find("<section id=\"answer\""));
  for (const char* part :
       {"Can the West bring the supply down?", "munitions \u2264 60", "Russia&#39;s best counter",
        "No plan of the declared levers reaches", "Closest plan (the target is not reached)",
        "What drives munitions", "The deal", "struck in", "Where the models disagree",
        "id=\"answer-table\"", "data-chart=\"probability\"", "P(munitions \u2264 60) per model",
        "what drives munitions", "data-chart=\"plans\"",
        "P(munitions \u2264 60) with the plan found: ", "with the plan found by the search"}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  // Everything the first screen states comes before the evidence.
  EXPECT_LT(html.find("Where the models disagree"), html.find("<section id=\"plans\""));
  EXPECT_GT(CheckFiguresAgainstData(html), 100);

  // Without counter-levers a plan reaches the target, and its levers are described.
  input.levers.counter.levers.clear();
  const Json reached = AnswerJson(input, "munitions<=60", 0.6);
  const std::string page = RenderReportHtml(
      ReportDataFromStoredRun("answer", WriteScenarioJson(input.scenario), reached, "v"));
  EXPECT_NE(page.find("Cheapest plan"), std::string::npos);
  EXPECT_NE(page.find("under compromise"), std::string::npos);
  EXPECT_NE(page.find("Sanctions relief for no supply"), std::string::npos);
  CheckFiguresAgainstData(page);
}

// A client that shows an answer and writes the report passes that answer's settings: the
// report's answer is then the answer, number for number, and names the same plan.
TEST(ReportCommandTest, WithTheAnswersSettingsTheReportsAnswerIsTheAnswer) {
  const std::vector<ModelSpec> models = {{"compromise", {}}, {"median", {}}};
  AnswerRequest asked;
  asked.models = models;
  asked.uncertainty.draws = 24;
  asked.optimize_draws = 12;
  const Outcome<AnswerOutput> answer = ComputeAnswer(asked, Context{});
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  const Json expected = AnswerOutputToJson(answer.value());

  ReportDataRequest request;
  request.draws = 8;
  request.answer_models = models;
  request.answer_draws = 24;
  request.optimize_draws = 12;
  StoreAccess unused(TemporaryStorePath());
  const Outcome<Json> report = ReportData(request, unused, Context{});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report.value()["answer"], expected);

  // The plan the answer is about is weighed under every model that ran.
  ASSERT_TRUE(expected.contains("found_plan"));
  const Json& found = expected["found_plan"];
  for (const ModelSpec& model : models) {
    EXPECT_TRUE(found["models"][model.name]["probability"].is_number()) << model.name;
  }
  EXPECT_TRUE(expected.contains(Json::json_pointer(found["path"].get<std::string>())));
  EXPECT_EQ(found["cost"],
            expected.at(Json::json_pointer(found["path"].get<std::string>()))["cost"]);

  // Without them the report answers with every model.
  request.answer_models.clear();
  request.draws = 4;
  request.answer_draws.reset();
  request.optimize_draws.reset();
  const Outcome<Json> every = ReportData(request, unused, Context{});
  ASSERT_TRUE(every.ok()) << every.error().message;
  EXPECT_EQ(every.value()["answer"]["models"].size(), BuiltinModels().models().size());
  EXPECT_EQ(every.value()["answer"]["draws"], 4);
}

TEST(ReportCommandTest, AnUnknownFocusModelOrBadDrawsAreBadInput) {
  StoreAccess unused(TemporaryStorePath());
  ReportDataRequest request;
  request.model = "nosuch";
  Outcome<Json> report = ReportData(request, unused, Context{});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kBadInput);
  request = ReportDataRequest{};
  request.draws = -1;
  report = ReportData(request, unused, Context{});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().message, "draws: found -1, expected an integer from 0 to 1000000");
  EXPECT_EQ(report.error().location.key, "draws");
  request = ReportDataRequest{};
  request.answer_draws = 0;
  report = ReportData(request, unused, Context{});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().message, "answer_draws: found 0, expected an integer from 1 to 1000000");
  EXPECT_FALSE(std::filesystem::exists(TemporaryStorePath()));
}

}  // namespace
}  // namespace statecraft::app

#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <set>

#include "statecraft/analysis/optimize.h"
#include "statecraft/analysis/run.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/native_format.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/report/html_report.h"
#include "statecraft/report/report_html.h"
#include "statecraft/report/svg_chart.h"
#include "statecraft/report/svg_layout.h"

namespace statecraft {
namespace {

int Count(const std::string& text, const std::string& part) {
  int count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

// The y of every <text> of a class, in document order.
std::vector<double> TextYs(const std::string& svg, const std::string& css_class) {
  std::vector<double> ys;
  const std::regex text("<text x=\"[-0-9.]+\" y=\"([-0-9.]+)\" class=\"" + css_class + "\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator();
       ++it) {
    ys.push_back(std::stod((*it)[1]));
  }
  return ys;
}

// Every figure the page prints with a data-path equals the number at that path in the data
// embedded in the page, printed with its data-format; returns how many were checked.
int CheckFiguresAgainstData(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"report-data\">";
  const auto begin = html.find(open);
  EXPECT_NE(begin, std::string::npos);
  if (begin == std::string::npos) return 0;
  const auto end = html.find("</script>", begin);
  std::string text = html.substr(begin + open.size(), end - begin - open.size());
  for (auto at = text.find("<\\/"); at != std::string::npos; at = text.find("<\\/", at)) {
    text.replace(at, 3, "</");
  }
  const Json data = Json::parse(text);
  const std::regex figure("data-path=\"([^\"]*)\" data-format=\"([^\"]*)\">([^<]*)<");
  int checked = 0;
  const std::string body = html.substr(0, begin);
  for (auto it = std::sregex_iterator(body.begin(), body.end(), figure);
       it != std::sregex_iterator(); ++it) {
    const std::string path = (*it)[1];
    const Json::json_pointer pointer(path);
    EXPECT_TRUE(data.contains(pointer)) << path;
    if (!data.contains(pointer)) continue;
    EXPECT_EQ(report_html::FormatFigure(data.at(pointer), (*it)[2]), std::string((*it)[3])) << path;
    ++checked;
  }
  return checked;
}

TEST(SvgChartTest, EscapesTextAndDrawsEverySeries) {
  EXPECT_EQ(EscapeXml("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
  const std::string svg = TrajectoryChart({"t <1>", "model m"}, {0, 100, "x", {}},
                                          {{"A", {10, 20, 30}, false, 0},
                                           {"B&C", {90, std::nan(""), 70}, false, 1},
                                           {"outcome", {50, 55, 60}, true, 0}});
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_EQ(Count(svg, "<polyline"), 3);
  EXPECT_EQ(Count(svg, "class=\"series outcome\""), 1);
  EXPECT_NE(svg.find("t &lt;1&gt;"), std::string::npos);
  EXPECT_NE(svg.find("B&amp;C"), std::string::npos);
  EXPECT_NE(svg.find("model m"), std::string::npos);
  // The outcome is drawn after the actors (on top).
  EXPECT_GT(svg.find("series outcome"), svg.find("data-label=\"B&amp;C\""));
  // Each actor in its own highlightable group.
  EXPECT_NE(svg.find("class=\"actor\" data-actor=\"1\""), std::string::npos);
  // Without anchors the key says so.
  EXPECT_NE(svg.find("no anchors declared"), std::string::npos);
}

TEST(SvgChartTest, AnchorsTooCloseForTwoLabelsKeepTheirGridlinesButOneLabel) {
  const ValueAxis axis{0, 100, "x", {{0, "none"}, {90, "most"}, {95, "nearly all"}, {100, "all"}}};
  const std::string svg = TrajectoryChart(
      {"t", "s"}, axis, {{"A", {10, 20}, false, 0}, {"outcome", {10, 20}, true, 0}});
  EXPECT_NE(svg.find("class=\"tick\" text-anchor=\"end\" fill=\"#52606d\">90<"), std::string::npos);
  EXPECT_EQ(svg.find("class=\"tick\" text-anchor=\"end\" fill=\"#52606d\">95<"), std::string::npos);
  EXPECT_EQ(Count(svg, "stroke=\"#e4e7eb\""), 4);  // a gridline per anchor
  EXPECT_NE(svg.find("95 = nearly all"), std::string::npos);
}

TEST(SvgChartTest, EightActorsDifferInColourAndMarker) {
  std::set<std::string> colours, markers;
  for (int k = 0; k < 8; ++k) {
    colours.insert(svg::PaletteColour(k));
    markers.insert(svg::Marker(k, 0, 0, 4, "#000"));
    EXPECT_EQ(std::string(svg::DashPattern(k)), "");
  }
  EXPECT_EQ(colours.size(), 8u);
  EXPECT_EQ(markers.size(), 8u);
  // The ninth actor differs from the first by its dash pattern.
  EXPECT_EQ(std::string(svg::PaletteColour(8)), svg::PaletteColour(0));
  EXPECT_NE(std::string(svg::DashPattern(8)), "");
}

TEST(SvgChartTest, LabelsAreSpreadWithoutOverlap) {
  // Five labels that want the same place, and two near the bottom edge.
  const std::vector<svg::LabelSlot> slots = {{100, 14}, {100, 14}, {100, 14}, {100, 14},
                                             {100, 14}, {198, 14}, {199, 14}};
  const std::vector<double> tops = svg::PlaceLabels(slots, 0, 200);
  std::vector<std::pair<double, double>> spans;
  for (std::size_t k = 0; k < tops.size(); ++k) spans.push_back({tops[k], tops[k] + 14});
  std::sort(spans.begin(), spans.end());
  for (std::size_t k = 1; k < spans.size(); ++k) {
    EXPECT_GE(spans[k].first, spans[k - 1].second - 1e-9);
  }
  EXPECT_GE(spans.front().first, 0.0);
  EXPECT_LE(spans.back().second, 200.0 + 1e-9);
}

TEST(SvgChartTest, ActorsEndingTogetherShareOneLabelAndLabelsDoNotOverlap) {
  std::vector<LineSeries> series;
  const char* names[] = {"USA", "EU", "UKR", "ROK", "JPN", "RUS", "PRK", "CHN"};
  for (int k = 0; k < 8; ++k) {
    const double end = k < 5 ? 0.0 : 90.0 + k;  // five actors at 0, three near the top
    series.push_back({names[k], {50, 20, end}, false, k});
  }
  series.push_back({"outcome", {50, 40, 30}, true, 0});
  const std::string svg = TrajectoryChart({"t", "s"}, {0, 100, "x", {}}, series);
  // The five at 0 are listed in one label; every name appears once among the labels.
  EXPECT_EQ(Count(svg, "class=\"end-value\""), 5);  // 0, 95, 96, 97, outcome 30
  for (const char* name : names) {
    EXPECT_EQ(Count(svg, std::string("class=\"direct-label\">") + name + "<"), 1) << name;
  }
  // Label lines are at least a line apart.
  std::vector<double> ys = TextYs(svg, "end-value");
  std::sort(ys.begin(), ys.end());
  for (std::size_t k = 1; k < ys.size(); ++k) EXPECT_GE(ys[k] - ys[k - 1], 13.0);
}

TEST(SvgChartTest, ACycleIsDrawnAsStripsNotLines) {
  std::vector<LineSeries> series = {{"A", {10, 90, 10, 90, 10, 90}, false, 0},
                                    {"B", {50, 0, 95, 0, 95, 0}, false, 1},
                                    {"outcome", {50, 50, 50, 50, 50, 50}, true, 0}};
  const std::string svg =
      TrajectoryChart({"t", "s"}, {0, 100, "x", {}}, series, CycleBand{2, "a cycle of 2 rounds"});
  EXPECT_EQ(Count(svg, "class=\"band\""), 2);
  EXPECT_NE(svg.find("a cycle of 2 rounds"), std::string::npos);
  EXPECT_NE(svg.find("range over rounds 2\u20135"), std::string::npos);
  // Actors' lines stop at the band's first round: three points each (rounds 0, 1, 2).
  const std::regex polyline("<polyline class=\"series\"[^>]* points=\"([^\"]*)\"");
  int lines = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), polyline);
       it != std::sregex_iterator(); ++it) {
    EXPECT_EQ(Count((*it)[1], ","), 3);
    ++lines;
  }
  EXPECT_EQ(lines, 2);
  // The labels give the range each actor spans.
  EXPECT_NE(svg.find("10\u201390"), std::string::npos);
  EXPECT_NE(svg.find("0\u201395"), std::string::npos);
}

TEST(SvgChartTest, TheTornadoAxisFitsItsBarsAndPrintsRho) {
  const std::string tornado =
      TornadoChart({"t", "s"}, {0, 100, "munitions", {}}, 50,
                   {{"x", 40, 60, 0.5, "/d/0"}, {"y", 58, 45, -0.8, "/d/1"}});
  EXPECT_EQ(Count(tornado, "class=\"bar\""), 2);
  EXPECT_NE(tornado.find("#E69F00"), std::string::npos);  // y falls as it rises
  EXPECT_NE(tornado.find(">+0.50</text>"), std::string::npos);
  EXPECT_NE(tornado.find(">-0.80</text>"), std::string::npos);
  EXPECT_NE(tornado.find("data-path=\"/d/0/rank_correlation\""), std::string::npos);
  // Ticks cover 40-60, not the whole 0-100 scale.
  EXPECT_EQ(tornado.find("class=\"tick\" text-anchor=\"middle\" fill=\"#52606d\">0<"),
            std::string::npos);
  EXPECT_EQ(tornado.find(">100</text>"), std::string::npos);
  EXPECT_NE(tornado.find(">50</text>"), std::string::npos);
}

TEST(SvgChartTest, IntervalChartsCarryAnchorsReferencesAndALegend) {
  const std::string intervals = IntervalChart(
      {"d", "every model"}, "distribution",
      {0, 100, "munitions", {{0, "no transfers"}, {50, "the 2023 rate"}, {100, "all out"}}},
      {{"eum", 10, 20, 30, 21.0, 19.0, {12, 25}, std::nullopt, "", "", "", 0},
       {"smp", 40, 50, 60, std::nullopt, std::nullopt, {}, 0.25, "", "", "/p", 1}},
      {{"status quo", 35, "/sq"}});
  EXPECT_EQ(Count(intervals, "class=\"band\""), 2);
  EXPECT_EQ(Count(intervals, "class=\"reference\""), 1);
  EXPECT_NE(intervals.find("0 = no transfers"), std::string::npos);
  EXPECT_NE(intervals.find("50 = the 2023 rate"), std::string::npos);
  EXPECT_NE(intervals.find("data-path=\"/sq\""), std::string::npos);
  EXPECT_NE(intervals.find(">25 %</text>"), std::string::npos);
  EXPECT_NE(intervals.find("class=\"legend\""), std::string::npos);
}

TEST(HtmlReportTest, TheBuiltInScenarioReportHasEveryPartAndItsFiguresEqualTheData) {
  ReportOptions options;
  options.draws = 24;
  options.program_version = "statecraft test";
  const Json data = BuildReportData(BuiltinScenarioWithLevers(), options);
  const Scenario& scenario = BuiltinScenarioWithLevers().scenario;
  ASSERT_EQ(data["forecasts"].size(), BuiltinModels().models().size());
  ASSERT_TRUE(data.contains("distributions"));
  ASSERT_TRUE(data.contains("whatif"));
  ASSERT_TRUE(data.contains("drivers"));
  ASSERT_TRUE(data.contains("backtest"));
  EXPECT_EQ(data["distributions"]["models"]["eum"][scenario.issues[0].name]["samples"].size(), 24u);
  // The backtest's interval over the draws, and the no-change baseline.
  EXPECT_TRUE(data["backtest"]["models"][0].contains("error_q10"));
  EXPECT_TRUE(data["backtest"].contains("status_quo"));

  const Json charts = RenderCharts(data);
  EXPECT_EQ(charts["distributions"].size(), static_cast<std::size_t>(scenario.IssueCount()));
  EXPECT_EQ(charts["plans"].size(), static_cast<std::size_t>(scenario.IssueCount()));
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
  EXPECT_NE(html.find("id=\"answer\""), std::string::npos);
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

TEST(HtmlReportTest, SaliencesAreShownOnTheScaleOfTheFile) {
  const ScenarioWithLevers input = ReadScenarioWithLevers(std::string(STATECRAFT_SOURCE_DIR) +
                                                          "/tests/scenarios/two_actors.json");
  EXPECT_EQ(input.scenario.salience_scale, 1.0);
  ReportOptions options;
  options.draws = 0;
  const Json data = BuildReportData(input, options);
  EXPECT_EQ(data["scenario"]["stakes"][1]["salience"]["central"].get<double>(), 0.5);
  const std::string html = RenderReportHtml(data);
  EXPECT_NE(html.find("salience (0\u20131)"), std::string::npos);
  EXPECT_NE(html.find(">0.50</span>"), std::string::npos);
  CheckFiguresAgainstData(html);
}

TEST(HtmlReportTest, AStoredComparisonGivesForecastsAndTrajectories) {
  const Scenario scenario = BuiltinScenarioWithLevers().scenario;
  Json models = Json::array();
  for (const char* name : {"eum", "median"}) {
    models.push_back(
        ForecastToJson(scenario, RunModel(BuiltinModels().Get(name), scenario, {}, 0)));
  }
  // A forecast that says it did not settle on an issue shows the range it moves in.
  models[0]["settlement"] = {
      {scenario.issues[1].name, {{"settled", false}, {"period", 2}, {"low", 0}, {"high", 95}}}};
  const Json data = ReportDataFromStoredRun("compare", WriteScenarioJson(scenario),
                                            Json{{"models", models}}, "v");
  EXPECT_EQ(data["forecasts"].size(), 2u);
  EXPECT_FALSE(data.contains("distributions"));
  const std::string html = RenderReportHtml(data);
  EXPECT_NE(html.find("data-chart=\"trajectory\""), std::string::npos);
  EXPECT_EQ(html.find("data-chart=\"tornado\""), std::string::npos);
  EXPECT_NE(html.find("id=\"answer\""), std::string::npos);
  EXPECT_NE(html.find("Report of a saved comparison"), std::string::npos);
  EXPECT_NE(
      html.find("(cycles <span class=\"fig\" data-path=\"/forecasts/0/settlement/sanctions/low\""),
      std::string::npos);
  CheckFiguresAgainstData(html);
}

TEST(HtmlReportTest, AStoredSweepOfSeveralModelsGivesDistributionsAndDrivers) {
  const Scenario scenario = BuiltinScenarioWithLevers().scenario;
  const std::string issue = scenario.issues[0].name;
  Json models = Json::array();
  for (const char* name : {"eum", "median"}) {
    models.push_back(
        {{"model", name},
         {"plan", "baseline"},
         {"draws", 10},
         {"seed", 1},
         {"issues", {{issue, {{"q10", 10}, {"median", 20}, {"q90", 30}, {"mean", 21}}}}},
         {"target", "munitions<=25"},
         {"probability", 0.3},
         {"drivers",
          {{issue,
            {{{"input", "x"},
              {"rank_correlation", 0.5},
              {"outcome_when_low", 15},
              {"outcome_when_high", 25}}}}}}});
  }
  const Json data =
      ReportDataFromStoredRun("sweep", WriteScenarioJson(scenario), Json{{"models", models}}, "v");
  ASSERT_TRUE(data.contains("distributions"));
  EXPECT_EQ(data["distributions"]["models"].size(), 2u);
  EXPECT_EQ(data["drivers"]["model"], "eum");
  const Json charts = RenderCharts(data);
  EXPECT_EQ(charts["distributions"].size(), 1u);
  EXPECT_EQ(charts["tornado"].size(), 1u);
  const std::string html = RenderReportHtml(data);
  EXPECT_NE(html.find("id=\"sweep-table\""), std::string::npos);
  EXPECT_NE(html.find("P(munitions \u2264 25)"), std::string::npos);
  EXPECT_NE(html.find(">30 %</span>"), std::string::npos);
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

TEST(HtmlReportTest, AStoredOptimisationWithoutAnAnswerShowsTheClosestPlans) {
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

TEST(HtmlReportTest, AStoredOptimisationLeadsWithTheCheapestPlanAndTheCounter) {
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

TEST(HtmlReportTest, AStoredWhatifLeadsWithThePlansAndTheirProbabilities) {
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

// An answer's JSON as the answer analysis writes it ({"question", "target",
// "required_probability", "opponent", "draws", "optimize_draws", "seed", "models": {model:
// {"whatif": [plans], "optimize"}}, "disagreements"}), here from what-ifs and searches per model.
Json AnswerJson(const ScenarioWithLevers& input, const std::string& target, double probability) {
  SweepOptions sweep;
  sweep.draws = 20;
  OptimizeOptions options;
  options.sweep.draws = 20;
  options.target = ParseTarget(input.scenario, target);
  options.probability = probability;
  Json models = Json::object();
  for (const char* name : {"compromise", "mean"}) {
    const std::vector<ModelChoice> model = {
        {&BuiltinModels().Get(name), ResolveParams(name, BuiltinModels().Get(name).params, {})}};
    const WhatifResult whatif =
        RunWhatif(input.scenario, input.levers, input.levers.plans, model, sweep, options.target);
    models[name] = {
        {"whatif", WhatifToJson(input.scenario, whatif, sweep)["plans"]},
        {"optimize",
         OptimizeToJson(Optimize(input.scenario, input.levers, model, options), options, model)}};
  }
  return {{"scenario", input.scenario.name},
          {"question", "Can the West bring the supply down?"},
          {"target", options.target.text},
          {"required_probability", probability},
          {"opponent", "Russia"},
          {"draws", 20},
          {"optimize_draws", 20},
          {"seed", 0},
          {"models", models},
          {"disagreements", {"The models differ on munitions by 30 points."}}};
}

TEST(HtmlReportTest, AnAnswerLeadsWithTheQuestionThePlanTheCounterTheDealAndTheDisagreements) {
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
        "The models differ on munitions by 30 points.", "id=\"answer-table\"",
        "data-chart=\"probability\"", "P(munitions \u2264 60) per model", "what drives munitions",
        "data-chart=\"plans\""}) {
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

}  // namespace
}  // namespace statecraft

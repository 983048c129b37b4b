#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <set>

#include "statecraft/analysis/run.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/io/native_format.h"
#include "statecraft/models/builtin.h"
#include "statecraft/report/html_report.h"
#include "statecraft/report/report_html.h"
#include "statecraft/report/report_test_support.h"
#include "statecraft/report/svg_chart.h"
#include "statecraft/report/svg_layout.h"

namespace statecraft {
namespace {

using report_test::CheckFiguresAgainstData;

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
  EXPECT_NE(svg.find("over rounds 2\u20135"), std::string::npos);
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

// Scales at the ends of the double range, and absent values, draw at real coordinates with real
// labels: no "nan" or "inf" reaches the SVG.
TEST(SvgChartTest, ExtremeScalesAndAbsentValuesDrawNoNan) {
  const double big = 1.7e308;
  const ValueAxis axis{-big, big, "x", {}};
  const std::string trajectory =
      TrajectoryChart({"t", "s"}, axis,
                      {{"A", {-big, 0.0, big}, false, 0}, {"outcome", {NAN, 1e307, NAN}, true, 0}});
  const std::string intervals =
      IntervalChart({"d", "every model"}, "distribution", axis,
                    {{"eum", -big, 0.0, big, 0.0, NAN, {-big, big}, std::nullopt, "", "", "", 0}},
                    {{"status quo", big, "/sq"}});
  const std::string tornado = TornadoChart({"t", "s"}, axis, 0.0, {{"x", -big, big, 0.5, "/d/0"}});
  for (const std::string* chart : {&trajectory, &intervals, &tornado}) {
    EXPECT_EQ(chart->find("nan"), std::string::npos) << *chart;
    EXPECT_EQ(chart->find("inf"), std::string::npos) << *chart;
  }
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

}  // namespace
}  // namespace statecraft

#include <gtest/gtest.h>

#include "statecraft/analysis/run.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/io/native_format.h"
#include "statecraft/models/builtin.h"
#include "statecraft/report/html_report.h"
#include "statecraft/report/svg_chart.h"

namespace statecraft {
namespace {

int Count(const std::string& text, const std::string& part) {
  int count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

TEST(SvgChartTest, EscapesTextAndDrawsEverySeries) {
  EXPECT_EQ(EscapeXml("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
  const std::string svg = TrajectoryChart("t <1>", {0, 100, "x"},
                                          {{"A", {10, 20, 30}, false},
                                           {"B&C", {90, std::nan(""), 70}, false},
                                           {"outcome", {50, 55, 60}, true}});
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_EQ(Count(svg, "<polyline"), 3);
  EXPECT_EQ(Count(svg, "class=\"series outcome\""), 1);
  EXPECT_NE(svg.find("t &lt;1&gt;"), std::string::npos);
  EXPECT_NE(svg.find("B&amp;C"), std::string::npos);
  // The outcome is drawn last (on top).
  EXPECT_GT(svg.find("series outcome"), svg.find("data-label=\"B&amp;C\""));
  // Round 0 at the left edge, value 10 at 90 % of the plot height down from the top.
  EXPECT_NE(svg.find("points=\"48.00,238.60 "), std::string::npos);
}

TEST(SvgChartTest, IntervalAndTornadoCharts) {
  const std::string intervals = IntervalChart("d", "distribution", {0, 100, ""},
                                              {{"eum", 10, 20, 30, 21.0, 19.0, {12, 25}},
                                               {"smp", 40, 50, 60, std::nullopt, std::nullopt, {}}},
                                              {{"status quo", 35}});
  EXPECT_EQ(Count(intervals, "class=\"band\""), 2);
  EXPECT_EQ(Count(intervals, "class=\"reference\""), 1);
  EXPECT_EQ(Count(intervals, "<circle"), 3);  // two draws, one mean
  const std::string tornado =
      TornadoChart("t", {0, 100, ""}, 50, {{"x", 40, 60, 0.5}, {"y", 70, 30, -0.8}});
  EXPECT_EQ(Count(tornado, "class=\"bar\""), 2);
  EXPECT_NE(tornado.find("#E69F00"), std::string::npos);  // y falls as it rises
}

TEST(HtmlReportTest, AStoredComparisonGivesForecastsAndTrajectories) {
  const Scenario scenario = BuiltinScenarioWithLevers().scenario;
  Json models = Json::array();
  for (const char* name : {"eum", "median"}) {
    models.push_back(
        ForecastToJson(scenario, RunModel(BuiltinModels().Get(name), scenario, {}, 0)));
  }
  const Json data = ReportDataFromStoredRun("compare", WriteScenarioJson(scenario),
                                            Json{{"models", models}}, "v");
  EXPECT_EQ(data["forecasts"].size(), 2u);
  EXPECT_FALSE(data.contains("distributions"));
  const std::string html = RenderReportHtml(data);
  EXPECT_NE(html.find("data-chart=\"trajectory\""), std::string::npos);
  EXPECT_EQ(html.find("data-chart=\"tornado\""), std::string::npos);
}

TEST(HtmlReportTest, AStoredSweepOfSeveralModelsGivesDistributionsAndDrivers) {
  const Scenario scenario = BuiltinScenarioWithLevers().scenario;
  const std::string issue = scenario.issues[0].name;
  Json models = Json::array();
  for (const char* name : {"eum", "median"}) {
    models.push_back(
        {{"model", name},
         {"draws", 10},
         {"seed", 1},
         {"issues", {{issue, {{"q10", 10}, {"median", 20}, {"q90", 30}, {"mean", 21}}}}},
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
}

}  // namespace
}  // namespace statecraft

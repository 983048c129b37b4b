#include "statecraft/app/report_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "statecraft/io/levers_format.h"
#include "statecraft/models/builtin.h"
#include "statecraft/report/html_report.h"
#include "statecraft/report/svg_chart.h"

namespace statecraft::app {
namespace {

// A store path that no test creates: the scenario report never opens it.
std::string TemporaryStorePath() {
  return (std::filesystem::temp_directory_path() /
          ("statecraft_report_test_" + std::to_string(::getpid())) / "runs.sqlite")
      .string();
}

TEST(ReportCommandTest, TheBuiltInScenarioReportHasEveryPart) {
  ReportDataRequest request;
  request.draws = 24;
  Context context;
  context.program_version = "statecraft test";
  StoreAccess unused(TemporaryStorePath());
  const Outcome<Json> report = ReportData(request, unused, context);
  ASSERT_TRUE(report.ok()) << report.error().message;
  const Json& data = report.value();
  EXPECT_EQ(data["program_version"], "statecraft test");
  const Scenario& scenario = BuiltinScenarioWithLevers().scenario;
  ASSERT_EQ(data["forecasts"].size(), BuiltinModels().models().size());
  ASSERT_TRUE(data.contains("distributions"));
  ASSERT_TRUE(data.contains("whatif"));
  ASSERT_TRUE(data.contains("drivers"));
  ASSERT_TRUE(data.contains("backtest"));
  EXPECT_EQ(data["distributions"]["models"]["eum"][scenario.issues[0].name]["samples"].size(), 24u);

  const Json charts = RenderCharts(data);
  EXPECT_EQ(charts["distributions"].size(), static_cast<std::size_t>(scenario.IssueCount()));
  EXPECT_EQ(charts["plans"].size(), static_cast<std::size_t>(scenario.IssueCount()));
  EXPECT_EQ(charts["tornado"].size(), 1u);
  EXPECT_FALSE(charts["trajectories"].empty());
  EXPECT_EQ(charts["trajectories"].size() % scenario.IssueCount(), 0u);

  const std::string html = RenderReportHtml(data);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* kind : {"trajectory", "distribution", "plans", "tornado"}) {
    EXPECT_NE(html.find(std::string("data-chart=\"") + kind + "\""), std::string::npos) << kind;
  }
  for (const char* id : {"forecast-table", "plans-table", "backtest-table", "stakes-table"}) {
    EXPECT_NE(html.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(html.find(EscapeXml(scenario.sources.front())), std::string::npos);
  EXPECT_NE(html.find("<td>L2=25.0</td>"), std::string::npos);  // the china plan's lever
  // Self-contained: no scripts, no external resources.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
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
  EXPECT_FALSE(std::filesystem::exists(TemporaryStorePath()));
}

}  // namespace
}  // namespace statecraft::app

// The report renders for every built-in scenario: the flagship and each case of the gallery.
#include <gtest/gtest.h>

#include <regex>

#include "statecraft/core/registry.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/report/html_report.h"
#include "statecraft/report/svg_chart.h"

namespace statecraft {
namespace {

class GalleryReport : public testing::TestWithParam<std::string> {};

TEST_P(GalleryReport, RendersEveryPartTheScenarioHas) {
  const BuiltinScenario& builtin = *FindBuiltinScenario(GetParam());
  const ScenarioWithLevers input = ParseScenarioWithLevers(builtin.text, builtin.file_name);
  ReportOptions options;
  options.draws = 8;
  options.program_version = "statecraft test";
  const Json data = BuildReportData(input, options);
  EXPECT_EQ(data["forecasts"].size(), BuiltinModels().models().size());
  bool known = false;
  for (const Issue& issue : input.scenario.issues) known = known || issue.known_outcome;
  EXPECT_EQ(data.contains("backtest"), known);

  const std::string html = RenderReportHtml(data);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find(EscapeXml(input.scenario.name)), std::string::npos);
  EXPECT_NE(html.find("data-chart=\"trajectory\""), std::string::npos);
  EXPECT_NE(html.find("id=\"forecast-table\""), std::string::npos);
  EXPECT_NE(html.find("id=\"stakes-table\""), std::string::npos);
  EXPECT_EQ(html.find("id=\"backtest-table\"") != std::string::npos, known);
  EXPECT_FALSE(std::regex_search(html, std::regex("\\b(nan|NaN|inf)\\b")))
      << "a number is not finite";
  EXPECT_EQ(html.find("<script"), std::string::npos);
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
}  // namespace statecraft

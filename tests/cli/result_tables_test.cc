// The printed form of results (cli/result_tables.h): a table cannot be built without a meaning
// for each column, --explain prints them, and the anchor note names the anchors around the values.
#include "cli/result_tables.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace statecraft::cli {
namespace {

TEST(ResultDocumentTest, ATableNeedsOneMeaningPerColumn) {
  ResultDocument document;
  EXPECT_THROW(document.Table({{"issue", "outcome"}, {"x", "1.0"}}, {"the issue"}),
               std::logic_error);
  EXPECT_THROW(document.Table({{"issue", "outcome"}}, {"the issue", ""}), std::logic_error);
  EXPECT_THROW(document.Table({}, {}), std::logic_error);
  EXPECT_TRUE(document.blocks.empty());
  document.Table({{"issue", "outcome"}}, {"the issue", "where it ends"});
  EXPECT_EQ(document.blocks.size(), 1u);
}

ResultDocument TwoColumnsOfOneMeaning() {
  ResultDocument document;
  document.Text("head\n");
  document.Table({{"issue", "mean", "smp"}, {"x", "1.0", "2.0"}},
                 {"the issue", "each model's outcome", "each model's outcome"});
  document.Text("note\n");
  return document;
}

TEST(ResultDocumentTest, ExplainPrintsTheMeaningsAndMergesEqualNeighbours) {
  std::ostringstream out;
  PrintDocument(out, TwoColumnsOfOneMeaning(), true);
  EXPECT_EQ(out.str(),
            "head\n"
            "issue  mean  smp\n"
            "x       1.0  2.0\n"
            "\n"
            "  issue      the issue\n"
            "  mean, smp  each model's outcome\n"
            "\n"
            "note\n");
}

TEST(ResultDocumentTest, WithoutExplainOneFooterLine) {
  std::ostringstream out;
  PrintDocument(out, TwoColumnsOfOneMeaning(), false);
  EXPECT_EQ(out.str(),
            "head\n"
            "issue  mean  smp\n"
            "x       1.0  2.0\n"
            "note\n"
            "\n(--explain says what each column means)\n");
  std::ostringstream text_only;
  ResultDocument document;
  document.Text("only text\n");
  PrintDocument(text_only, document, false);
  EXPECT_EQ(text_only.str(), "only text\n");
}

TEST(ResultDocumentTest, CsvHasNoMeanings) {
  ResultDocument document = TwoColumnsOfOneMeaning();
  document.csv = {{"issue", "mean"}, {{"x", 1.0}}};
  std::ostringstream out;
  PrintResult(out, document, "csv", true);
  EXPECT_EQ(out.str(), "issue,mean\nx,1\n");
}

Scenario AnchoredScenario() {
  Scenario scenario;
  scenario.name = "anchored";
  Issue delay;
  delay.name = "delay";
  delay.scale_low = -5;
  delay.scale_high = 15;
  // Declared out of order: the note sorts them.
  delay.anchors = {
      {15, "fifteen years late"}, {-5, "five years early"}, {0, "on time"}, {5, "five years late"}};
  Issue plain;
  plain.name = "plain";
  scenario.issues = {delay, plain};
  return scenario;
}

TEST(AnchorNoteTest, TheAnchorsAroundTheValues) {
  const Scenario scenario = AnchoredScenario();
  EXPECT_EQ(AnchorNote(scenario, {{4.1}, {50}}),
            "what these values mean (the scenario's scale anchors around them):\n"
            "  delay 4.1: 0 = on time | 5 = five years late\n");
  // A span of values, NaN left out; a value on an anchor names that anchor alone.
  EXPECT_EQ(AnchorNote(scenario, {{std::nan(""), 0.0, 6.0}, {}}),
            "what these values mean (the scenario's scale anchors around them):\n"
            "  delay 0.0-6.0: 0 = on time | 5 = five years late | 15 = fifteen years late\n");
  EXPECT_EQ(AnchorNote(scenario, {{5.0}, {}}),
            "what these values mean (the scenario's scale anchors around them):\n"
            "  delay 5.0: 5 = five years late\n");
  // Below the lowest anchor: from the first one.
  EXPECT_EQ(AnchorNote(scenario, {{-6.0}, {}}),
            "what these values mean (the scenario's scale anchors around them):\n"
            "  delay -6.0: -5 = five years early\n");
}

TEST(AnchorNoteTest, NothingWithoutAnchorsOrValues) {
  const Scenario scenario = AnchoredScenario();
  EXPECT_EQ(AnchorNote(scenario, {{}, {50}}), "");
  EXPECT_EQ(AnchorNote(scenario, {{std::nan("")}, {50}}), "");
  EXPECT_EQ(AnchorNote(scenario, {}), "");
}

}  // namespace
}  // namespace statecraft::cli

#include "statecraft/io/importers/decide_csv.h"

#include <gtest/gtest.h>

#include <string>

#include "statecraft/core/error.h"
#include "statecraft/io/text_file.h"

namespace statecraft {
namespace {

std::string DataPath(const std::string& name) {
  return std::string(STATECRAFT_SOURCE_DIR) + "/data/gpl/decide/" + name;
}

Scenario ReadDataset(const std::string& name) {
  const std::string path = DataPath(name);
  const std::vector<Scenario> scenarios = ReadDecide(ReadTextFile(path), path, ImportOptions{});
  EXPECT_EQ(scenarios.size(), 1u);
  return scenarios.front();
}

Scenario ReadText(const std::string& text) {
  return ReadDecide(text, "test.csv", ImportOptions{}).front();
}

// The error message of reading `text`, or "" when it reads.
std::string ErrorOf(const std::string& text) {
  try {
    ReadDecide(text, "test.csv", ImportOptions{});
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(DecideCsv, ReadsQuotedTollSample) {
  const Scenario scenario = ReadDataset("decide_sample_data.toll_case.txt");
  ASSERT_EQ(scenario.ActorCount(), 10);
  ASSERT_EQ(scenario.IssueCount(), 6);
  EXPECT_EQ(scenario.actors[0].name, "Willems");
  EXPECT_EQ(scenario.actors[0].description, "Test");
  const int toll_height = scenario.IssueIndex("tol-hoogte");
  ASSERT_GE(toll_height, 0);
  EXPECT_DOUBLE_EQ(scenario.issues[toll_height].scale_low, 0.5);
  EXPECT_DOUBLE_EQ(scenario.issues[toll_height].scale_high, 7.0);
  EXPECT_DOUBLE_EQ(scenario.Position(0, toll_height), 3.0);
  EXPECT_DOUBLE_EQ(scenario.Salience(0, toll_height), 0.7);
  // Decide's power is per actor-issue: the stake's capability; the actor's own is 1.
  EXPECT_DOUBLE_EQ(scenario.actors[0].capability.central, 1.0);
  ASSERT_TRUE(scenario.StakeOf(0, toll_height).capability.has_value());
  EXPECT_DOUBLE_EQ(scenario.Capability(0, toll_height), 1.0);
}

TEST(DecideCsv, ReadsUnquotedCopenhagenWithTitleAndComments) {
  // Upstream's copenhagen_with_errors.csv: unquoted, with #O/#/ rows, and two planted errors.
  const std::string path = DataPath("decide_copenhagen_original_unquoted.csv");
  std::string text = ReadTextFile(path);
  try {
    ReadDecide(text, path, ImportOptions{});
    ADD_FAILURE() << "the planted errors were not reported";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()),
              path +
                  ":86:19: found position 160, expected a position within issue 'Control''s "
                  "scale [0, 100] (the #M rows' range)");
  }
  text.replace(text.find("Control\t160"), 11, "Control\t60");
  try {
    ReadDecide(text, path, ImportOptions{});
    ADD_FAILURE() << "the negative power was not reported";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()),
              path + ":87:32: found power -0.247, expected a power >= 0");
  }
  text.replace(text.find("-0.247"), 6, "0.247");
  const Scenario scenario = ReadDecide(text, path, ImportOptions{}).front();
  EXPECT_EQ(scenario.description, "Copenhagen negotiations");
  ASSERT_EQ(scenario.ActorCount(), 11);
  ASSERT_EQ(scenario.IssueCount(), 7);
  EXPECT_EQ(scenario.actors[1].name, "EU (incl Norway)");
  EXPECT_EQ(scenario.actors[3].name, "Canada");
  EXPECT_EQ(scenario.issues[0].description, "Copenhagen new treaty vs extension of Kyoto");
  EXPECT_DOUBLE_EQ(scenario.Capability(0, 0), 0.26);
  EXPECT_DOUBLE_EQ(scenario.Salience(0, 0), 0.9);
  EXPECT_FALSE(scenario.HasStake(scenario.ActorIndex("Russia"), scenario.IssueIndex("Extra")));
}

TEST(DecideCsv, ReadsCop21ScaleMeaningsAndSkipsFillerLines) {
  const Scenario scenario = ReadDataset("cop21_paris_2015_stokman_thomson.decide.csv");
  ASSERT_EQ(scenario.ActorCount(), 15);
  ASSERT_EQ(scenario.IssueCount(), 13);
  int stakes = 0;
  for (const auto& stake : scenario.stakes) stakes += stake.has_value() ? 1 : 0;
  EXPECT_EQ(stakes, 181);  // some actors have no position on some issues
  const Issue& differentiation = scenario.issues[0];
  ASSERT_EQ(differentiation.anchors.size(), 5u);
  EXPECT_DOUBLE_EQ(differentiation.anchors[1].value, 25.0);
  EXPECT_EQ(differentiation.anchors[1].meaning, "National circumstances");
}

TEST(DecideCsv, SemicolonsDecimalCommasAndPercentages) {
  const Scenario scenario = ReadText(
      "#A;A;Actor A\n#A;B;Actor B\n#P;p;Issue p\n#M;p;0;none\n#M;p;10;all\n"
      "#D;A;p;2,5;80;50\n#D;B;p;7;40;100\n");
  EXPECT_DOUBLE_EQ(scenario.issues[0].scale_high, 10.0);
  EXPECT_DOUBLE_EQ(scenario.Position(0, 0), 2.5);
  EXPECT_DOUBLE_EQ(scenario.Salience(0, 0), 0.8);
  EXPECT_DOUBLE_EQ(scenario.Capability(1, 0), 1.0);
  EXPECT_EQ(scenario.issues[0].anchors[1].meaning, "all");
}

TEST(DecideCsv, ExtraFieldsJoinTheLastField) {
  const Scenario scenario = ReadText("#A\tA\tA\tfirst\tsecond\n#P\tp\tp\n#D\tA\tp\t50\t0.5\t1\n");
  EXPECT_EQ(scenario.actors[0].description, "first\tsecond");
}

TEST(DecideCsv, Sniffs) {
  EXPECT_TRUE(SniffDecide("'#A'\t'X'\t'X'\n"));
  EXPECT_TRUE(SniffDecide("\n#O\tTitle\n#A\tX\tX\n"));
  EXPECT_TRUE(SniffDecide("#A;X;X\n"));
  EXPECT_FALSE(SniffDecide("Actor,Capability,Position,Salience\nA,1,2,3\n"));
  EXPECT_FALSE(SniffDecide("# a comment\n"));
}

TEST(DecideCsv, ErrorsNameLineColumnAndExpectation) {
  const std::string header = "#A\tA\tA\n#P\tp\tp\n";
  EXPECT_EQ(ErrorOf(header + "#D\tZ\tp\t50\t0.5\t1\n"),
            "test.csv:3:4: found actor 'Z', expected an actor declared in an #A row");
  EXPECT_EQ(ErrorOf(header + "#D\tA\tq\t50\t0.5\t1\n"),
            "test.csv:3:6: found issue 'q', expected an issue declared in a #P row");
  EXPECT_EQ(ErrorOf(header + "#D\tA\tp\tfifty\t0.5\t1\n"),
            "test.csv:3:8: position: found 'fifty', expected a number");
  EXPECT_EQ(ErrorOf(header + "#D\tA\tp\t50\t0.5\n"),
            "test.csv:3:14: found no power in a #D row, expected power");
  EXPECT_EQ(ErrorOf(header + "#D\tA\tp\t150\t0.5\t1\n"),
            "test.csv:3:8: found position 150, expected a position within issue 'p''s scale "
            "[0, 100] (the #M rows' range)");
  EXPECT_EQ(ErrorOf(header + "#D\tA\tp\t50\t150\t1\n"),
            "test.csv:3:11: found salience 150, expected a salience in [0, 1] or [0, 100]");
  EXPECT_EQ(ErrorOf(header + "#D\tA\tp\t50\t0.5\t1\n#D\tA\tp\t40\t0.5\t1\n"),
            "test.csv:4:1: found a second #D row for actor 'A' on issue 'p' (first on line 3), "
            "expected one row per actor and issue");
  EXPECT_EQ(ErrorOf(header + "#X\tA\n"),
            "test.csv:3:1: found tag '#X', expected one of #A, #P, #M, #D, #/, #O");
  EXPECT_EQ(ErrorOf("#A\tA\tA\n#A\tA\tA\n"),
            "test.csv:2:4: found actor 'A' again (first on line 1), expected a new id");
  EXPECT_EQ(ErrorOf(header),
            "test.csv:2: issue 'p' has no #D row, expected at least one actor "
            "position");
  // Every message names a line: rows that are missing, the last line, where the reader looked.
  EXPECT_EQ(ErrorOf("#A\tA\tA\n"),
            "test.csv:1: reached the end of the file without a #P row, expected at least one "
            "issue");
  EXPECT_EQ(ErrorOf("#P\tp\tp\n\n\n"),
            "test.csv:3: reached the end of the file without an #A row, expected at least one "
            "actor");
  EXPECT_EQ(ErrorOf("#A\tA\tA\n#P\tp\tp\n#M\tp\t5\n#M\tp\t5\n#D\tA\tp\t5\t0.5\t1\n"),
            "test.csv:3: issue 'p': found #M rows spanning [5, 5], expected at least two "
            "different scale positions");
  EXPECT_EQ(ErrorOf("#A 'A'\n"),
            "test.csv:1:3: found ' ' after the tag, expected a tab or ';' as the field "
            "delimiter");
  EXPECT_EQ(ErrorOf("#A\t'A\n"),
            "test.csv:1:4: found an unterminated quoted field, expected a closing '");
}

TEST(DecideCsv, ActorsMayMissIssues) {
  const Scenario scenario = ReadText(
      "#A\tA\tA\n#A\tB\tB\n#P\tp\tp\n#P\tq\tq\n#D\tA\tp\t10\t0.5\t1\n"
      "#D\tB\tp\t90\t0.5\t1\n#D\tB\tq\t90\t0.5\t1\n");
  EXPECT_FALSE(scenario.HasStake(0, 1));
  EXPECT_TRUE(scenario.HasStake(1, 1));
}

}  // namespace
}  // namespace statecraft

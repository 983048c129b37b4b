#include "statecraft/io/importers/bdm_csv.h"

#include <gtest/gtest.h>

#include <string>

#include "statecraft/core/error.h"
#include "statecraft/io/text_file.h"

namespace statecraft {
namespace {

Scenario Read(const std::string& text, const std::string& file_name = "case.csv") {
  const std::vector<Scenario> scenarios = ReadBdmCsv(text, file_name, ImportOptions{});
  EXPECT_EQ(scenarios.size(), 1u);
  return scenarios.front();
}

// The error message of reading `text`, or "" when it reads.
std::string ErrorOf(const std::string& text) {
  try {
    ReadBdmCsv(text, "bad.csv", ImportOptions{});
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(BdmCsv, ReadsTheEcCase) {
  const std::string path =
      std::string(STATECRAFT_SOURCE_DIR) + "/data/bdm/ec_emissions_bdm1994.csv";
  const Scenario scenario = Read(ReadTextFile(path), path);
  EXPECT_EQ(scenario.name, "ec_emissions_bdm1994");
  ASSERT_EQ(scenario.ActorCount(), 10);
  ASSERT_EQ(scenario.IssueCount(), 1);
  EXPECT_EQ(scenario.actors[1].name, "Belgium");
  EXPECT_DOUBLE_EQ(scenario.Capability(1, 0), 0.08);
  EXPECT_DOUBLE_EQ(scenario.Position(1, 0), 7.0);
  EXPECT_DOUBLE_EQ(scenario.Salience(1, 0), 0.4);
  // No scale in the file: the positions' span.
  EXPECT_DOUBLE_EQ(scenario.issues[0].scale_low, 4.0);
  EXPECT_DOUBLE_EQ(scenario.issues[0].scale_high, 10.0);
}

TEST(BdmCsv, ReadsThePreanaTsvWithByteOrderMark) {
  const Scenario scenario =
      Read("\xEF\xBB\xBFName\tx\tc\ts\nJalili\t1\t0.24\t0.7\nRuhani\t8\t0.21\t1\n", "iran.tsv");
  ASSERT_EQ(scenario.ActorCount(), 2);
  EXPECT_EQ(scenario.actors[0].name, "Jalili");
  EXPECT_DOUBLE_EQ(scenario.Position(0, 0), 1.0);
  EXPECT_DOUBLE_EQ(scenario.Capability(0, 0), 0.24);
  EXPECT_DOUBLE_EQ(scenario.Salience(0, 0), 0.7);
  EXPECT_DOUBLE_EQ(scenario.Position(1, 0), 8.0);
}

TEST(BdmCsv, HeaderInAnyOrderAndCaseWithSemicolons) {
  const Scenario scenario =
      Read("\n  \nSALIENCE; position ;Actor;capability\n0.5;3;A;2\n1;9;B;1\n");
  EXPECT_EQ(scenario.actors[0].name, "A");
  EXPECT_DOUBLE_EQ(scenario.Position(0, 0), 3.0);
  EXPECT_DOUBLE_EQ(scenario.Capability(0, 0), 2.0);
  EXPECT_DOUBLE_EQ(scenario.Salience(0, 0), 0.5);
}

TEST(BdmCsv, PercentSaliencesBecomeFractions) {
  const Scenario scenario = Read("Actor,Capability,Position,Salience\nA,1,0,80\nB,1,100,1\n");
  EXPECT_DOUBLE_EQ(scenario.Salience(0, 0), 0.8);
  EXPECT_DOUBLE_EQ(scenario.Salience(1, 0), 0.01);
}

TEST(BdmCsv, OnePositionWidensTheScale) {
  const Scenario scenario = Read("Actor,Capability,Position,Salience\nA,1,5,0.5\nB,1,5,0.5\n");
  EXPECT_DOUBLE_EQ(scenario.issues[0].scale_low, 4.0);
  EXPECT_DOUBLE_EQ(scenario.issues[0].scale_high, 6.0);
}

TEST(BdmCsv, ErrorsSayWhereAndWhat) {
  const std::string header = "Actor,Capability,Position,Salience\n";
  EXPECT_EQ(ErrorOf(""),
            "bad.csv:1: found an empty file, expected the header "
            "Actor,Capability,Position,Salience (or Name x c s)");
  EXPECT_EQ(ErrorOf("Actor,Power,Position,Salience\nA,1,2,0.5\n"),
            "bad.csv:1: found 'Actor,Power,Position,Salience', expected the header "
            "Actor,Capability,Position,Salience (or Name x c s)");
  EXPECT_EQ(ErrorOf(header + "A,1,2,0.5\nB,abc,3,0.5\n"),
            "bad.csv:3:3: capability: found 'abc', expected a number");
  EXPECT_EQ(ErrorOf(header + "A,0,2,0.5\n"),
            "bad.csv:2:3: capability: found '0', expected a capability > 0");
  EXPECT_EQ(ErrorOf(header + "A,-1,2,0.5\n"),
            "bad.csv:2:3: capability: found '-1', expected a capability > 0");
  EXPECT_EQ(ErrorOf(header + "A,1,2,150\n"),
            "bad.csv:2:7: salience: found '150', expected a salience in [0, 1] or [0, 100]");
  EXPECT_EQ(ErrorOf(header + "A,1,2,0.5\nA,1,3,0.5\n"),
            "bad.csv:3:1: found actor 'A' a second time, expected each actor once");
  EXPECT_EQ(ErrorOf(header + "A,1,2\n"),
            "bad.csv:2: found 3 fields, expected 4 (actor, capability, position, salience)");
  EXPECT_EQ(ErrorOf(header),
            "bad.csv:1: found no actor rows after the header, expected at least one actor");
  EXPECT_EQ(ErrorOf(header + ",1,2,0.5\n"),
            "bad.csv:2:1: found an empty actor name, expected a name");
}

TEST(BdmCsv, Sniff) {
  EXPECT_TRUE(SniffBdmCsv("Actor,Capability,Position,Salience\nA,1,2,0.5\n"));
  EXPECT_TRUE(SniffBdmCsv("\n\nactor;capability;position;salience\n"));
  EXPECT_TRUE(SniffBdmCsv("\xEF\xBB\xBFName\tx\tc\ts\n"));
  EXPECT_FALSE(SniffBdmCsv("Actor,Capability,Position\n"));
  EXPECT_FALSE(SniffBdmCsv("#A\tactors\n"));
  EXPECT_FALSE(SniffBdmCsv(""));
}

TEST(BdmCsv, IsRegistered) {
  bool found = false;
  for (const Importer& importer : BuiltinImporters()) {
    if (importer.format == "bdm") {
      found = true;
      EXPECT_TRUE(importer.sniff("Actor,Capability,Position,Salience\n"));
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace statecraft

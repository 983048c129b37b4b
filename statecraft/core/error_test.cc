#include "statecraft/core/error.h"

#include <gtest/gtest.h>

#include <string>

namespace statecraft {
namespace {

TEST(ShortenMessageTest, ShortMessagesAndValuesStayAsTheyAre) {
  const std::string message =
      "scenario.yaml:3:5: actors[1].name: duplicate actor name 'China' (the issue's scale)";
  EXPECT_EQ(ShortenMessage(message), message);
  EXPECT_EQ(InputError(message).what(), message);
}

TEST(ShortenMessageTest, LongQuotedValuesAreCutWithTheirLength) {
  const std::string name(1 << 20, 'x');  // a 1 MB name
  const std::string shortened =
      InputError("f.yaml:2:9: duplicate actor name '" + name + "'; expected unique names").what();
  EXPECT_EQ(shortened, "f.yaml:2:9: duplicate actor name '" + std::string(40, 'x') +
                           "...' (1048576 characters); expected unique names");
  // Double quotes too (plans and targets from the command line).
  EXPECT_EQ(ShortenMessage("plan \"" + std::string(100, 'p') + "\": unknown lever"),
            "plan \"" + std::string(40, 'p') + "...\" (100 characters): unknown lever");
}

TEST(ShortenMessageTest, ApostrophesInProseAreNotQuotes) {
  const std::string prose = "position within issue 'p''s scale, and the issue's own " +
                            std::string(200, 'w') + " words' end";
  EXPECT_EQ(ShortenMessage(prose), prose);
}

TEST(ShortenMessageTest, CutsFallBetweenUtf8Characters) {
  std::string name;
  for (int k = 0; k < 100; ++k) name += "\xc3\xa9";  // é, two bytes each
  const std::string shortened = ShortenMessage("name '" + name + "'");
  std::string kept;
  for (int k = 0; k < 40; ++k) kept += "\xc3\xa9";
  EXPECT_EQ(shortened, "name '" + kept + "...' (100 characters)");
}

TEST(ShortenMessageTest, VeryLongMessagesKeepTheirStartAndEnd) {
  std::string list;
  for (int k = 0; k < 2000; ++k) list += "L" + std::to_string(k) + ", ";
  const std::string shortened =
      ShortenMessage("plan: unknown lever; declared: " + list + "expected a declared lever");
  EXPECT_LE(shortened.size(), kLongestMessage + 40);
  EXPECT_EQ(shortened.rfind("plan: unknown lever; declared: L0, L1", 0), 0u);
  EXPECT_NE(shortened.find("bytes cut"), std::string::npos);
  EXPECT_EQ(shortened.substr(shortened.size() - 25), "expected a declared lever");
}

}  // namespace
}  // namespace statecraft

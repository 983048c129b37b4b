// The one grammar of targets (issue 15, class 6): ISSUE, then <=, >=, < or > with their real
// meanings, then a finite decimal number on the scale; every other text is an InputError
// naming what was found and what was expected.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "statecraft/analysis/sweep.h"
#include "statecraft/core/error.h"
#include "statecraft/io/levers_format.h"

namespace statecraft {
namespace {

std::string ErrorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

const Scenario& Flagship() {
  static const Scenario scenario = BuiltinScenarioWithLevers().scenario;
  return scenario;
}

TEST(TargetGrammarTest, EachComparisonMeansWhatItSays) {
  const Target at_most = ParseTarget(Flagship(), "munitions<=25");
  const Target below = ParseTarget(Flagship(), " munitions < 25 ");
  const Target at_least = ParseTarget(Flagship(), "munitions>=25");
  const Target above = ParseTarget(Flagship(), "munitions>25");
  EXPECT_EQ(below.text, "munitions<25");
  EXPECT_EQ(above.text, "munitions>25");
  EXPECT_TRUE(at_most.Met(25) && at_most.Met(24.9) && !at_most.Met(25.1));
  EXPECT_TRUE(!below.Met(25) && below.Met(24.9) && !below.Met(25.1));
  EXPECT_TRUE(at_least.Met(25) && !at_least.Met(24.9) && at_least.Met(25.1));
  EXPECT_TRUE(!above.Met(25) && !above.Met(24.9) && above.Met(25.1));
}

TEST(TargetGrammarTest, DecimalNumbersOnTheScale) {
  EXPECT_DOUBLE_EQ(ParseTarget(Flagship(), "munitions<=12.5").value, 12.5);
  EXPECT_DOUBLE_EQ(ParseTarget(Flagship(), "munitions<=.5").value, 0.5);
  EXPECT_DOUBLE_EQ(ParseTarget(Flagship(), "munitions<=5.").value, 5.0);
  EXPECT_DOUBLE_EQ(ParseTarget(Flagship(), "munitions<=+2.5e1").value, 25.0);
  EXPECT_DOUBLE_EQ(ParseTarget(Flagship(), "munitions>=0").value, 0.0);
  EXPECT_DOUBLE_EQ(ParseTarget(Flagship(), "munitions<=100").value, 100.0);
}

TEST(TargetGrammarTest, EveryOtherTextSaysWhatWasFoundAndExpected) {
  const std::string grammar =
      "expected ISSUE<=VALUE, ISSUE>=VALUE, ISSUE<VALUE or ISSUE>VALUE (for example "
      "\"munitions<=25\")";
  EXPECT_EQ(ErrorOf([] { ParseTarget(Flagship(), ""); }), "target \"\": found nothing, " + grammar);
  EXPECT_EQ(ErrorOf([] { ParseTarget(Flagship(), "  "); }),
            "target \"  \": found nothing, " + grammar);
  EXPECT_EQ(ErrorOf([] { ParseTarget(Flagship(), "munitions=25"); }),
            "target \"munitions=25\": found no comparison, " + grammar);
  EXPECT_EQ(ErrorOf([] { ParseTarget(Flagship(), "<=25"); }),
            "target \"<=25\": found no issue before '<=', " + grammar);
  EXPECT_EQ(ErrorOf([] { ParseTarget(Flagship(), "shells<=25"); }),
            "target \"shells<=25\": unknown issue 'shells'; issues: munitions, sanctions, "
            "technology");
  const std::string number = ", expected a decimal number such as 25, -2.5 or 1e3";
  EXPECT_EQ(ErrorOf([] { ParseTarget(Flagship(), "munitions<=0x10"); }),
            "target \"munitions<=0x10\": found '0x10' after '<='" + number);
  EXPECT_EQ(ErrorOf([] { ParseTarget(Flagship(), "munitions<="); }),
            "target \"munitions<=\": found '' after '<='" + number);
  EXPECT_EQ(ErrorOf([] { ParseTarget(Flagship(), "munitions<<25"); }),
            "target \"munitions<<25\": found '<25' after '<'" + number);
  for (const char* text : {"munitions<=inf", "munitions<=nan", "munitions<=1e999",
                           "munitions<=25 or so", "munitions<=2 5", "munitions<=1,5",
                           "munitions<=e5", "munitions<=.", "munitions<=-", "munitions<=1e"}) {
    EXPECT_NE(ErrorOf([&] { ParseTarget(Flagship(), text); }).find(number), std::string::npos)
        << text;
  }
  EXPECT_EQ(ErrorOf([] { ParseTarget(Flagship(), "munitions<=150"); }),
            "target \"munitions<=150\": found 150, expected a value on the scale of 'munitions', "
            "[0, 100]");
  EXPECT_NE(ErrorOf([] { ParseTarget(Flagship(), "munitions>-0.5"); }), "");
}

}  // namespace
}  // namespace statecraft

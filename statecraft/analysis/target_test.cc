#include "statecraft/analysis/target.h"

#include <gtest/gtest.h>

#include "statecraft/core/error.h"
#include "statecraft/io/levers_format.h"

namespace statecraft {
namespace {

TEST(TargetTest, TargetsParseAndBadTargetsAreInputErrors) {
  const ScenarioWithLevers flagship = BuiltinScenarioWithLevers();
  const Target target = ParseTarget(flagship.scenario, "munitions <= 25");
  EXPECT_EQ(target.issue, 0);
  EXPECT_TRUE(target.at_most);
  EXPECT_DOUBLE_EQ(target.value, 25);
  EXPECT_EQ(target.text, "munitions<=25");
  EXPECT_FALSE(ParseTarget(flagship.scenario, "sanctions>=60").at_most);
  try {
    ParseTarget(flagship.scenario, "shells<=25");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_STREQ(error.what(),
                 "target \"shells<=25\": unknown issue 'shells'; issues: munitions, sanctions, "
                 "technology");
  }
  EXPECT_THROW(ParseTarget(flagship.scenario, "munitions=25"), InputError);
  EXPECT_THROW(ParseTarget(flagship.scenario, "munitions<=lots"), InputError);
  EXPECT_NO_THROW(CheckProbability(1.0));
  EXPECT_THROW(CheckProbability(1.5), InputError);
  EXPECT_THROW(CheckProbability(0.0), InputError);
  EXPECT_THROW(CheckProbability(-0.5), InputError);
  EXPECT_NO_THROW(CheckProbability(0.8));
}

}  // namespace
}  // namespace statecraft

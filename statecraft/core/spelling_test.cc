#include "statecraft/core/spelling.h"

#include <gtest/gtest.h>

namespace statecraft {
namespace {

TEST(SpellingTest, CountsEditsAndSwaps) {
  EXPECT_EQ(EditDistance("compare", "compare"), 0);
  EXPECT_EQ(EditDistance("comapre", "compare"), 1);  // two letters swapped
  EXPECT_EQ(EditDistance("lst", "list"), 1);
  EXPECT_EQ(EditDistance("EUM", "eum"), 0);
  EXPECT_EQ(EditDistance("", "run"), 3);
}

TEST(SpellingTest, SuggestsOnlyCloseNames) {
  const std::vector<std::string> commands = {"run", "compare", "sweep", "whatif", "runs"};
  EXPECT_EQ(ClosestName("comapre", commands), "compare");
  EXPECT_EQ(ClosestName("swep", commands), "sweep");
  EXPECT_EQ(ClosestName("what", commands), "whatif");  // cut short
  EXPECT_EQ(ClosestName("banana", commands), "");
  EXPECT_EQ(DidYouMean("lst", {"list", "show"}), "did you mean 'list'? ");
  EXPECT_EQ(DidYouMean("xyz", {"list", "show"}), "");
  EXPECT_EQ(ClosestName("y", {"x"}), "");  // too short to guess
  EXPECT_EQ(ClosestName("median2", {"mean", "median"}), "median");
}

}  // namespace
}  // namespace statecraft

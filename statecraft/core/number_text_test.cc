#include "statecraft/core/number_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>

namespace statecraft {
namespace {

TEST(NumberText, WholeNumbersHaveNoDecimals) {
  EXPECT_EQ(NumberText(130.0), "130");
  EXPECT_EQ(NumberText(-2.0), "-2");
  EXPECT_EQ(NumberText(0.0), "0");
}

TEST(NumberText, FractionsAreTheShortestThatReadBack) {
  EXPECT_EQ(NumberText(0.35), "0.35");
  EXPECT_EQ(NumberText(1e-9), "1e-09");
  EXPECT_EQ(NumberText(-2.5), "-2.5");
  for (double value : {1.0 / 3.0, 0.1 + 0.2, 123456.789, 1e300, 5e-324}) {
    EXPECT_EQ(std::strtod(NumberText(value).c_str(), nullptr), value) << NumberText(value);
  }
}

TEST(NumberText, NonFiniteValuesAreNamed) {
  EXPECT_EQ(NumberText(std::nan("")), "nan");
  EXPECT_EQ(NumberText(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(NumberText(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(ValueOnScale, ReadsBackToTheSameDouble) {
  EXPECT_EQ(ValueOnScale(60.0 / 100.0, 100.0), 60.0);
  EXPECT_EQ(ValueOnScale(0.35, 100.0), 35.0);
  EXPECT_EQ(ValueOnScale(0.7, 100.0), 70.0);  // readers divide: 70 / 100 is the double nearest 0.7
  for (int hundredths = 0; hundredths <= 10000; ++hundredths) {
    const double written = hundredths / 100.0;
    const double held = written / 100.0;
    EXPECT_EQ(ValueOnScale(held, 100.0) / 100.0, held) << written;
    EXPECT_EQ(ValueOnScale(held, 100.0), written) << written;
  }
}

}  // namespace
}  // namespace statecraft

#include "statecraft/core/params.h"

#include <gtest/gtest.h>

#include "statecraft/core/error.h"

namespace statecraft {
namespace {

std::vector<ParamSpec> Specs() {
  return {
      {"rounds", ParamType::kInteger, "10", {}, 0, 1000, "rounds"},
      {"q", ParamType::kNumber, "1.0", {}, 0, 1, "status-quo probability"},
      {"capitulation", ParamType::kBoolean, "on", {}, 0, 0, "switch"},
      {"probability", ParamType::kChoice, "global", {"global", "pair"}, 0, 0, "choice"},
  };
}

TEST(ResolveParams, DefaultsFilledInDeclarationOrder) {
  const ParamValues values = ResolveParams("model 'm'", Specs(), {});
  EXPECT_EQ(values.GetInteger("rounds"), 10);
  EXPECT_DOUBLE_EQ(values.GetNumber("q"), 1.0);
  EXPECT_TRUE(values.GetBoolean("capitulation"));
  EXPECT_EQ(values.GetChoice("probability"), "global");
  ASSERT_EQ(values.entries().size(), 4u);
  EXPECT_EQ(values.entries()[1].text, "1");
}

TEST(ResolveParams, GivenValuesOverride) {
  const ParamValues values =
      ResolveParams("model 'm'", Specs(), {{"capitulation", "off"}, {"rounds", "3"}, {"q", "0.5"}});
  EXPECT_FALSE(values.GetBoolean("capitulation"));
  EXPECT_EQ(values.GetInteger("rounds"), 3);
  EXPECT_DOUBLE_EQ(values.GetNumber("q"), 0.5);
}

std::string ErrorOf(const std::vector<std::pair<std::string, std::string>>& given) {
  try {
    ResolveParams("model 'm'", Specs(), given);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(ResolveParams, ClearErrors) {
  EXPECT_EQ(ErrorOf({{"round", "3"}}),
            "model 'm': unknown parameter 'round'; did you mean 'rounds'? valid parameters: "
            "rounds, q, capitulation, probability");
  EXPECT_EQ(ErrorOf({{"rounds", "3.5"}}),
            "model 'm': parameter 'rounds': found '3.5', expected an integer");
  EXPECT_EQ(ErrorOf({{"rounds", "-1"}}),
            "model 'm': parameter 'rounds': found -1, expected a value in [0, 1000]");
  EXPECT_EQ(ErrorOf({{"q", "nan"}}),
            "model 'm': parameter 'q': found 'nan', expected a finite "
            "number");
  EXPECT_EQ(ErrorOf({{"capitulation", "maybe"}}),
            "model 'm': parameter 'capitulation': found 'maybe', expected true or false (on/off)");
  EXPECT_EQ(ErrorOf({{"probability", "local"}}),
            "model 'm': parameter 'probability': found 'local', expected one of global, pair");
  EXPECT_EQ(ErrorOf({{"q", "0.1"}, {"q", "0.2"}}), "model 'm': parameter 'q' given twice");
}

TEST(ResolveParams, ToDetailKeepsTypes) {
  const Detail detail = ResolveParams("model 'm'", Specs(), {}).ToDetail();
  EXPECT_TRUE(detail.Find("rounds")->IsInteger());
  EXPECT_TRUE(detail.Find("q")->IsNumber());
  EXPECT_TRUE(detail.Find("capitulation")->IsBool());
  EXPECT_TRUE(detail.Find("probability")->IsString());
}

TEST(SplitParamAssignment, SplitsAtFirstEquals) {
  EXPECT_EQ(SplitParamAssignment("a=b=c"), (std::pair<std::string, std::string>{"a", "b=c"}));
  EXPECT_THROW(SplitParamAssignment("novalue"), InputError);
  EXPECT_THROW(SplitParamAssignment("=3"), InputError);
}

}  // namespace
}  // namespace statecraft

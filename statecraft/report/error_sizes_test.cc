#include <gtest/gtest.h>

#include "statecraft/report/report_sections.h"

namespace statecraft {
namespace {

using report_html::ErrorSizes;

Json SizedData(bool fitted) {
  Json size = {{"entry", "eum"},
               {"fitted_on_scenario", fitted},
               {"issues",
                {{"munitions", {{"half_width_80", 56.25}, {"mean_absolute_error", 30.0}}},
                 {"sanctions", {{"half_width_80", 9.5}, {"mean_absolute_error", 5.0}}}}}};
  return {{"answer",
           {{"model_error",
             {{"calibration", "data/calibration.json (built in)"},
              {"source", "DEU I+II+III (Thomson et al. 2006), capability votes"},
              {"models", {{"eum", size}, {"mean", nullptr}}}}}}}};
}

TEST(ErrorSizesTest, OnTheTargetsIssueEachSizedModelWithItsFigure) {
  const std::string html = ErrorSizes(SizedData(false), "/answer/model_error", "munitions");
  EXPECT_NE(html.find("Each model's own error on munitions"), std::string::npos) << html;
  EXPECT_NE(html.find("data-path=\"/answer/model_error/models/eum/issues/munitions/half_width_80\""
                      " data-format=\"1\">56.2</span> points"),
            std::string::npos)
      << html;
  // A model the calibration does not size (null) is left out, not printed as "-".
  EXPECT_EQ(html.find("mean"), std::string::npos) << html;
  EXPECT_EQ(html.find("sanctions"), std::string::npos) << html;
  EXPECT_NE(html.find("Learned on DEU I+II+III, out of sample."), std::string::npos) << html;
}

TEST(ErrorSizesTest, InSampleIsSaidSoAndNoTargetGivesEveryIssue) {
  const std::string html = ErrorSizes(SizedData(true), "/answer/model_error", "");
  EXPECT_NE(html.find("<table id=\"error-sizes-table\""), std::string::npos) << html;
  EXPECT_NE(html.find("/issues/sanctions/half_width_80\" data-format=\"1\">9.5</span>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("in sample (this scenario was part of the fit)"), std::string::npos);
}

TEST(ErrorSizesTest, NothingWhenTheDataSizesNoModel) {
  EXPECT_EQ(ErrorSizes(Json::object(), "/answer/model_error", "munitions"), "");
  EXPECT_EQ(ErrorSizes(Json{{"answer", {{"model_error", nullptr}}}}, "/answer/model_error", ""),
            "");
  Json unsized = SizedData(false);
  unsized["answer"]["model_error"].erase("models");
  EXPECT_EQ(ErrorSizes(unsized, "/answer/model_error", "munitions"), "");
  // An issue no model is sized on prints nothing either.
  EXPECT_EQ(ErrorSizes(SizedData(false), "/answer/model_error", "technology"), "");
}

}  // namespace
}  // namespace statecraft

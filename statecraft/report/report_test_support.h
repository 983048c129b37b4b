// For tests of the report (statecraft/report and statecraft/app): checks that every figure a
// report page prints equals the number at its data-path in the data the page embeds.
#ifndef STATECRAFT_REPORT_REPORT_TEST_SUPPORT_H_
#define STATECRAFT_REPORT_REPORT_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "statecraft/io/json_output.h"
#include "statecraft/report/report_html.h"

namespace statecraft::report_test {

// The data embedded in a page (#report-data).
inline Json EmbeddedData(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"report-data\">";
  const auto begin = html.find(open);
  if (begin == std::string::npos) return Json();
  const auto end = html.find("</script>", begin);
  std::string text = html.substr(begin + open.size(), end - begin - open.size());
  for (auto at = text.find("<\\/"); at != std::string::npos; at = text.find("<\\/", at)) {
    text.replace(at, 3, "</");
  }
  return Json::parse(text);
}

// Every figure printed with a data-path equals the number at that path, printed with its
// data-format; returns how many were checked.
inline int CheckFiguresAgainstData(const std::string& html) {
  const Json data = EmbeddedData(html);
  EXPECT_FALSE(data.is_null()) << "the page embeds its data";
  if (data.is_null()) return 0;
  const std::string body = html.substr(0, html.find("<script type=\"application/json\""));
  const std::regex figure("data-path=\"([^\"]*)\" data-format=\"([^\"]*)\">([^<]*)<");
  int checked = 0;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), figure);
       it != std::sregex_iterator(); ++it) {
    const std::string path = (*it)[1];
    const Json::json_pointer pointer(path);
    EXPECT_TRUE(data.contains(pointer)) << path;
    if (!data.contains(pointer)) continue;
    EXPECT_EQ(report_html::FormatFigure(data.at(pointer), (*it)[2]), std::string((*it)[3])) << path;
    ++checked;
  }
  return checked;
}

}  // namespace statecraft::report_test

#endif  // STATECRAFT_REPORT_REPORT_TEST_SUPPORT_H_

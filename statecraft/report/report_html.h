// Pieces of the report's page shared by its sections (internal to statecraft/report): JSON
// pointers, printed figures that name their place in the data, tables, levers in words, the
// target in words, and the probability charts.
//
// Every figure the report prints from its data is written by Figure(): a <span> with data-path
// (the JSON pointer, RFC 6901, of the number in the report's data, which the page embeds) and
// data-format (how it was printed), so a test can check each printed figure against the data.
// Formats: "0", "1", "2" (decimals), "signed2" ("+0.42"), "pct" (a share as a whole
// percentage, "62 %"), "g4" (four significant digits).
#ifndef STATECRAFT_REPORT_REPORT_HTML_H_
#define STATECRAFT_REPORT_REPORT_HTML_H_

#include <optional>
#include <string>
#include <vector>

#include "statecraft/io/json_output.h"

namespace statecraft::report_html {

// path + "/" + key, with '~' and '/' escaped as RFC 6901 asks.
std::string Key(const std::string& path, const std::string& key);
std::string Index(const std::string& path, std::size_t index);

// A number as printed with a format (see above); "-" when it is not a finite number.
std::string FormatFigure(const Json& value, const std::string& format);
// The printed figure with its data-path, or "-" (without a path) when the value is absent.
std::string Figure(const Json& data, const std::string& path, const std::string& format);

// Text made safe for HTML.
std::string Escape(const std::string& text);

// A table: the header row's cells are text, the body's cells are HTML. Cells that start with a
// figure are right-aligned.
std::string Table(const std::string& id, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows,
                  const std::string& css_class = "");

// The levers of a plan in words: name, description, magnitude with its unit, and cost.
// `levers` is a JSON array of AppliedLeversToJson at `path`.
std::string LeverList(const Json& data, const std::string& path);
// One line: "L2 (Understanding with China) at 25" for short places (table cells).
std::string LeverSummary(const Json& levers);

// The target of the report's analysis ("munitions<=25"), read from the answer, the
// optimisation, the what-if or the sweep, whichever the data holds.
struct TargetText {
  std::string text;      // "munitions<=25"
  std::string issue;     // "munitions"
  std::string relation;  // "\u2264 25"
  double value = 0.0;
  std::string meaning;  // the issue's anchor at this value, when it declares one
};
std::optional<TargetText> TargetOf(const Json& data);

// What the forecasts and distributions were run under: "baseline (no lever)" or the plan.
std::string PlanOfForecasts(const Json& data);
std::string PlanOfDistributions(const Json& data);

// Adds the charts of probabilities of the target (answer, optimisation, what-if with a target)
// to charts["probability"].
void ProbabilityCharts(const Json& data, Json& charts);

}  // namespace statecraft::report_html

#endif  // STATECRAFT_REPORT_REPORT_HTML_H_

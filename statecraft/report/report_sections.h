// The sections of the report's page (internal to statecraft/report): the lead section, which
// answers the question the report's scenario or run asks, and the evidence that follows it.
#ifndef STATECRAFT_REPORT_REPORT_SECTIONS_H_
#define STATECRAFT_REPORT_REPORT_SECTIONS_H_

#include <string>
#include <vector>

#include "statecraft/io/json_output.h"

namespace statecraft::report_html {

struct SectionLink {
  std::string id;
  std::string title;
};

// The first section: the answer (an answer or optimisation), the plans and their
// probabilities (a what-if), the sweep's summary, or the forecast per model. Adds its link.
std::string LeadSection(const Json& data, const Json& charts, std::vector<SectionLink>& links);

// The answer to the scenario's question (answer_section.cc), from data["answer"].
std::string AnswerLead(const Json& data, const Json& charts);

// Forecasts, plans, uncertainty, trajectories, backtest, scenario and sources: whatever the
// data holds that the lead section did not show. Adds their links.
std::string EvidenceSections(const Json& data, const Json& charts, std::vector<SectionLink>& links);

// Each model's own error in points (error_sizes.cc), from the model error at `path` (its
// "models": {label: {"issues": {issue: {"half_width_80"}}}}): a sentence on `issue`, or a table
// of every issue when `issue` is empty. Empty when the data sizes no model's error.
std::string ErrorSizes(const Json& data, const std::string& path, const std::string& issue);

// Figures of the chart list charts[key] (those of one part, when given), each in a <figure>.
std::string Figures(const Json& charts, const char* key, const std::string& part = "");

// A table of the forecast per model and issue, with the status quo and the known outcome.
std::string ForecastTable(const Json& data);
// A table of what-if plans: levers, cost, the median and interval of every issue, P(target).
std::string PlansTable(const Json& data);

}  // namespace statecraft::report_html

#endif  // STATECRAFT_REPORT_REPORT_SECTIONS_H_

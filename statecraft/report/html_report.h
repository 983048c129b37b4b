// The report: everything an analyst looks at for one scenario, as data (JSON) and as one
// self-contained HTML file with SVG charts (inline CSS, no scripts, nothing fetched when it is
// opened).
//
// The request layer's report command (statecraft/app/report_command.h) runs the analyses and
// gathers their results as report data; ReportDataFromStoredRun turns a saved run into the same
// shape with the parts that run holds. RenderCharts and RenderReportHtml only draw what the data
// holds, so the web UI and the CLI show the same charts.
//
// Report data: {"title", "program_version", "scenario": ScenarioToReportJson,
//   "forecasts": [run JSON per model], "distributions": {"draws", "seed", "models": {model:
//   {issue: {q10, median, q90, mean, samples}}}}, "whatif": WhatifToJson, "drivers": {"model",
//   "issue", "center", "drivers": [...]}, "backtest": {"models": [{"model", "mean_absolute_error",
//   "issues": [{"issue", "known", "predicted", "error"}]}]}}; every part but "scenario" optional.
#ifndef STATECRAFT_REPORT_HTML_REPORT_H_
#define STATECRAFT_REPORT_HTML_REPORT_H_

#include <cstdint>
#include <string>

#include "statecraft/core/scenario.h"
#include "statecraft/io/json_output.h"

namespace statecraft {

// Actors, issues (scale, status quo, known outcome), stakes and sources.
Json ScenarioToReportJson(const Scenario& scenario);

// Forecasts (run JSON) scored against the known outcomes of the report's scenario: absolute error
// per issue and its mean per model, {"models": [...]}; null when no issue has a known outcome.
Json BacktestOfForecasts(const Json& scenario, const Json& forecasts);

// A stored run's scenario (canonical JSON) and printed result, by its kind.
Json ReportDataFromStoredRun(const std::string& kind, const std::string& scenario_json,
                             const Json& result, const std::string& program_version);

// {"trajectories": [{"model", "issue", "svg"}], "distributions": [{"issue", "svg"}],
//  "plans": [{"issue", "svg"}], "tornado": [{"issue", "svg"}]}.
Json RenderCharts(const Json& data);

std::string RenderReportHtml(const Json& data);

}  // namespace statecraft

#endif  // STATECRAFT_REPORT_HTML_REPORT_H_

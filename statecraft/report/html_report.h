// The report: everything an analyst looks at for one scenario or one saved run, as data (JSON)
// and as one self-contained HTML file with SVG charts (inline CSS, no scripts, nothing fetched
// when it is opened; it prints on paper as well).
//
// The page leads with the answer to the question the scenario or run asks (the probability of
// the target per model, the cheapest plan and its cost, the opponent's best counter and what is
// left after it, the deal's terms, what drives the outcome); the evidence follows (forecasts,
// plans, uncertainty, trajectories, backtest, the scenario and its sources). The report's data
// is embedded in the page (<script type="application/json" id="report-data">, never executed)
// and every figure the page prints names its place in that data (report_html.h), so a test can
// check that the page says what the data says.
//
// The request layer's report command (statecraft/app/report_command.h) runs the analyses of a
// scenario and gathers their results as report data (the answer to its question among them);
// ReportDataFromStoredRun turns a saved run of any kind into the same shape with the parts that
// run holds. RenderCharts and RenderReportHtml only draw what
// the data holds, so the web UI and the CLI show the same charts.
//
// Report data: {"kind": "scenario" | "run" | "compare" | "whatif" | "sweep" | "optimize" |
//   "answer", "title", "program_version", "scenario": ScenarioToReportJson, "levers"?:
//   LeversToReportJson, "plan"?: [applied levers of a run or comparison], "forecasts": [run
//   JSON per model], "distributions": {"draws", "seed", "models": {model: {issue: {q10, median,
//   q90, mean, samples?}}}, "summary"?: [{model, plan, target, probability, ...}]}, "whatif":
//   WhatifToJson, "optimize": OptimizeToJson, "answer": the answer analysis' JSON, "drivers":
//   {"model", "plan", "draws", "issue", "center", "drivers": [...]}, "backtest": {"models":
//   [{"model", "mean_absolute_error", "error_q10"?, "error_q90"?, "draws"?, "issues": [{"issue",
//   "known", "predicted", "error"}]}], "status_quo"?: {...the same for the no-change forecast}}};
//   every part but "scenario" optional.
#ifndef STATECRAFT_REPORT_HTML_REPORT_H_
#define STATECRAFT_REPORT_HTML_REPORT_H_

#include <cstdint>
#include <string>

#include "statecraft/io/json_output.h"
#include "statecraft/levers/lever.h"

namespace statecraft {

// Actors, issues (scale, anchors, status quo, known outcome, deciders), stakes (saliences on the
// scenario's salience_scale, as the analyst wrote them) and sources.
Json ScenarioToReportJson(const Scenario& scenario);

// The declared levers (with descriptions, units, magnitudes and costs), plans and counter-levers.
Json LeversToReportJson(const LeverSet& levers);

// Forecasts (run JSON) scored against the known outcomes of the report's scenario: absolute error
// per issue and its mean per model; with the report's distributions (samples per model and
// issue), the 10-90 % interval of each draw's mean absolute error; and the error of the
// no-change forecast (the status quo). Null when no issue has a known outcome.
Json BacktestOfForecasts(const Json& scenario, const Json& forecasts,
                         const Json* distributions = nullptr);

// A stored run's scenario (canonical JSON), printed result and plan (the applied levers of a run
// or comparison, when any), by its kind.
Json ReportDataFromStoredRun(const std::string& kind, const std::string& scenario_json,
                             const Json& result, const std::string& program_version,
                             const Json& plan = Json());

// {"trajectories": [{"model", "issue", "svg"}], "distributions": [{"issue", "svg"}],
//  "plans": [{"issue", "model", "svg"}], "tornado": [{"issue", "svg"}], "backtest": [{"svg"}],
//  "probability": [{"part", "svg"}]}.
Json RenderCharts(const Json& data);

std::string RenderReportHtml(const Json& data);

}  // namespace statecraft

#endif  // STATECRAFT_REPORT_HTML_REPORT_H_

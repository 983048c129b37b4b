// The report: everything an analyst looks at for one scenario, as data (JSON) and as one
// self-contained HTML file with SVG charts (inline CSS, no scripts, nothing fetched when it is
// opened).
//
// BuildReportData runs the analyses (every model at its defaults; a Monte Carlo sweep per model;
// the baseline against each declared plan; the drivers of the first issue; the backtest against
// known outcomes). ReportDataFromStoredRun turns a saved run into the same shape with the parts
// that run holds. RenderCharts and RenderReportHtml only draw what the data holds, so the web UI
// and the CLI show the same charts.
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

#include "statecraft/io/json_output.h"
#include "statecraft/io/levers_format.h"

namespace statecraft {

struct ReportOptions {
  int draws = 200;  // per model for the distributions; 0: no sweeps, whatif or drivers
  std::uint64_t seed = 0;
  int threads = 0;
  std::string focus_model = "eum";  // the model of the what-if and the drivers
  std::string program_version;
  // The models' errors the quantiles and the what-if's probabilities include
  // (docs/calibration.md); null: the inputs' spread alone.
  const Calibration* calibration = nullptr;
};

// Actors, issues (scale, status quo, known outcome), stakes and sources.
Json ScenarioToReportJson(const Scenario& scenario);

Json BuildReportData(const ScenarioWithLevers& input, const ReportOptions& options);

// A stored run's scenario (canonical JSON) and printed result, by its kind.
Json ReportDataFromStoredRun(const std::string& kind, const std::string& scenario_json,
                             const Json& result, const std::string& program_version);

// {"trajectories": [{"model", "issue", "svg"}], "distributions": [{"issue", "svg"}],
//  "plans": [{"issue", "svg"}], "tornado": [{"issue", "svg"}]}.
Json RenderCharts(const Json& data);

std::string RenderReportHtml(const Json& data);

}  // namespace statecraft

#endif  // STATECRAFT_REPORT_HTML_REPORT_H_

// report data: everything the HTML report and the web UI's charts show, as data — of a scenario
// (every model at its defaults, a Monte Carlo sweep per model, the baseline against each declared
// plan, the drivers of the question's target issue or else of the first issue, the answer to the
// scenario's question when it asks one, the backtest against known outcomes) or of a saved run
// (what that run holds). report/html_report.h renders it.
#ifndef STATECRAFT_APP_REPORT_COMMAND_H_
#define STATECRAFT_APP_REPORT_COMMAND_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "statecraft/analysis/model_choice.h"
#include "statecraft/app/context.h"
#include "statecraft/app/outcome.h"
#include "statecraft/app/scenario_source.h"

namespace statecraft::app {

struct ReportDataRequest {
  ScenarioSource scenario;
  std::optional<std::int64_t> run;  // a saved run's report instead of the scenario's
  std::string model = "eum";        // the model of the what-if and the drivers
  std::int64_t draws = 200;  // per model for the distributions; 0: no sweeps, what-if or drivers
  std::uint64_t seed = 0;
  std::int64_t threads = 0;
  // The answer to the scenario's question: its models (empty: every model), draws per plan
  // (unset: `draws`) and draws per evaluation in the search (unset: `draws`, at most 100). A
  // client that shows an answer passes that answer's settings, so that the report's answer is
  // the same one, number for number.
  std::vector<ModelSpec> answer_models;
  std::optional<std::int64_t> answer_draws;
  std::optional<std::int64_t> optimize_draws;
  // Whether the quantiles and the what-if's probabilities include each model's own error, and
  // from which calibration (null: the shipped one); docs/calibration.md.
  bool model_error = true;
  std::shared_ptr<const Calibration> calibration;
};

// The report data (report/html_report.h documents its shape). A saved run must be complete
// (conflict otherwise); `store` is where it is looked up.
Outcome<Json> ReportData(const ReportDataRequest& request, StoreAccess& store,
                         const Context& context);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_REPORT_COMMAND_H_

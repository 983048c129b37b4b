#include "statecraft/app/report_command.h"

#include <cmath>

#include "statecraft/analysis/model_choice.h"
#include "statecraft/analysis/run.h"
#include "statecraft/analysis/sweep.h"
#include "statecraft/analysis/sweep_error.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/app/checks.h"
#include "statecraft/app/lever_json.h"
#include "statecraft/app/runs_commands.h"
#include "statecraft/report/html_report.h"

namespace statecraft::app {
namespace {

struct ReportOptions {
  int draws = 200;
  std::uint64_t seed = 0;
  int threads = 0;
  ModelChoice focus;
  std::string program_version;
  std::shared_ptr<const Calibration> calibration;  // null: without model error
};

Json BuildReportData(const ScenarioWithLevers& input, const ReportOptions& options) {
  const Scenario& scenario = input.scenario;
  Json data;
  data["title"] = scenario.name;
  data["program_version"] = options.program_version;
  data["scenario"] = ScenarioToReportJson(scenario);
  Json forecasts = Json::array();
  const std::vector<ModelChoice> all = AllModels();
  for (const ModelChoice& model : all) {
    forecasts.push_back(
        ForecastToJson(scenario, RunModel(*model.info, *model.info->create(model.params),
                                          model.params, scenario, options.seed)));
  }
  data["forecasts"] = forecasts;
  const Json backtest = BacktestOfForecasts(data["scenario"], forecasts);
  if (!backtest.is_null()) data["backtest"] = backtest;
  if (options.draws <= 0) return data;

  SweepOptions sweep;
  sweep.draws = options.draws;
  sweep.seed = options.seed;
  sweep.threads = options.threads;
  sweep.calibration = options.calibration;
  const SweepPlan baseline = MakeSweepPlan(input.levers, Plan{"baseline", "no lever", {}});
  Json models = Json::object();
  for (const ModelChoice& model : all) {
    const ModelInfo& info = *model.info;
    const SweepResult result = RunSweep(scenario, baseline, info, model.params, sweep);
    const std::vector<IssueError> errors =
        BindIssueErrors(options.calibration.get(), ModelLabel(model), scenario);
    Json per_issue = Json::object();
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      const Quantiles quantiles = SummarizeIssue(result, issue, errors[issue]);
      Json item = QuantilesToJson(quantiles);
      Json samples = Json::array();
      for (int draw = 0; draw < result.draws; ++draw) {
        const double value = result.Outcome(draw, issue);
        samples.push_back(std::isfinite(value) ? Json(value) : Json(nullptr));
      }
      item["samples"] = samples;
      per_issue[scenario.issues[issue].name] = item;
    }
    models[info.name] = per_issue;
    if (&info == options.focus.info && scenario.IssueCount() > 0) {
      data["drivers"] = {{"model", info.name},
                         {"issue", scenario.issues[0].name},
                         {"center", SummarizeIssue(result, 0).median},
                         {"drivers", DriversToJson(Drivers(result, 0, 10))}};
    }
  }
  data["distributions"] = {{"draws", options.draws},
                           {"seed", options.seed},
                           {"model_error", ModelErrorToJson(sweep)},
                           {"models", models}};
  if (!input.levers.plans.empty()) {
    const WhatifResult whatif =
        RunWhatif(scenario, input.levers, input.levers.plans, {options.focus}, sweep, std::nullopt);
    data["whatif"] = WhatifToJson(scenario, whatif, sweep);
  }
  return data;
}

}  // namespace

Outcome<Json> ReportData(const ReportDataRequest& request, StoreAccess& store,
                         const Context& context) {
  return Guard([&]() -> Json {
    if (request.run) {
      if (request.scenario.kind != ScenarioSource::Kind::kBuiltin) {
        FailField("run", "a report is of a scenario or of a saved run, not both");
      }
      Outcome<StoredRun> run = CompleteRun({*request.run}, store);
      if (!run.ok()) throw RequestError(run.error().code, run.error().message);
      const StoredRun& stored = run.value();
      return ReportDataFromStoredRun(stored.kind, stored.scenario_json, stored.result,
                                     context.program_version);
    }
    CheckRange("draws", request.draws, 0, kMaxDraws);
    CheckRange("threads", request.threads, 0, kMaxThreads);
    ReportOptions options;
    options.draws = static_cast<int>(request.draws);
    options.seed = request.seed;
    options.threads = ResolveThreads(static_cast<int>(request.threads));
    options.focus = ChooseModel({request.model, {}});
    options.program_version = context.program_version;
    options.calibration = ChosenCalibration(request.model_error, request.calibration);
    return BuildReportData(LoadScenarioWithLevers(request.scenario), options);
  });
}

}  // namespace statecraft::app

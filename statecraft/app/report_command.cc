#include "statecraft/app/report_command.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "statecraft/analysis/model_choice.h"
#include "statecraft/analysis/run.h"
#include "statecraft/analysis/sweep.h"
#include "statecraft/analysis/sweep_error.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/app/answer_command.h"
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
  std::vector<ModelChoice> answer_models;  // empty: every model
  int answer_draws = 200;
  int optimize_draws = 100;
  std::string program_version;
  std::shared_ptr<const Calibration> calibration;  // null: without model error
};

// The Monte Carlo distribution of every model (with each draw's outcome, for the charts and the
// backtest's interval) and the drivers of the focus issue under the focus model.
void AddDistributions(const ScenarioWithLevers& input, const ReportOptions& options,
                      const SweepOptions& sweep, int focus_issue, const Context& context, int steps,
                      Json& data) {
  const Scenario& scenario = input.scenario;
  const SweepPlan baseline = MakeSweepPlan(input.levers, Plan{"baseline", "no lever", {}});
  Json models = Json::object();
  Json error_sizes = Json::object();
  int done = 0;
  for (const ModelChoice& model : AllModels()) {
    if (context.progress) context.progress(done++, steps);
    const ModelInfo& info = *model.info;
    error_sizes[info.name] =
        ModelErrorSizeJson(options.calibration.get(), ModelLabel(model), scenario);
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
                         {"plan", "baseline"},
                         {"draws", options.draws},
                         {"issue", scenario.issues[focus_issue].name},
                         {"center", SummarizeIssue(result, focus_issue).median},
                         {"drivers", DriversToJson(Drivers(result, focus_issue, 10))}};
    }
  }
  Json model_error = ModelErrorToJson(sweep);
  if (!model_error.is_null()) model_error["models"] = error_sizes;
  data["distributions"] = {{"draws", options.draws},
                           {"seed", options.seed},
                           {"model_error", model_error},
                           {"models", models}};
}

// Every model at its defaults; with draws, the distributions, the drivers, the what-if of the
// declared plans under the focus model and, when the scenario asks a question, its answer (every
// model); the backtest against known outcomes.
Json BuildReportData(const ScenarioWithLevers& input, const ReportOptions& options,
                     const Context& context) {
  const Scenario& scenario = input.scenario;
  Json data;
  data["kind"] = "scenario";
  data["title"] = scenario.name;
  data["program_version"] = options.program_version;
  data["scenario"] = ScenarioToReportJson(scenario);
  if (!input.levers.levers.empty()) data["levers"] = LeversToReportJson(input.levers);
  Json forecasts = Json::array();
  for (const ModelChoice& model : AllModels()) {
    forecasts.push_back(
        ForecastToJson(scenario, RunModel(*model.info, *model.info->create(model.params),
                                          model.params, scenario, options.seed)));
  }
  data["forecasts"] = forecasts;
  if (options.draws > 0) {
    SweepOptions sweep;
    sweep.draws = options.draws;
    sweep.seed = options.seed;
    sweep.threads = options.threads;
    sweep.calibration = options.calibration;
    // The question's target: its issue's drivers, and each plan's probability of it.
    std::optional<Target> target;
    if (scenario.question) target = ParseTarget(scenario, scenario.question->target);
    // Progress in models: each model's distribution, then each model's answer.
    const bool answers = scenario.question && !input.levers.levers.empty();
    const int distributions = static_cast<int>(AllModels().size());
    const int answer_models = static_cast<int>(
        options.answer_models.empty() ? AllModels().size() : options.answer_models.size());
    const int steps = distributions + (answers ? answer_models : 0);
    sweep.cancelled = context.cancelled;
    AddDistributions(input, options, sweep, target ? target->issue : 0, context, steps, data);
    if (!input.levers.plans.empty()) {
      const WhatifResult whatif =
          RunWhatif(scenario, input.levers, input.levers.plans, {options.focus}, sweep, target);
      data["whatif"] = WhatifToJson(scenario, whatif, sweep);
    }
    if (scenario.question && !input.levers.levers.empty()) {
      AnswerOptions answer;
      answer.sweep = sweep;
      answer.sweep.draws = options.answer_draws;
      answer.optimize_draws = options.optimize_draws;
      answer.models = options.answer_models;
      answer.cancelled = context.cancelled;
      if (context.progress) {
        answer.progress = [&context, distributions, steps](int done, int) {
          context.progress(distributions + done, steps);
        };
      }
      auto shared = std::make_shared<const ScenarioWithLevers>(input);
      const AnswerOutput output{
          shared, statecraft::ComputeAnswer(scenario, input.levers, *scenario.question, answer)};
      if (output.answer.cancelled) throw RequestError(ErrorCode::kCancelled, "cancelled");
      data["answer"] = AnswerOutputToJson(output);
    }
  }
  const Json backtest =
      BacktestOfForecasts(data["scenario"], forecasts,
                          data.contains("distributions") ? &data["distributions"] : nullptr);
  if (!backtest.is_null()) data["backtest"] = backtest;
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
                                     context.program_version, stored.plan);
    }
    CheckRange("draws", request.draws, 0, kMaxDraws);
    CheckRange("threads", request.threads, 0, kMaxThreads);
    ReportOptions options;
    options.draws = static_cast<int>(request.draws);
    options.seed = request.seed;
    options.threads = ResolveThreads(static_cast<int>(request.threads));
    options.focus = ChooseModel({request.model, {}});
    options.answer_models = ChooseModels(request.answer_models);
    // draws = 0 leaves the answer out; its own settings are checked only when given.
    if (request.answer_draws) CheckRange("answer_draws", *request.answer_draws, 1, kMaxDraws);
    if (request.optimize_draws) {
      CheckRange("optimize_draws", *request.optimize_draws, 1, kMaxDraws);
    }
    options.answer_draws = static_cast<int>(request.answer_draws.value_or(request.draws));
    options.optimize_draws = static_cast<int>(
        request.optimize_draws.value_or(std::clamp<std::int64_t>(request.draws, 1, 100)));
    options.program_version = context.program_version;
    options.calibration = ChosenCalibration(request.model_error, request.calibration);
    return BuildReportData(LoadScenarioWithLevers(request.scenario), options, context);
  });
}

}  // namespace statecraft::app

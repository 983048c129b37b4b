#include "statecraft/analysis/calibration.h"

#include <algorithm>

#include "statecraft/core/error.h"
#include "statecraft/core/registry.h"
#include "statecraft/models/builtin.h"

namespace statecraft {

std::vector<IssueSlot> ScoreableIssues(const std::vector<Scenario>& scenarios, int min_actors) {
  std::vector<IssueSlot> slots;
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    for (int issue = 0; issue < scenarios[s].IssueCount(); ++issue) {
      if (IsScoreable(scenarios[s], issue, min_actors))
        slots.push_back({static_cast<int>(s), issue});
    }
  }
  return slots;
}

std::vector<Scenario> TrainingSet(const std::vector<Scenario>& scenarios,
                                  const std::vector<IssueSlot>& slots,
                                  const std::vector<bool>& keep_scenario) {
  std::vector<std::vector<bool>> scored(scenarios.size());
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    scored[s].assign(scenarios[s].IssueCount(), false);
  }
  for (const IssueSlot& slot : slots) scored[slot.scenario][slot.issue] = true;
  std::vector<Scenario> training;
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    if (!keep_scenario[s]) continue;
    Scenario scenario = scenarios[s];
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      if (!scored[s][issue]) scenario.issues[issue].known_outcome.reset();
    }
    training.push_back(std::move(scenario));
  }
  return training;
}

BacktestRunner::BacktestRunner(const ModelInfo& info, ParamAssignments params,
                               bool apply_decision_rules)
    : info_(info),
      params_(std::move(params)),
      resolved_(ResolveParams("model '" + info.name + "'", info.params, params_)),
      apply_decision_rules_(apply_decision_rules) {}

std::vector<double> BacktestRunner::Predict(const ModelInfo& info, const ParamValues& params,
                                            const std::vector<Scenario>& scenarios,
                                            const std::vector<IssueSlot>& slots,
                                            const std::vector<bool>* only) const {
  const auto model = info.create(params);
  std::vector<double> forecasts(slots.size(), 0.0);
  int last_scenario = -1;
  Forecast forecast;
  for (std::size_t k = 0; k < slots.size(); ++k) {
    const IssueSlot& slot = slots[k];
    if (only != nullptr && !(*only)[slot.scenario]) continue;
    if (slot.scenario != last_scenario) {
      forecast = RunModel(info, *model, params, scenarios[slot.scenario], 0);
      last_scenario = slot.scenario;
    }
    forecasts[k] =
        apply_decision_rules_ ? forecast.ruled_outcome[slot.issue] : forecast.outcome[slot.issue];
  }
  return forecasts;
}

std::vector<double> BacktestRunner::Forecasts(const std::vector<Scenario>& scenarios,
                                              const std::vector<IssueSlot>& slots) const {
  return Predict(info_, resolved_, scenarios, slots, nullptr);
}

std::vector<double> BacktestRunner::FittedForecasts(const std::vector<Scenario>& training,
                                                    const std::vector<Scenario>& scenarios,
                                                    const std::vector<IssueSlot>& slots) const {
  if (!fitted()) return Forecasts(scenarios, slots);
  ParamAssignments fitted_params = params_;
  for (const auto& assignment : info_.fit(training, resolved_)) {
    fitted_params.push_back(assignment);
  }
  const ParamValues values =
      ResolveParams("model '" + info_.name + "'", info_.params, fitted_params);
  return Predict(info_, values, scenarios, slots, nullptr);
}

std::vector<double> BacktestRunner::OutOfFoldForecasts(const std::vector<Scenario>& scenarios,
                                                       const std::vector<IssueSlot>& slots,
                                                       int folds) const {
  if (!fitted()) return Forecasts(scenarios, slots);
  const std::vector<int> fold = AssignFolds(scenarios, folds);
  std::vector<double> forecasts(slots.size(), 0.0);
  for (int f = 0; f < folds; ++f) {
    std::vector<bool> train(scenarios.size()), test(scenarios.size());
    bool any = false;
    for (std::size_t s = 0; s < scenarios.size(); ++s) {
      train[s] = fold[s] != f;
      test[s] = fold[s] == f;
      any = any || test[s];
    }
    if (!any) continue;
    ParamAssignments fitted_params = params_;
    for (const auto& assignment : info_.fit(TrainingSet(scenarios, slots, train), resolved_)) {
      fitted_params.push_back(assignment);
    }
    const ParamValues values =
        ResolveParams("model '" + info_.name + "'", info_.params, fitted_params);
    const std::vector<double> part = Predict(info_, values, scenarios, slots, &test);
    for (std::size_t k = 0; k < slots.size(); ++k) {
      if (test[slots[k].scenario]) forecasts[k] = part[k];
    }
  }
  return forecasts;
}

ParamAssignments FitOnDataset(const BacktestModel& spec, const std::vector<Scenario>& scenarios,
                              int min_actors) {
  const ModelInfo& info = BuiltinModels().Get(spec.model);
  if (!info.fit) {
    throw InputError("model '" + spec.model +
                     "' has no fitted parameters; expected a fitted model (choice)");
  }
  const ParamValues params = ResolveParams("model '" + info.name + "'", info.params, spec.params);
  const std::vector<IssueSlot> slots = ScoreableIssues(scenarios, min_actors);
  if (slots.empty()) {
    throw InputError("fit: no issue has a known outcome and at least " +
                     std::to_string(min_actors) + " actors; expected a backtest dataset");
  }
  return info.fit(TrainingSet(scenarios, slots, std::vector<bool>(scenarios.size(), true)), params);
}

std::vector<Residual> Residuals(const std::vector<Scenario>& scenarios,
                                const std::vector<IssueSlot>& slots,
                                const std::vector<double>& forecasts) {
  std::vector<Residual> residuals;
  residuals.reserve(slots.size());
  for (std::size_t k = 0; k < slots.size(); ++k) {
    const Scenario& scenario = scenarios[slots[k].scenario];
    const Issue& issue = scenario.issues[slots[k].issue];
    residuals.push_back({forecasts[k], issue.known_outcome->central, issue.scale_low,
                         issue.scale_high, ErrorSpread(scenario, slots[k].issue)});
  }
  return residuals;
}

Calibration Calibrate(const std::vector<Scenario>& scenarios,
                      const std::vector<BacktestModel>& models, const CalibrateOptions& options) {
  const std::vector<IssueSlot> slots = ScoreableIssues(scenarios, options.min_actors);
  if (slots.empty()) {
    throw InputError("calibrate: no issue has a known outcome and at least " +
                     std::to_string(options.min_actors) + " actors; expected a backtest dataset");
  }
  Calibration calibration;
  calibration.source = options.source;
  std::vector<bool> used(scenarios.size(), false);
  for (const IssueSlot& slot : slots) used[slot.scenario] = true;
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    if (used[s]) calibration.scenarios.push_back(scenarios[s].name);
  }
  for (const BacktestModel& spec : models) {
    const BacktestRunner runner(BuiltinModels().Get(spec.model), spec.params, true);
    const std::vector<double> forecasts =
        runner.OutOfFoldForecasts(scenarios, slots, options.folds);
    calibration.models[spec.label] =
        std::make_shared<const ModelError>(FitModelError(Residuals(scenarios, slots, forecasts)));
  }
  return calibration;
}

}  // namespace statecraft

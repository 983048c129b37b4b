#include "statecraft/app/lever_json.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "statecraft/analysis/model_error.h"
#include "statecraft/analysis/sweep_error.h"
#include "statecraft/analysis/uncertainty.h"

namespace statecraft::app {

Json AppliedLeversToJson(const std::vector<AppliedLever>& levers) {
  Json out = Json::array();
  for (const AppliedLever& applied : levers) {
    Json item{{"lever", applied.lever->name},
              {"magnitude", applied.magnitude},
              {"cost", applied.lever->Cost(applied.magnitude)}};
    // What the lever does, in the analyst's words, so that every reader of the JSON (the report
    // of a saved run among them) can describe a plan without the scenario file.
    if (!applied.lever->description.empty()) item["description"] = applied.lever->description;
    if (!applied.lever->unit.empty()) item["unit"] = applied.lever->unit;
    out.push_back(item);
  }
  return out;
}

Json DealReportsToJson(const std::vector<DealReport>& deals) {
  Json out = Json::array();
  for (const DealReport& deal : deals) {
    out.push_back({{"lever", deal.lever},
                   {"struck", deal.struck},
                   {"give_amount", deal.give_amount},
                   {"take_amount", deal.take_amount},
                   {"reason", deal.reason}});
  }
  return out;
}

Json QuantilesToJson(const Quantiles& quantiles) {
  return {{"q10", quantiles.q10},
          {"median", quantiles.median},
          {"q90", quantiles.q90},
          {"mean", quantiles.mean}};
}

Json DriversToJson(const std::vector<Driver>& drivers) {
  Json out = Json::array();
  for (const Driver& driver : drivers) {
    out.push_back({{"input", driver.input},
                   {"rank_correlation", driver.rank_correlation},
                   {"outcome_when_low", driver.outcome_when_low},
                   {"outcome_when_high", driver.outcome_when_high}});
  }
  return out;
}

Json ModelErrorToJson(const SweepOptions& options) {
  if (options.calibration == nullptr) return nullptr;
  return {{"calibration", options.calibration->name}, {"source", options.calibration->source}};
}

Json ModelErrorSizeJson(const Calibration* calibration, const std::string& label,
                        const Scenario& scenario) {
  if (calibration == nullptr) return nullptr;
  std::string entry;
  const std::shared_ptr<const ModelError> error = calibration->Find(label, &entry);
  if (error == nullptr || error->standardized.empty()) return nullptr;
  const std::vector<double>& z = error->standardized;  // ascending
  const auto n = static_cast<double>(z.size());
  // The p-quantile as docs/calibration.md defines it: the smallest z_k with F(z_k) >= p.
  auto quantile = [&z, n](double p) {
    const auto index = static_cast<std::size_t>(std::max(std::ceil(p * n) - 1.0, 0.0));
    return z[std::min(index, z.size() - 1)];
  };
  double mean_absolute = 0.0;
  for (const double value : z) mean_absolute += std::abs(value);
  mean_absolute /= n;
  Json issues = Json::object();
  for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
    const Issue& declared = scenario.issues[issue];
    const double scale =
        (declared.scale_high - declared.scale_low) *
        (error->scale_intercept + error->scale_slope * ErrorSpread(scenario, issue));
    issues[declared.name] = {{"half_width_80", scale * (quantile(0.9) - quantile(0.1)) / 2},
                             {"mean_absolute_error", scale * mean_absolute}};
  }
  return {{"entry", entry},
          {"fitted_on_scenario", calibration->FittedOn(scenario.name)},
          {"issues", issues}};
}

Json ModelErrorToJson(const SweepOptions& options, const Scenario& scenario,
                      const std::vector<std::string>& labels) {
  Json out = ModelErrorToJson(options);
  if (out.is_null()) return out;
  Json models = Json::object();
  for (const std::string& label : labels) {
    models[label] = ModelErrorSizeJson(options.calibration.get(), label, scenario);
  }
  out["models"] = models;
  return out;
}

namespace {

Json SweepJson(const SweepResult& result, const SweepOptions& options,
               const std::optional<Target>& target, int driver_count,
               const std::vector<IssueError>& errors, const std::string& entry,
               const Json& size = nullptr) {
  Json out;
  out["draws"] = result.draws;
  out["seed"] = options.seed;
  out["distribution"] = DistributionName(options.distribution);
  out["model_error"] = entry.empty() ? Json(nullptr) : ModelErrorToJson(options);
  if (!entry.empty()) {
    out["model_error"]["entry"] = entry;
    if (!size.is_null()) {
      out["model_error"]["fitted_on_scenario"] = size["fitted_on_scenario"];
      out["model_error"]["issues"] = size["issues"];
    }
  }
  auto error_of = [&](int issue) { return entry.empty() ? IssueError() : errors[issue]; };
  Json issues = Json::object();
  Json drivers = Json::object();
  for (int issue = 0; issue < result.issue_count; ++issue) {
    Json item = QuantilesToJson(SummarizeIssue(result, issue, error_of(issue)));
    item["unconstrained"] = QuantilesToJson(SummarizeIssue(result, issue, error_of(issue), false));
    issues[result.issue_names[issue]] = item;
    drivers[result.issue_names[issue]] = DriversToJson(Drivers(result, issue, driver_count));
  }
  out["issues"] = issues;
  if (target) {
    out["target"] = target->text;
    out["probability"] = TargetProbability(result, *target, error_of(target->issue));
  }
  if (result.deals_offered > 0) out["deals_struck_share"] = DealStruckShare(result);
  out["drivers"] = drivers;
  return out;
}

}  // namespace

Json SweepToJson(const Scenario& scenario, const SweepResult& result, const SweepOptions& options,
                 const std::optional<Target>& target, int driver_count, const ModelChoice& model,
                 const SweepPlan& plan) {
  std::string entry;
  const Scenario for_error = ScenarioForError(scenario, plan);
  const std::vector<IssueError> errors =
      BindIssueErrors(options.calibration.get(), ModelLabel(model), for_error, &entry);
  return SweepJson(result, options, target, driver_count, errors, entry,
                   ModelErrorSizeJson(options.calibration.get(), ModelLabel(model), for_error));
}

Json SweepToJson(const Scenario& scenario, const SweepResult& result, const SweepOptions& options,
                 const std::optional<Target>& target, int driver_count) {
  (void)scenario;
  return SweepJson(result, options, target, driver_count, {}, "");
}

Json WhatifToJson(const Scenario& scenario, const WhatifResult& result,
                  const SweepOptions& options) {
  Json out;
  out["scenario"] = scenario.name;
  out["draws"] = options.draws;
  out["seed"] = options.seed;
  out["distribution"] = DistributionName(options.distribution);
  std::vector<std::string> labels;
  if (!result.cases.empty()) {
    for (const WhatifCell& cell : result.cases.front().cells) labels.push_back(cell.model);
  }
  out["model_error"] = ModelErrorToJson(options, scenario, labels);
  if (result.target) out["target"] = result.target->text;
  if (!result.counter.empty()) out["counter_levers"] = AppliedLeversToJson(result.counter);
  Json cases = Json::array();
  for (const WhatifCase& item : result.cases) {
    Json entry;
    entry["plan"] = item.name;
    if (!item.description.empty()) entry["description"] = item.description;
    entry["levers"] = AppliedLeversToJson(item.levers);
    entry["cost"] = item.cost;
    if (!item.deals.empty()) entry["deals"] = DealReportsToJson(item.deals);
    Json models = Json::object();
    for (const WhatifCell& cell : item.cells) {
      Json model;
      model["central"] = IssueValuesToJson(scenario, cell.central.ruled_outcome);
      Json issues = Json::object();
      for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
        issues[scenario.issues[issue].name] = QuantilesToJson(cell.quantiles[issue]);
      }
      model["issues"] = issues;
      if (cell.target_probability) model["probability"] = *cell.target_probability;
      model["model_error"] = cell.model_error.empty() ? Json(nullptr) : Json(cell.model_error);
      if (!cell.central.settlement.empty()) {
        model["settlement"] = ForecastToJson(scenario, cell.central)["settlement"];
      }
      Json drivers = Json::object();
      for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
        drivers[scenario.issues[issue].name] = DriversToJson(Drivers(cell.sweep, issue, 5));
      }
      model["drivers"] = drivers;
      if (cell.sweep.deals_offered > 0) {
        model["deals_struck_share"] = DealStruckShare(cell.sweep);
      }
      models[cell.model] = model;
    }
    entry["models"] = models;
    cases.push_back(entry);
  }
  out["plans"] = cases;
  return out;
}

Json OptimizeToJson(const OptimizeResult& result, const OptimizeOptions& options,
                    const std::vector<ModelChoice>& models) {
  auto evaluation_json = [](const PlanEvaluation& evaluation) {
    Json out;
    out["levers"] = AppliedLeversToJson(evaluation.levers);
    out["cost"] = evaluation.cost;
    out["probability"] = evaluation.probability;
    out["probability_error"] = evaluation.probability_error;
    out["median"] = evaluation.median;
    if (evaluation.estimated) out["estimated"] = true;
    if (evaluation.countered_probability) {
      out["probability_with_counter_levers"] = *evaluation.countered_probability;
      out["probability_with_counter_levers_error"] = evaluation.countered_error;
      out["best_counter_levers"] = AppliedLeversToJson(evaluation.best_counter);
      out["counter_cost"] = evaluation.counter_cost;
    }
    out["meets_target"] = evaluation.meets;
    return out;
  };
  Json out;
  out["target"] = options.target.text;
  out["required_probability"] = options.probability;
  if (options.budget) out["budget"] = *options.budget;
  Json model_names = Json::array();
  for (const ModelChoice& model : models) model_names.push_back(model.info->name);
  out["models"] = model_names;
  out["draws"] = options.sweep.draws;
  out["seed"] = options.sweep.seed;
  out["model_error"] = ModelErrorToJson(options.sweep);
  out["search"] = options.exhaustive ? "exhaustive" : "sequential";
  out["candidates"] = result.candidates;
  out["evaluated"] = result.evaluated;
  out["pruned"] = result.pruned;
  out["draws_spent"] = result.draws;
  out["draws_saved"] = result.draws_saved;
  out["counter_plans"] = result.counter_plans;
  out["baseline_probability"] = result.baseline_probability;
  out["best"] = result.best ? evaluation_json(*result.best) : Json();
  Json runners = Json::array();
  for (const auto& evaluation : result.runners_up) runners.push_back(evaluation_json(evaluation));
  out["runners_up"] = runners;
  if (!result.best) {
    Json closest = Json::array();
    for (const auto& evaluation : result.closest) closest.push_back(evaluation_json(evaluation));
    out["closest"] = closest;
  }
  return out;
}

}  // namespace statecraft::app

#include "statecraft/app/backtest_command.h"

#include <cmath>

#include "statecraft/analysis/model_choice.h"
#include "statecraft/app/checks.h"
#include "statecraft/io/calibration_format.h"

namespace statecraft::app {

Outcome<BacktestOutput> Backtest(const BacktestRequest& request, const Context& context) {
  return Guard([&] {
    CheckRange("min_actors", request.min_actors, 1, 1000000);
    for (int threshold : request.thresholds) CheckRange("thresholds", threshold, 0, 1000000);
    std::vector<BacktestModel> models =
        request.models.empty() ? DefaultBacktestModels() : request.models;
    for (const BacktestModel& model : models) ChooseModel({model.model, model.params});
    BacktestOutput output;
    for (const ScenarioSource& source : request.scenarios) {
      for (Scenario& scenario : LoadScenarios(source))
        output.scenarios.push_back(std::move(scenario));
    }
    BacktestOptions options;
    options.min_actors = static_cast<int>(request.min_actors);
    options.thresholds = request.thresholds;
    options.apply_decision_rules = request.apply_decision_rules || request.both_rules;
    const int passes = request.both_rules ? 2 : 1;
    int pass = 0;
    if (context.progress) {
      options.progress = [&context, &pass, passes](int done, int total) {
        context.progress(pass * total + done, passes * total);
      };
    }
    // The calibration also tells which scenarios a shipped fit has seen (out_of_sample).
    const std::shared_ptr<const Calibration> calibration =
        request.calibration != nullptr ? request.calibration : BuiltinCalibrationPointer();
    options.calibration = calibration.get();
    if (!request.model_error) {
      options.error_source = ErrorSource::kNone;
    } else if (request.calibration != nullptr || output.scenarios.size() < 2) {
      options.error_source = ErrorSource::kCalibration;
    }
    std::vector<Scenario> training;
    for (const ScenarioSource& source : request.training) {
      for (Scenario& scenario : LoadScenarios(source)) training.push_back(std::move(scenario));
    }
    if (!request.training.empty()) options.training = &training;
    output.scores = statecraft::Backtest(output.scenarios, models, options);
    if (request.both_rules) {
      pass = 1;
      options.apply_decision_rules = false;
      output.without_decision_rules = statecraft::Backtest(output.scenarios, models, options);
    }
    return output;
  });
}

namespace {

// A number, or null when it is not finite (an interval with one cluster).
Json NumberOrNull(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

}  // namespace

Json ModelScoreToJson(const ModelScore& score) {
  Json within = Json::object();
  for (const auto& [threshold, share] : score.share_within) {
    within[std::to_string(threshold)] = share;
  }
  return Json{{"mae", score.mean_absolute_error},
              {"mae_ci", {NumberOrNull(score.interval_low), NumberOrNull(score.interval_high)}},
              {"within", within}};
}

Json DistributionScoreToJson(const ModelScore& score, const std::string& reference) {
  Json item = ModelScoreToJson(score);
  item["crps"] = score.crps;
  Json coverage = Json::object();
  for (const auto& [level, share] : score.coverage) coverage[std::to_string(level)] = share;
  item["coverage"] = coverage;
  item["pit"] = score.pit;
  const std::string versus = "vs_" + (reference.empty() ? "reference" : reference);
  if (score.vs_reference) {
    item[versus] = {
        {"mae_diff", score.vs_reference->mean},
        {"mae_diff_ci",
         {NumberOrNull(score.vs_reference->low), NumberOrNull(score.vs_reference->high)}}};
  } else {
    item[versus] = nullptr;
  }
  item["out_of_sample"] = score.out_of_sample;
  item["model_error"] = score.error_source;
  return item;
}

Json BacktestToJson(const BacktestResult& result) {
  Json out;
  out["issues_scored"] = result.issues_scored;
  out["model_error"] = result.model_error;
  Json models = Json::object();
  for (const ModelScore& score : result.models) {
    models[score.label] = DistributionScoreToJson(score, result.reference);
  }
  out["models"] = models;
  return out;
}

Json BacktestOutputToJson(const BacktestOutput& output) {
  if (!output.without_decision_rules) return BacktestToJson(output.scores);
  return Json{{"with_decision_rules", BacktestToJson(output.scores)},
              {"without_decision_rules", BacktestToJson(*output.without_decision_rules)}};
}

}  // namespace statecraft::app

#include "statecraft/app/backtest_command.h"

#include "statecraft/analysis/model_choice.h"
#include "statecraft/app/checks.h"

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
    output.scores = statecraft::Backtest(output.scenarios, models, options);
    if (request.both_rules) {
      pass = 1;
      options.apply_decision_rules = false;
      output.without_decision_rules = statecraft::Backtest(output.scenarios, models, options);
    }
    return output;
  });
}

Json ModelScoreToJson(const ModelScore& score) {
  Json within = Json::object();
  for (const auto& [threshold, share] : score.share_within) {
    within[std::to_string(threshold)] = share;
  }
  return Json{{"mae", score.mean_absolute_error},
              {"mae_ci", {score.interval_low, score.interval_high}},
              {"within", within}};
}

Json BacktestToJson(const BacktestResult& result) {
  Json out;
  out["issues_scored"] = result.issues_scored;
  Json models = Json::object();
  for (const ModelScore& score : result.models) models[score.label] = ModelScoreToJson(score);
  out["models"] = models;
  return out;
}

Json BacktestOutputToJson(const BacktestOutput& output) {
  if (!output.without_decision_rules) return BacktestToJson(output.scores);
  return Json{{"with_decision_rules", BacktestToJson(output.scores)},
              {"without_decision_rules", BacktestToJson(*output.without_decision_rules)}};
}

}  // namespace statecraft::app

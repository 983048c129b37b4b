#include "statecraft/analysis/backtest.h"

#include <cmath>

#include "statecraft/analysis/model_choice.h"
#include "statecraft/models/builtin.h"

namespace statecraft {

std::vector<BacktestModel> DefaultBacktestModels() {
  std::vector<BacktestModel> models;
  for (const ModelInfo& info : BuiltinModels().models()) {
    models.push_back({info.name, info.name, {}});
    if (info.name == "exchange") {
      models.push_back({"exchange:rounds=10", "exchange", {{"rounds", "10"}}});
    }
  }
  return models;
}

BacktestModel ParseBacktestModel(const std::string& spec) {
  ModelSpec parsed = ParseModelSpec(spec);
  ChooseModel(parsed);  // an unknown model or parameter is refused before any work
  return BacktestModel{spec, std::move(parsed.name), std::move(parsed.params)};
}

bool IsScoreable(const Scenario& scenario, int issue, int min_actors) {
  if (!scenario.issues[issue].known_outcome) return false;
  int actors = 0;
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    actors += scenario.HasStake(actor, issue) ? 1 : 0;
  }
  return actors >= min_actors;
}

void ClusteredMeanInterval(const std::vector<double>& values, const std::vector<int>& clusters,
                           double* mean, double* low, double* high) {
  const double count = static_cast<double>(values.size());
  double sum = 0.0;
  for (double value : values) sum += value;
  *mean = values.empty() ? 0.0 : sum / count;
  // Cluster-robust variance of the mean (Liang & Zeger 1986) with the small-sample factor
  // G / (G − 1): Var = G/(G−1) · Σ_g (Σ_{k∈g} (v_k − mean))² / N².
  std::map<int, double> residual_sums;
  for (std::size_t k = 0; k < values.size(); ++k) {
    residual_sums[clusters[k]] += values[k] - *mean;
  }
  const double groups = static_cast<double>(residual_sums.size());
  double variance = 0.0;
  for (const auto& [cluster, residual] : residual_sums) variance += residual * residual;
  if (groups > 1) variance *= groups / (groups - 1.0) / (count * count);
  if (groups < 2) {
    // One cluster carries no information about the spread between clusters.
    *low = *high = std::nan("");
    return;
  }
  const double half_width = 1.959963984540054 * std::sqrt(variance);
  *low = *mean - half_width;
  *high = *mean + half_width;
}

BacktestResult Backtest(const std::vector<Scenario>& scenarios,
                        const std::vector<BacktestModel>& models, const BacktestOptions& options) {
  BacktestResult result;
  for (const Scenario& scenario : scenarios) {
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      result.issues_scored += IsScoreable(scenario, issue, options.min_actors) ? 1 : 0;
    }
  }
  const int forecasts = static_cast<int>(models.size() * scenarios.size());
  int forecasts_done = 0;
  for (const BacktestModel& spec : models) {
    const ModelChoice choice = ChooseModel({spec.model, spec.params});
    const ModelInfo& info = *choice.info;
    const ParamValues& params = choice.params;
    const auto model = info.create(params);
    ModelScore score;
    score.label = spec.label;
    std::vector<double> errors;
    std::vector<int> clusters;
    for (std::size_t s = 0; s < scenarios.size(); ++s) {
      const Scenario& scenario = scenarios[s];
      if (options.progress) options.progress(forecasts_done++, forecasts);
      bool any = false;
      for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
        any = any || IsScoreable(scenario, issue, options.min_actors);
      }
      if (!any) continue;
      const Forecast forecast = RunModel(info, *model, params, scenario, 0);
      const std::vector<double>& predicted =
          options.apply_decision_rules ? forecast.ruled_outcome : forecast.outcome;
      for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
        if (!IsScoreable(scenario, issue, options.min_actors)) continue;
        const double known = scenario.issues[issue].known_outcome->central;
        score.issues.push_back({static_cast<int>(s), issue, known, predicted[issue]});
        errors.push_back(std::abs(predicted[issue] - known));
        clusters.push_back(static_cast<int>(s));
      }
    }
    ClusteredMeanInterval(errors, clusters, &score.mean_absolute_error, &score.interval_low,
                          &score.interval_high);
    for (int threshold : options.thresholds) {
      int within = 0;
      for (double error : errors) within += error <= threshold + 1e-9 ? 1 : 0;
      score.share_within[threshold] =
          errors.empty() ? 0.0 : static_cast<double>(within) / static_cast<double>(errors.size());
    }
    result.models.push_back(std::move(score));
  }
  if (options.progress) options.progress(forecasts, forecasts);
  return result;
}

}  // namespace statecraft

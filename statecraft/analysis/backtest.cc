#include "statecraft/analysis/backtest.h"

#include <cmath>
#include <optional>

#include "statecraft/analysis/calibration.h"
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

namespace {

// The scenarios kept by `keep`, with the known outcomes of unscored issues removed, and their
// scoreable issues.
struct Subset {
  std::vector<Scenario> scenarios;
  std::vector<IssueSlot> slots;
};

Subset TrainingSubset(const std::vector<Scenario>& scenarios, const std::vector<IssueSlot>& slots,
                      const std::vector<bool>& keep, int min_actors) {
  Subset subset;
  subset.scenarios = TrainingSet(scenarios, slots, keep);
  subset.slots = ScoreableIssues(subset.scenarios, min_actors);
  return subset;
}

// The model error learned from a training set's out-of-fold residuals.
std::shared_ptr<const ModelError> LearnError(const BacktestRunner& runner, const Subset& training,
                                             int folds) {
  if (training.slots.empty()) return nullptr;
  const std::vector<double> forecasts =
      runner.OutOfFoldForecasts(training.scenarios, training.slots, folds);
  return std::make_shared<const ModelError>(
      FitModelError(Residuals(training.scenarios, training.slots, forecasts)));
}

struct ModelForecasts {
  std::vector<double> points;                             // per slot
  std::vector<std::shared_ptr<const ModelError>> errors;  // per slot (null: none)
  std::string error_source;
  bool out_of_sample = true;
};

// A model's calibrated error: the entry of its label, else of its registry name, so that a model
// a caller labels itself ("weighted" for mean:weights=salience) finds its family's error.
std::shared_ptr<const ModelError> FindModelError(const Calibration& calibration,
                                                 const BacktestModel& spec, std::string* used) {
  std::shared_ptr<const ModelError> error = calibration.Find(spec.label, used);
  if (error == nullptr && spec.label != spec.model) error = calibration.Find(spec.model, used);
  return error;
}

// Point forecasts and model errors with a training file: fitted once on it.
ModelForecasts WithTrainingFile(const BacktestRunner& runner, const BacktestModel& spec,
                                const std::vector<Scenario>& scenarios,
                                const std::vector<IssueSlot>& slots,
                                const BacktestOptions& options) {
  ModelForecasts result;
  const std::vector<bool> all(options.training->size(), true);
  const Subset training =
      TrainingSubset(*options.training, ScoreableIssues(*options.training, options.min_actors), all,
                     options.min_actors);
  result.points = runner.FittedForecasts(training.scenarios, scenarios, slots);
  std::shared_ptr<const ModelError> error;
  if (options.error_source == ErrorSource::kCrossValidated) {
    error = LearnError(runner, training, options.folds);
    result.error_source = "learned on the training file (" + std::to_string(options.folds) +
                          "-fold out-of-fold residuals)";
  } else if (options.error_source == ErrorSource::kCalibration && options.calibration != nullptr) {
    std::string used;
    error = FindModelError(*options.calibration, spec, &used);
    result.error_source = error ? "calibration entry " + used : "none (not calibrated)";
  } else {
    result.error_source = "none";
  }
  result.errors.assign(slots.size(), error);
  for (const IssueSlot& slot : slots) {
    for (const Scenario& trained : *options.training) {
      if (trained.name == scenarios[slot.scenario].name) result.out_of_sample = false;
    }
  }
  return result;
}

// Point forecasts and model errors cross-validated by scenario on the backtest's own scenarios.
ModelForecasts CrossValidated(const BacktestRunner& runner, const BacktestModel& spec,
                              const std::vector<Scenario>& scenarios,
                              const std::vector<IssueSlot>& slots, const BacktestOptions& options) {
  ModelForecasts result;
  result.errors.assign(slots.size(), nullptr);
  const std::vector<double> as_given = runner.Forecasts(scenarios, slots);
  const bool fit_points = runner.fitted() && scenarios.size() > 1;
  result.points = fit_points ? std::vector<double>(slots.size(), 0.0) : as_given;
  const bool learn = options.error_source == ErrorSource::kCrossValidated;
  std::shared_ptr<const ModelError> given;
  if (options.error_source == ErrorSource::kCalibration && options.calibration != nullptr) {
    std::string used;
    given = FindModelError(*options.calibration, spec, &used);
    result.error_source = given ? "calibration entry " + used : "none (not calibrated)";
  } else if (learn) {
    result.error_source = "cross-validated, " + std::to_string(options.folds) +
                          " folds by scenario, refitted in each fold";
  } else {
    result.error_source = "none";
  }
  if (fit_points || learn) {
    const std::vector<int> fold = AssignFolds(scenarios, options.folds);
    for (int f = 0; f < options.folds; ++f) {
      std::vector<bool> train(scenarios.size());
      bool any_test = false;
      for (std::size_t s = 0; s < scenarios.size(); ++s) {
        train[s] = fold[s] != f;
        any_test = any_test || !train[s];
      }
      if (!any_test) continue;
      const Subset training = TrainingSubset(scenarios, slots, train, options.min_actors);
      std::vector<double> points;
      if (fit_points) points = runner.FittedForecasts(training.scenarios, scenarios, slots);
      std::shared_ptr<const ModelError> error;
      if (learn) {
        if (runner.fitted()) {
          error = LearnError(runner, training, options.folds);
        } else {
          // The model is not fitted: its residuals on the training folds are out of sample.
          std::vector<Residual> residuals;
          std::vector<IssueSlot> training_slots;
          std::vector<double> training_points;
          for (std::size_t k = 0; k < slots.size(); ++k) {
            if (!train[slots[k].scenario]) continue;
            training_slots.push_back(slots[k]);
            training_points.push_back(as_given[k]);
          }
          if (!training_slots.empty()) {
            error = std::make_shared<const ModelError>(
                FitModelError(Residuals(scenarios, training_slots, training_points)));
          }
        }
      }
      for (std::size_t k = 0; k < slots.size(); ++k) {
        if (train[slots[k].scenario]) continue;
        if (fit_points) result.points[k] = points[k];
        result.errors[k] = error;
      }
    }
  }
  if (!learn) result.errors.assign(slots.size(), given);
  // Out of sample unless something scored was fitted on: a calibration from elsewhere that
  // includes a scored scenario, or a fitted model used as shipped on the data it was shipped
  // from (its shipped fit and the shipped calibration come from the same dataset; without a
  // calibration to tell, a model used as shipped is not vouched for).
  const bool fitted_as_shipped = runner.fitted() && !fit_points;
  if (given != nullptr || fitted_as_shipped) {
    if (options.calibration == nullptr) result.out_of_sample = false;
    for (const IssueSlot& slot : slots) {
      if (options.calibration != nullptr &&
          options.calibration->FittedOn(scenarios[slot.scenario].name)) {
        result.out_of_sample = false;
      }
    }
  }
  return result;
}

}  // namespace

BacktestResult Backtest(const std::vector<Scenario>& scenarios,
                        const std::vector<BacktestModel>& models, const BacktestOptions& options) {
  BacktestResult result;
  const std::vector<IssueSlot> slots = ScoreableIssues(scenarios, options.min_actors);
  result.issues_scored = static_cast<int>(slots.size());
  result.reference = options.reference;
  switch (options.error_source) {
    case ErrorSource::kCrossValidated:
      result.model_error = options.training != nullptr
                               ? "learned on the training file from out-of-fold residuals"
                               : "cross-validated: learned in each of " +
                                     std::to_string(options.folds) +
                                     " folds by scenario from the other folds' residuals";
      break;
    case ErrorSource::kCalibration:
      result.model_error = options.calibration != nullptr
                               ? "from the calibration " + options.calibration->name
                               : "none (no calibration given)";
      break;
    case ErrorSource::kNone:
      result.model_error = "none (points only; CRPS equals the absolute error)";
      break;
  }
  std::vector<int> clusters;
  for (const IssueSlot& slot : slots) clusters.push_back(slot.scenario);
  std::optional<std::vector<double>> reference_errors;
  if (BuiltinModels().Find(options.reference) != nullptr) {
    const BacktestRunner reference(BuiltinModels().Get(options.reference), {},
                                   options.apply_decision_rules);
    const std::vector<double> points = reference.Forecasts(scenarios, slots);
    reference_errors.emplace();
    for (std::size_t k = 0; k < slots.size(); ++k) {
      const double known =
          scenarios[slots[k].scenario].issues[slots[k].issue].known_outcome->central;
      reference_errors->push_back(std::abs(points[k] - known));
    }
  }
  const int model_count = static_cast<int>(models.size());
  int models_done = 0;
  for (const BacktestModel& spec : models) {
    if (options.progress) options.progress(models_done++, model_count);
    const BacktestRunner runner(BuiltinModels().Get(spec.model), spec.params,
                                options.apply_decision_rules);
    const ModelForecasts forecasts = options.training != nullptr
                                         ? WithTrainingFile(runner, spec, scenarios, slots, options)
                                         : CrossValidated(runner, spec, scenarios, slots, options);
    std::vector<ScoredForecast> scored;
    scored.reserve(slots.size());
    for (std::size_t k = 0; k < slots.size(); ++k) {
      const Scenario& scenario = scenarios[slots[k].scenario];
      scored.push_back(
          {slots[k].scenario, scenario.issues[slots[k].issue].known_outcome->central,
           forecasts.points[k],
           ForecastDistribution({forecasts.points[k]},
                                BindError(forecasts.errors[k], scenario, slots[k].issue))});
    }
    ModelScore score;
    static_cast<DistributionScore&>(score) = ScoreForecasts(scored, options.thresholds);
    score.label = spec.label;
    score.error_source = forecasts.error_source;
    score.out_of_sample = forecasts.out_of_sample;
    for (std::size_t k = 0; k < slots.size(); ++k) {
      const ForecastDistribution& distribution = scored[k].distribution;
      score.issues.push_back({slots[k].scenario, slots[k].issue, scored[k].known, scored[k].point,
                              distribution.Quantile(0.1), distribution.Quantile(0.9)});
    }
    if (reference_errors) {
      score.vs_reference = CompareErrors(score.absolute_errors, *reference_errors, clusters);
    }
    result.models.push_back(std::move(score));
  }
  if (options.progress) options.progress(model_count, model_count);
  return result;
}

}  // namespace statecraft

#include "statecraft/analysis/gallery_backtest.h"

#include <cmath>

#include "statecraft/analysis/forecast_distribution.h"
#include "statecraft/analysis/model_error.h"
#include "statecraft/analysis/run.h"
#include "statecraft/analysis/student_t.h"
#include "statecraft/models/builtin.h"

namespace statecraft {

void TMeanInterval(const std::vector<double>& values, double* mean, double* low, double* high) {
  const double count = static_cast<double>(values.size());
  double sum = 0.0;
  for (double value : values) sum += value;
  *mean = values.empty() ? 0.0 : sum / count;
  if (values.size() < 2) {
    *low = *high = std::nan("");
    return;
  }
  double squares = 0.0;
  for (double value : values) squares += (value - *mean) * (value - *mean);
  const double standard_error = std::sqrt(squares / (count - 1.0) / count);
  const double half_width =
      StudentTQuantile(0.975, static_cast<int>(values.size()) - 1) * standard_error;
  *low = *mean - half_width;
  *high = *mean + half_width;
}

namespace {

bool HasScoredIssue(const GalleryCase& gallery_case, int min_actors) {
  for (const Scenario& scenario : gallery_case.scenarios) {
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      if (IsScoreable(scenario, issue, min_actors)) return true;
    }
  }
  return false;
}

// The model's error and how it is named, from the calibration when the options ask for it.
std::shared_ptr<const ModelError> ChosenError(const BacktestModel& spec,
                                              const BacktestOptions& options, std::string* source) {
  if (options.error_source != ErrorSource::kCalibration || options.calibration == nullptr) {
    *source = "none";
    return nullptr;
  }
  std::string used;
  std::shared_ptr<const ModelError> error = options.calibration->Find(spec.label, &used);
  if (error == nullptr && spec.label != spec.model) {
    error = options.calibration->Find(spec.model, &used);
  }
  *source = error ? "calibration entry " + used : "none (not calibrated)";
  return error;
}

// x on the issue's scale as a percentage of its range from the low end.
double PercentOfRange(const Issue& issue, double x) {
  return 100.0 * (x - issue.scale_low) / (issue.scale_high - issue.scale_low);
}

GalleryCaseScore ScoreCase(const GalleryCase& gallery_case, const ModelInfo& info,
                           const Model& model, const ParamValues& params,
                           const std::shared_ptr<const ModelError>& model_error,
                           const BacktestOptions& options) {
  GalleryCaseScore score;
  score.name = gallery_case.name;
  double sum = 0.0;
  std::vector<ScoredForecast> scored;
  for (std::size_t s = 0; s < gallery_case.scenarios.size(); ++s) {
    const Scenario& scenario = gallery_case.scenarios[s];
    bool any = false;
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      any = any || IsScoreable(scenario, issue, options.min_actors);
    }
    if (!any) continue;
    const Forecast forecast = RunModel(info, model, params, scenario, 0);
    const std::vector<double>& predicted =
        options.apply_decision_rules ? forecast.ruled_outcome : forecast.outcome;
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      if (!IsScoreable(scenario, issue, options.min_actors)) continue;
      const Issue& declared = scenario.issues[issue];
      GalleryIssueError error;
      error.scenario = static_cast<int>(s);
      error.issue = issue;
      error.known = declared.known_outcome->central;
      error.predicted = predicted[issue];
      error.error = std::abs(error.predicted - error.known);
      error.error_percent = 100.0 * error.error / (declared.scale_high - declared.scale_low);
      // The distribution on the issue's range mapped to [0, 100]: the error model measures
      // errors as shares of the range (model_error.h), so the mapping is exact.
      const double point = PercentOfRange(declared, error.predicted);
      const double known = PercentOfRange(declared, error.known);
      const IssueError bound = model_error == nullptr ? IssueError()
                                                      : IssueError(model_error, 0.0, 100.0,
                                                                   ErrorSpread(scenario, issue));
      scored.push_back({static_cast<int>(s), known, point, ForecastDistribution({point}, bound)});
      const ForecastDistribution& distribution = scored.back().distribution;
      const double range = declared.scale_high - declared.scale_low;
      error.interval_low = declared.scale_low + range * distribution.Quantile(0.1) / 100.0;
      error.interval_high = declared.scale_low + range * distribution.Quantile(0.9) / 100.0;
      error.crps_percent = distribution.Crps(known);
      sum += error.error_percent;
      score.issues.push_back(error);
    }
  }
  score.error_percent = sum / static_cast<double>(score.issues.size());
  score.distribution = ScoreForecasts(scored, options.thresholds);
  return score;
}

// The mean over cases of the distribution scores, into `score`.
void AverageDistributionScores(GalleryModelScore& score) {
  const double count = static_cast<double>(score.cases.size());
  score.crps = 0.0;
  score.coverage.clear();
  score.pit.assign(kPitBins, 0.0);
  for (const GalleryCaseScore& case_score : score.cases) {
    const DistributionScore& distribution = case_score.distribution;
    score.crps += distribution.crps / count;
    for (const auto& [level, share] : distribution.coverage) score.coverage[level] += share / count;
    for (int bin = 0; bin < kPitBins; ++bin) score.pit[bin] += distribution.pit[bin] / count;
  }
}

// Each case's mean error minus the reference model's, with a t-interval over cases.
PairedDifference CompareCases(const GalleryModelScore& score, const GalleryModelScore& reference) {
  std::vector<double> differences;
  for (std::size_t k = 0; k < score.cases.size(); ++k) {
    differences.push_back(score.cases[k].error_percent - reference.cases[k].error_percent);
  }
  PairedDifference difference;
  TMeanInterval(differences, &difference.mean, &difference.low, &difference.high);
  return difference;
}

// One model's scores on the scored cases.
GalleryModelScore ScoreModel(const BacktestModel& spec,
                             const std::vector<const GalleryCase*>& scored,
                             const BacktestOptions& options) {
  const ModelInfo& info = BuiltinModels().Get(spec.model);
  const ParamValues params = ResolveParams("model '" + info.name + "'", info.params, spec.params);
  const auto model = info.create(params);
  GalleryModelScore score;
  score.label = spec.label;
  const std::shared_ptr<const ModelError> model_error =
      ChosenError(spec, options, &score.error_source);
  std::vector<double> case_errors;
  for (const GalleryCase* gallery_case : scored) {
    score.cases.push_back(ScoreCase(*gallery_case, info, *model, params, model_error, options));
    case_errors.push_back(score.cases.back().error_percent);
    for (const Scenario& scenario : gallery_case->scenarios) {
      if (model_error != nullptr && options.calibration->FittedOn(scenario.name)) {
        score.out_of_sample = false;
      }
    }
  }
  TMeanInterval(case_errors, &score.error_percent, &score.interval_low, &score.interval_high);
  for (int threshold : options.thresholds) {
    double sum = 0.0;
    for (const GalleryCaseScore& case_score : score.cases) {
      int within = 0;
      for (const GalleryIssueError& error : case_score.issues) {
        within += error.error_percent <= threshold ? 1 : 0;
      }
      sum += static_cast<double>(within) / static_cast<double>(case_score.issues.size());
    }
    score.share_within[threshold] =
        score.cases.empty() ? 0.0 : sum / static_cast<double>(score.cases.size());
  }
  AverageDistributionScores(score);
  return score;
}

}  // namespace

GalleryBacktestResult BacktestGallery(const std::vector<GalleryCase>& cases,
                                      const std::vector<BacktestModel>& models,
                                      const BacktestOptions& options) {
  GalleryBacktestResult result;
  std::vector<const GalleryCase*> scored;
  for (const GalleryCase& gallery_case : cases) {
    if (!HasScoredIssue(gallery_case, options.min_actors)) continue;
    scored.push_back(&gallery_case);
    for (const Scenario& scenario : gallery_case.scenarios) {
      for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
        result.issues_scored += IsScoreable(scenario, issue, options.min_actors) ? 1 : 0;
      }
    }
  }
  result.cases = static_cast<int>(scored.size());
  result.reference = options.reference;
  result.model_error =
      options.error_source == ErrorSource::kCalibration && options.calibration != nullptr
          ? "from the calibration " + options.calibration->name +
                " (out of sample unless it was fitted on a gallery case)"
          : "none (points only; CRPS equals the absolute error)";
  std::optional<GalleryModelScore> reference;
  if (BuiltinModels().Find(options.reference) != nullptr) {
    BacktestOptions points = options;
    points.error_source = ErrorSource::kNone;
    reference = ScoreModel({options.reference, options.reference, {}}, scored, points);
  }
  for (const BacktestModel& spec : models) {
    GalleryModelScore score = ScoreModel(spec, scored, options);
    if (reference) score.vs_reference = CompareCases(score, *reference);
    result.models.push_back(std::move(score));
  }
  return result;
}

}  // namespace statecraft

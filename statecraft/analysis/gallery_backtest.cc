#include "statecraft/analysis/gallery_backtest.h"

#include <cmath>

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

GalleryCaseScore ScoreCase(const GalleryCase& gallery_case, const ModelInfo& info,
                           const Model& model, const ParamValues& params,
                           const BacktestOptions& options) {
  GalleryCaseScore score;
  score.name = gallery_case.name;
  double sum = 0.0;
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
      sum += error.error_percent;
      score.issues.push_back(error);
    }
  }
  score.error_percent = sum / static_cast<double>(score.issues.size());
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
  for (const BacktestModel& spec : models) {
    const ModelInfo& info = BuiltinModels().Get(spec.model);
    const ParamValues params = ResolveParams("model '" + info.name + "'", info.params, spec.params);
    const auto model = info.create(params);
    GalleryModelScore score;
    score.label = spec.label;
    std::vector<double> case_errors;
    for (const GalleryCase* gallery_case : scored) {
      score.cases.push_back(ScoreCase(*gallery_case, info, *model, params, options));
      case_errors.push_back(score.cases.back().error_percent);
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
    result.models.push_back(std::move(score));
  }
  return result;
}

}  // namespace statecraft

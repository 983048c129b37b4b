// The gallery backtest: every model scored on classic cases of different kinds and scales.
//
// A case is one negotiation; its data may come in several scenario files (a study coding the same
// actors on one question at a time and on both together). An issue's error is the distance of
// the forecast from the known outcome as a percentage of the issue's range, so that a delay in
// years and a 0-100 policy scale can be averaged. A case's error is the mean over its scored
// issues, all files together; a model's error is the mean over cases, each case counting once,
// with a t-interval over cases (there are few, so not the normal 1.96). The share of issues within
// a threshold (in percent of the range) is likewise each case's share, averaged over cases.
//
// The forecasts are also scored as distributions, as in every backtest (scoring.h): each point
// forecast with the model's own error around it, taken from a calibration (the shipped one is
// fitted on DEU, so on these cases the scores are out of sample with respect to it). CRPS,
// coverage and the PIT histogram are computed per case in percent of each issue's range and
// averaged over cases; vs_reference is the mean over cases of the difference in each case's mean
// error to the reference model (compromise), with its t-interval over cases.
#ifndef STATECRAFT_ANALYSIS_GALLERY_BACKTEST_H_
#define STATECRAFT_ANALYSIS_GALLERY_BACKTEST_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "statecraft/analysis/backtest.h"
#include "statecraft/analysis/scoring.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

struct GalleryCase {
  std::string name;
  std::vector<std::string> files;  // how each scenario is named in reports
  std::vector<Scenario> scenarios;
};

struct GalleryIssueError {
  int scenario = 0;  // index into the case's scenarios
  int issue = 0;
  double known = 0.0;
  double predicted = 0.0;
  double error = 0.0;          // |predicted − known| on the issue's scale
  double error_percent = 0.0;  // error as a percentage of the issue's range
  // The central 80 % interval of the forecast distribution, on the issue's scale (the point
  // forecast twice without model error), and its CRPS in percent of the range.
  double interval_low = 0.0;
  double interval_high = 0.0;
  double crps_percent = 0.0;
};

struct GalleryCaseScore {
  std::string name;
  double error_percent = 0.0;  // mean over the case's scored issues
  std::vector<GalleryIssueError> issues;
  // The case's distribution scores in percent of each issue's range (scoring.h; clustered by
  // file).
  DistributionScore distribution;
};

struct GalleryModelScore {
  std::string label;
  double error_percent = 0.0;  // mean over cases of each case's error
  double interval_low = 0.0;   // 95 % t-interval over cases; NaN with fewer than two cases
  double interval_high = 0.0;
  // threshold (percent of the range) → mean over cases of the share of the case's scored issues
  // whose error_percent is at most the threshold (options.thresholds)
  std::map<int, double> share_within;
  // The distribution scores, each the mean over cases (crps in percent of the range, coverage
  // and pit as shares), vs_reference with its t-interval over cases, out_of_sample false when the
  // model's error was fitted on a scored scenario, and where the error comes from, in words.
  double crps = 0.0;
  std::map<int, double> coverage;
  std::vector<double> pit;
  std::optional<PairedDifference> vs_reference;
  bool out_of_sample = true;
  std::string error_source;
  std::vector<GalleryCaseScore> cases;  // the cases with a known outcome, in input order
};

struct GalleryBacktestResult {
  int cases = 0;            // cases with at least one scored issue
  int issues_scored = 0;    // scored issues over every file of those cases
  std::string reference;    // the model every vs_reference compares with
  std::string model_error;  // where the models' errors come from, in words
  std::vector<GalleryModelScore> models;
};

// Scores every model on every case with a known outcome. An issue is scored when it has a known
// outcome and at least `options.min_actors` actors; `options.apply_decision_rules` as in
// Backtest(). Cases without a scored issue are left out (they have no known outcome).
GalleryBacktestResult BacktestGallery(const std::vector<GalleryCase>& cases,
                                      const std::vector<BacktestModel>& models,
                                      const BacktestOptions& options);

// Mean of `values` and its two-sided 95 % interval with Student's t on n − 1 degrees of freedom;
// low and high are NaN for fewer than two values.
void TMeanInterval(const std::vector<double>& values, double* mean, double* low, double* high);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_GALLERY_BACKTEST_H_

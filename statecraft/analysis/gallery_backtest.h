// The gallery backtest: every model scored on classic cases of different kinds and scales.
//
// A case is one negotiation; its data may come in several scenario files (a study coding the same
// actors on one question at a time and on both together). An issue's error is the distance of
// the forecast from the known outcome as a percentage of the issue's range, so that a delay in
// years and a 0-100 policy scale can be averaged. A case's error is the mean over its scored
// issues, all files together; a model's error is the mean over cases, each case counting once,
// with a t-interval over cases (there are few, so not the normal 1.96). The share of issues within
// a threshold (in percent of the range) is likewise each case's share, averaged over cases.
#ifndef STATECRAFT_ANALYSIS_GALLERY_BACKTEST_H_
#define STATECRAFT_ANALYSIS_GALLERY_BACKTEST_H_

#include <map>
#include <string>
#include <vector>

#include "statecraft/analysis/backtest.h"
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
};

struct GalleryCaseScore {
  std::string name;
  double error_percent = 0.0;  // mean over the case's scored issues
  std::vector<GalleryIssueError> issues;
};

struct GalleryModelScore {
  std::string label;
  double error_percent = 0.0;  // mean over cases of each case's error
  double interval_low = 0.0;   // 95 % t-interval over cases; NaN with fewer than two cases
  double interval_high = 0.0;
  // threshold (percent of the range) → mean over cases of the share of the case's scored issues
  // whose error_percent is at most the threshold (options.thresholds)
  std::map<int, double> share_within;
  std::vector<GalleryCaseScore> cases;  // the cases with a known outcome, in input order
};

struct GalleryBacktestResult {
  int cases = 0;          // cases with at least one scored issue
  int issues_scored = 0;  // scored issues over every file of those cases
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

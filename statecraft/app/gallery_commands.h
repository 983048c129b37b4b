// scenarios and backtest gallery: the built-in scenarios — the flagship and the gallery of
// classic cases (docs/gallery.md) — and every model scored on the cases with a known outcome.
// A built-in scenario is opened by name through ScenarioSource::Named (scenario_source.h).
#ifndef STATECRAFT_APP_GALLERY_COMMANDS_H_
#define STATECRAFT_APP_GALLERY_COMMANDS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "statecraft/analysis/gallery_backtest.h"
#include "statecraft/app/outcome.h"
#include "statecraft/io/json_output.h"

namespace statecraft::app {

struct ScenariosRequest {};

struct ScenarioListing {
  std::string name;       // what --scenario NAME takes
  std::string case_name;  // the case it belongs to (the files of one study share it)
  std::string title;      // the scenario's name: its one-line description
  std::string file;       // how messages name it: "NAME.yaml (built in)"
  int actors = 0;
  int issues = 0;
  bool known_outcome = false;           // some issue has one
  std::optional<std::string> question;  // the declared question's text
};

struct ScenariosOutput {
  std::vector<ScenarioListing> scenarios;  // the flagship first, then by name
};

Outcome<ScenariosOutput> Scenarios(const ScenariosRequest& request);
// {"scenarios": [{"name", "case", "title", "file", "actors", "issues", "known_outcome",
// "question"}]} ("question" null without one): `statecraft scenarios --format json`,
// GET /api/scenarios (which adds each "document") and Python's statecraft.scenarios().
Json ScenariosOutputToJson(const ScenariosOutput& output);

struct GalleryBacktestRequest {
  std::vector<BacktestModel> models;  // empty: DefaultBacktestModels()
  // Score distributions with each model's error from a calibration (null: the shipped one,
  // fitted on DEU, which the gallery's cases are not part of); without model error the forecasts
  // are points.
  bool model_error = true;
  std::shared_ptr<const Calibration> calibration;
};

struct GalleryBacktestOutput {
  std::vector<GalleryCase> cases;  // every built-in case, grouped by case
  GalleryBacktestResult scores;    // the cases with a known outcome
};

// Scores every model on every built-in case with a known outcome; an issue is scored whatever
// its number of actors, after decision rules.
Outcome<GalleryBacktestOutput> BacktestGallery(const GalleryBacktestRequest& request);

// `statecraft backtest gallery --format json`, Python's statecraft.backtest_gallery():
//   {"cases": N, "issues_scored": M, "model_error": words,
//    "models": {label: the score object of backtest deu (DistributionScoreToJson,
//               backtest_command.h): {"mae", "mae_ci": [lo, hi], "within": {"5", "10", "20"},
//               "crps", "coverage": {"50", "80", "90"}, "pit": [10 shares],
//               "vs_compromise": {"mae_diff", "mae_diff_ci"}, "out_of_sample", "model_error"},
//               errors and CRPS in percent of the range},
//    "per_case": [{"case", "files": [..], "error_percent": {label: x},
//                  "issues": [{"file", "issue", "scale": [lo, hi], "known", "known_range",
//                              "forecasts": {label: {"predicted", "error", "error_percent",
//                                                    "interval80": [lo, hi], "crps_percent"}}}]}]}
// Errors in percent of each issue's range; "mae" is the mean over cases of each case's mean error,
// "mae_ci" its Student-t interval over cases (null with fewer than two), "within" the mean over
// cases of each case's share of issues within 5, 10 and 20 % of the range; the distribution scores
// are means over cases too, and "mae_diff_ci" is a t-interval over cases
// (analysis/gallery_backtest.h).
Json GalleryBacktestOutputToJson(const GalleryBacktestOutput& output);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_GALLERY_COMMANDS_H_

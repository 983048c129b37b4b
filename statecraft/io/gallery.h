// The gallery as cases: the built-in scenarios grouped by case (the flagship and the classic
// cases of scenarios/), and the JSON of a gallery backtest.
//
//   {"cases": N, "issues_scored": M,
//    "models": {label: {"error_percent", "interval": [lo, hi], "per_case": {case: error_percent}}},
//    "per_case": [{"case", "files": [..], "error_percent": {label: x},
//                  "issues": [{"file", "issue", "scale": [lo, hi], "known", "known_range",
//                              "forecasts": {label: {"predicted", "error", "error_percent"}}}]}]}
//
// Errors in percent of each issue's range; intervals are null with fewer than two cases.
#ifndef STATECRAFT_IO_GALLERY_H_
#define STATECRAFT_IO_GALLERY_H_

#include <vector>

#include "statecraft/analysis/gallery_backtest.h"
#include "statecraft/io/json_output.h"

namespace statecraft {

// Every built-in scenario, read and grouped by case in the order of BuiltinScenarios().
std::vector<GalleryCase> BuiltinGallery();

// What `statecraft scenarios --format json` lists, the flagship first:
// [{"name", "case", "title", "file", "actors", "issues", "known_outcome", "question"}], where
// "known_outcome" says whether any issue has one and "question" is the declared question's text
// (null without one).
Json BuiltinScenarioListJson();

Json GalleryBacktestToJson(const std::vector<GalleryCase>& cases,
                           const GalleryBacktestResult& result);

}  // namespace statecraft

#endif  // STATECRAFT_IO_GALLERY_H_

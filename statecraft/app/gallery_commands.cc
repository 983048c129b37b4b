#include "statecraft/app/gallery_commands.h"

#include <cmath>

#include "statecraft/analysis/model_choice.h"
#include "statecraft/app/backtest_command.h"
#include "statecraft/app/checks.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/scenario_reader.h"

namespace statecraft::app {
namespace {

// Every built-in scenario, read and grouped by case in the order of BuiltinScenarios().
std::vector<GalleryCase> BuiltinGallery() {
  std::vector<GalleryCase> cases;
  for (const BuiltinScenario& builtin : BuiltinScenarios()) {
    GalleryCase* into = nullptr;
    for (GalleryCase& existing : cases) {
      if (existing.name == builtin.case_name) into = &existing;
    }
    if (into == nullptr) {
      cases.push_back({builtin.case_name, {}, {}});
      into = &cases.back();
    }
    into->files.push_back(builtin.name);
    into->scenarios.push_back(ParseScenarios(builtin.text, builtin.file_name).front());
  }
  return cases;
}

// The case as scored: its issues, each with every model's forecast. Every model scores the same
// issues in the same order, so the first model's list names them.
Json CaseToJson(const GalleryCase& gallery_case, const GalleryBacktestResult& result,
                std::size_t index) {
  Json out;
  out["case"] = gallery_case.name;
  out["files"] = gallery_case.files;
  Json errors = Json::object();
  for (const GalleryModelScore& model : result.models) {
    errors[model.label] = model.cases[index].error_percent;
  }
  out["error_percent"] = errors;
  Json issues = Json::array();
  const std::vector<GalleryIssueError>& scored = result.models.front().cases[index].issues;
  for (std::size_t k = 0; k < scored.size(); ++k) {
    const Issue& issue = gallery_case.scenarios[scored[k].scenario].issues[scored[k].issue];
    Json item;
    item["file"] = gallery_case.files[scored[k].scenario];
    item["issue"] = issue.name;
    item["scale"] = {issue.scale_low, issue.scale_high};
    item["known"] = issue.known_outcome->central;
    item["known_range"] = issue.known_outcome->IsRanged()
                              ? Json{issue.known_outcome->Low(), issue.known_outcome->High()}
                              : Json(nullptr);
    Json forecasts = Json::object();
    for (const GalleryModelScore& model : result.models) {
      const GalleryIssueError& error = model.cases[index].issues[k];
      forecasts[model.label] = {{"predicted", error.predicted},
                                {"error", error.error},
                                {"error_percent", error.error_percent},
                                {"interval80", {error.interval_low, error.interval_high}},
                                {"crps_percent", error.crps_percent}};
    }
    item["forecasts"] = forecasts;
    issues.push_back(item);
  }
  out["issues"] = issues;
  return out;
}

}  // namespace

Outcome<ScenariosOutput> Scenarios(const ScenariosRequest&) {
  return Guard([] {
    ScenariosOutput output;
    for (const BuiltinScenario& builtin : BuiltinScenarios()) {
      const Scenario scenario = ParseScenarios(builtin.text, builtin.file_name).front();
      ScenarioListing listing;
      listing.name = builtin.name;
      listing.case_name = builtin.case_name;
      listing.title = scenario.name;
      listing.file = builtin.file_name;
      listing.actors = scenario.ActorCount();
      listing.issues = scenario.IssueCount();
      for (const Issue& issue : scenario.issues) {
        listing.known_outcome = listing.known_outcome || issue.known_outcome.has_value();
      }
      if (scenario.question) listing.question = scenario.question->text;
      output.scenarios.push_back(std::move(listing));
    }
    return output;
  });
}

Json ScenariosOutputToJson(const ScenariosOutput& output) {
  Json list = Json::array();
  for (const ScenarioListing& listing : output.scenarios) {
    list.push_back({{"name", listing.name},
                    {"case", listing.case_name},
                    {"title", listing.title},
                    {"file", listing.file},
                    {"actors", listing.actors},
                    {"issues", listing.issues},
                    {"known_outcome", listing.known_outcome},
                    {"question", listing.question ? Json(*listing.question) : Json(nullptr)}});
  }
  return Json{{"scenarios", list}};
}

Outcome<GalleryBacktestOutput> BacktestGallery(const GalleryBacktestRequest& request) {
  return Guard([&] {
    const std::vector<BacktestModel> models =
        request.models.empty() ? DefaultBacktestModels() : request.models;
    for (const BacktestModel& model : models) ChooseModel({model.model, model.params});
    GalleryBacktestOutput output;
    output.cases = BuiltinGallery();
    BacktestOptions options;
    options.min_actors = 1;
    const std::shared_ptr<const Calibration> calibration =
        ChosenCalibration(request.model_error, request.calibration);
    options.calibration = calibration.get();
    options.error_source = calibration ? ErrorSource::kCalibration : ErrorSource::kNone;
    output.scores = statecraft::BacktestGallery(output.cases, models, options);
    return output;
  });
}

Json GalleryBacktestOutputToJson(const GalleryBacktestOutput& output) {
  const GalleryBacktestResult& result = output.scores;
  Json out;
  out["cases"] = result.cases;
  out["issues_scored"] = result.issues_scored;
  out["model_error"] = result.model_error;
  Json models = Json::object();
  for (const GalleryModelScore& score : result.models) {
    // The score object of backtest deu, its errors in percent of each issue's range.
    ModelScore summary;
    summary.label = score.label;
    summary.issue_count = 0;
    for (const GalleryCaseScore& case_score : score.cases) {
      summary.issue_count += static_cast<int>(case_score.issues.size());
    }
    summary.mean_absolute_error = score.error_percent;
    summary.interval_low = score.interval_low;
    summary.interval_high = score.interval_high;
    summary.share_within = score.share_within;
    summary.crps = score.crps;
    summary.coverage = score.coverage;
    summary.pit = score.pit;
    summary.vs_reference = score.vs_reference;
    summary.out_of_sample = score.out_of_sample;
    summary.error_source = score.error_source;
    models[score.label] = DistributionScoreToJson(summary, result.reference);
  }
  out["models"] = models;
  Json per_case = Json::array();
  if (!result.models.empty()) {
    for (std::size_t index = 0; index < result.models.front().cases.size(); ++index) {
      for (const GalleryCase& gallery_case : output.cases) {
        if (gallery_case.name == result.models.front().cases[index].name) {
          per_case.push_back(CaseToJson(gallery_case, result, index));
        }
      }
    }
  }
  out["per_case"] = per_case;
  return out;
}

}  // namespace statecraft::app

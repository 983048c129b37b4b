#include "statecraft/io/gallery.h"

#include <cmath>

#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/scenario_reader.h"

namespace statecraft {

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

Json BuiltinScenarioListJson() {
  Json list = Json::array();
  for (const BuiltinScenario& builtin : BuiltinScenarios()) {
    const Scenario scenario = ParseScenarios(builtin.text, builtin.file_name).front();
    bool known = false;
    for (const Issue& issue : scenario.issues) known = known || issue.known_outcome.has_value();
    list.push_back(
        {{"name", builtin.name},
         {"case", builtin.case_name},
         {"title", scenario.name},
         {"file", builtin.file_name},
         {"actors", scenario.ActorCount()},
         {"issues", scenario.IssueCount()},
         {"known_outcome", known},
         {"question", scenario.question ? Json(scenario.question->text) : Json(nullptr)}});
  }
  return list;
}

namespace {

Json NumberOrNull(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

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
    const Scenario& scenario = gallery_case.scenarios[scored[k].scenario];
    const Issue& issue = scenario.issues[scored[k].issue];
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
                                {"error_percent", error.error_percent}};
    }
    item["forecasts"] = forecasts;
    issues.push_back(item);
  }
  out["issues"] = issues;
  return out;
}

}  // namespace

Json GalleryBacktestToJson(const std::vector<GalleryCase>& cases,
                           const GalleryBacktestResult& result) {
  Json out;
  out["cases"] = result.cases;
  out["issues_scored"] = result.issues_scored;
  Json models = Json::object();
  for (const GalleryModelScore& score : result.models) {
    Json per_case = Json::object();
    for (const GalleryCaseScore& scored : score.cases) per_case[scored.name] = scored.error_percent;
    models[score.label] = {
        {"error_percent", score.error_percent},
        {"interval", {NumberOrNull(score.interval_low), NumberOrNull(score.interval_high)}},
        {"per_case", per_case}};
  }
  out["models"] = models;
  Json per_case = Json::array();
  if (!result.models.empty()) {
    std::size_t index = 0;
    for (const GalleryCaseScore& scored : result.models.front().cases) {
      for (const GalleryCase& gallery_case : cases) {
        if (gallery_case.name == scored.name)
          per_case.push_back(CaseToJson(gallery_case, result, index));
      }
      ++index;
    }
  }
  out["per_case"] = per_case;
  return out;
}

}  // namespace statecraft

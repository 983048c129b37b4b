// Each model's own error, in points on an issue's scale, beside the probabilities it widens: the
// half-width of the central 80 % of the model's misses on the calibration's decisions, sized for
// this scenario's issue (ModelErrorSizeJson, app/lever_json.h; docs/calibration.md). The report
// prints the sizes the JSON holds; it computes nothing of its own.
#include "statecraft/report/report_html.h"
#include "statecraft/report/report_sections.h"

namespace statecraft::report_html {
namespace {

// Where the calibration was learned, in a few words: its source up to the first parenthesis
// ("DEU I+II+III"), as the web UI says it.
std::string LearnedOn(const Json& model_error) {
  std::string source = model_error.value("source", std::string());
  if (source.empty()) source = model_error.value("calibration", std::string("the calibration"));
  const std::size_t bracket = source.find(" (");
  return bracket == std::string::npos ? source : source.substr(0, bracket);
}

struct SizedModel {
  std::string model;
  const Json* size;
};

// The models whose error is sized, in the JSON's order: "models": {label: size or null}, or a
// single model's sizes ("issues") directly.
std::vector<SizedModel> SizedModels(const Json& model_error) {
  std::vector<SizedModel> out;
  if (!model_error.contains("models") || !model_error["models"].is_object()) return out;
  for (const auto& [model, size] : model_error["models"].items()) {
    if (size.is_object() && size.contains("issues") && size["issues"].is_object()) {
      out.push_back({model, &size});
    }
  }
  return out;
}

std::string Points(const Json& data, const std::string& path) {
  return "\u00b1" + Figure(data, path, "1") + " points";
}

}  // namespace

std::string ErrorSizes(const Json& data, const std::string& path, const std::string& issue) {
  const Json::json_pointer pointer(path);
  if (!data.contains(pointer) || !data.at(pointer).is_object()) return "";
  const Json& model_error = data.at(pointer);
  const std::vector<SizedModel> models = SizedModels(model_error);
  if (models.empty()) return "";
  bool fitted = false;
  for (const SizedModel& item : models)
    fitted = fitted || item.size->value("fitted_on_scenario", false);
  const std::string where =
      " Learned on " + Escape(LearnedOn(model_error)) + ", " +
      (fitted ? "in sample (this scenario was part of the fit)" : "out of sample") + ".";
  auto size_path = [&](const std::string& model, const std::string& name) {
    return Key(Key(Key(Key(Key(path, "models"), model), "issues"), name), "half_width_80");
  };
  if (!issue.empty()) {
    std::string list;
    for (const SizedModel& item : models) {
      if (!(*item.size)["issues"].contains(issue)) continue;
      list += std::string(list.empty() ? "" : " \u00b7 ") + "<strong>" + Escape(item.model) +
              "</strong> " + Points(data, size_path(item.model, issue));
    }
    if (list.empty()) return "";
    return "<p class=\"note error-sizes\">Each model's own error on " + Escape(issue) + ": " +
           list + " \u2014 80 % of " + (models.size() > 1 ? "each model's" : "its") +
           " misses on past decisions fall within." + where + "</p>\n";
  }
  // Without a target: every issue, a row per model.
  std::vector<std::string> header = {"model"};
  for (const auto& [name, size] : (*models.front().size)["issues"].items()) header.push_back(name);
  std::vector<std::vector<std::string>> rows;
  for (const SizedModel& item : models) {
    std::vector<std::string> row = {Escape(item.model)};
    for (std::size_t k = 1; k < header.size(); ++k) {
      row.push_back((*item.size)["issues"].contains(header[k])
                        ? Points(data, size_path(item.model, header[k]))
                        : std::string("-"));
    }
    rows.push_back(row);
  }
  return "<h3>Each model's own error</h3>" + Table("error-sizes-table", header, rows) +
         "<p class=\"note\">Half-width of the central 80 % of each model's misses on past "
         "decisions, in points on each issue's scale; the bands and probabilities include it." +
         where + "</p>\n";
}

}  // namespace statecraft::report_html

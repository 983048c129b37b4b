#include "statecraft/report/report_html.h"

#include <cmath>
#include <cstdio>

#include "statecraft/report/svg_chart.h"

namespace statecraft::report_html {

std::string Key(const std::string& path, const std::string& key) {
  std::string escaped;
  for (char c : key) {
    if (c == '~') {
      escaped += "~0";
    } else if (c == '/') {
      escaped += "~1";
    } else {
      escaped += c;
    }
  }
  return path + "/" + escaped;
}

std::string Index(const std::string& path, std::size_t index) {
  return path + "/" + std::to_string(index);
}

std::string Escape(const std::string& text) { return EscapeXml(text); }

std::string FormatFigure(const Json& value, const std::string& format) {
  if (!value.is_number()) return "-";
  const double number = value.get<double>();
  if (!std::isfinite(number)) return "-";
  char text[64];
  if (format == "pct") {
    std::snprintf(text, sizeof(text), "%.0f %%", number * 100.0);
  } else if (format == "signed2") {
    std::snprintf(text, sizeof(text), "%+.2f", number);
  } else if (format == "g4") {
    std::snprintf(text, sizeof(text), "%.4g", number);
  } else {
    const int digits = format == "0" ? 0 : (format == "2" ? 2 : 1);
    // Beyond 1e15 fixed notation prints digits that mean nothing (and 1e308 has 309 of them).
    if (std::abs(number) >= 1e15) {
      std::snprintf(text, sizeof(text), "%.6g", number);
    } else {
      std::snprintf(text, sizeof(text), "%.*f", digits, number);
    }
  }
  return text;
}

std::string Figure(const Json& data, const std::string& path, const std::string& format) {
  const Json::json_pointer pointer(path);
  if (!data.contains(pointer) || !data.at(pointer).is_number()) return "-";
  return "<span class=\"fig\" data-path=\"" + Escape(path) + "\" data-format=\"" + format + "\">" +
         FormatFigure(data.at(pointer), format) + "</span>";
}

namespace {

// Whether a cell holds only figures (and their brackets, signs and units of %): such cells are
// right-aligned so that their digits line up.
bool IsFigureCell(const std::string& html) {
  if (html == "-") return true;
  if (html.rfind("<span class=\"fig\"", 0) != 0) return false;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    if (c == '>') in_tag = false;
  }
  return true;
}

}  // namespace

std::string Table(const std::string& id, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows, const std::string& css_class) {
  std::string out = "<div class=\"table-wrap\"><table id=\"" + Escape(id) + "\"" +
                    (css_class.empty() ? "" : " class=\"" + css_class + "\"") + "><thead><tr>";
  for (const std::string& cell : header) out += "<th scope=\"col\">" + Escape(cell) + "</th>";
  out += "</tr></thead><tbody>";
  for (const std::vector<std::string>& row : rows) {
    out += "<tr>";
    for (std::size_t k = 0; k < row.size(); ++k) {
      const bool figure = IsFigureCell(row[k]);
      const char* tag = k == 0 ? "th scope=\"row\"" : "td";
      out += std::string("<") + tag + (figure ? " class=\"n\"" : "") + ">" + row[k] +
             (k == 0 ? "</th>" : "</td>");
    }
    out += "</tr>";
  }
  return out + "</tbody></table></div>";
}

std::string LeverList(const Json& data, const std::string& path) {
  const Json::json_pointer pointer(path);
  if (!data.contains(pointer) || !data.at(pointer).is_array() || data.at(pointer).empty()) {
    return "<p class=\"levers none\">no lever</p>";
  }
  const Json& levers = data.at(pointer);
  std::string out = "<ul class=\"levers\">";
  for (std::size_t k = 0; k < levers.size(); ++k) {
    const Json& lever = levers[k];
    const std::string at = Index(path, k);
    out += "<li><strong>" + Escape(lever.value("lever", std::string())) + "</strong> ";
    if (lever.contains("description")) out += Escape(lever["description"].get<std::string>());
    out += "<span class=\"lever-terms\">at " + Figure(data, Key(at, "magnitude"), "g4");
    if (lever.contains("unit")) out += " " + Escape(lever["unit"].get<std::string>());
    out += " \u00b7 cost " + Figure(data, Key(at, "cost"), "1") + "</span></li>";
  }
  return out + "</ul>";
}

std::string LeverSummary(const Json& levers) {
  if (!levers.is_array() || levers.empty()) return "no lever";
  std::string out;
  for (const Json& lever : levers) {
    out += (out.empty() ? "" : " + ") + lever.value("lever", std::string());
    if (lever.contains("description")) out += " (" + lever["description"].get<std::string>() + ")";
    out += " at " + FormatFigure(lever["magnitude"], "g4");
  }
  return out;
}

std::optional<TargetText> TargetOf(const Json& data) {
  std::string text;
  if (data.contains("answer")) {
    const Json& answer = data["answer"];
    if (answer.contains("target") && answer["target"].is_string()) {
      text = answer["target"].get<std::string>();
    }
  }
  for (const char* part : {"optimize", "whatif"}) {
    if (text.empty() && data.contains(part) && data[part].contains("target") &&
        data[part]["target"].is_string()) {
      text = data[part]["target"].get<std::string>();
    }
  }
  if (text.empty() && data.contains("scenario") && data["scenario"].contains("question")) {
    text = data["scenario"]["question"].value("target", std::string());
  }
  if (text.empty() && data.contains("distributions") && data["distributions"].contains("summary")) {
    for (const Json& model : data["distributions"]["summary"]) {
      if (model.contains("target")) text = model["target"].get<std::string>();
    }
  }
  if (text.empty()) return std::nullopt;
  const bool at_most = text.find("<=") != std::string::npos;
  const std::size_t at = text.find(at_most ? "<=" : ">=");
  if (at == std::string::npos) return std::nullopt;
  TargetText target;
  target.text = text;
  target.issue = text.substr(0, at);
  try {
    target.value = std::stod(text.substr(at + 2));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  target.relation = std::string(at_most ? "\u2264 " : "\u2265 ") + text.substr(at + 2);
  for (const Json& issue : data["scenario"]["issues"]) {
    if (issue.value("name", std::string()) != target.issue) continue;
    for (const Json& anchor : issue.value("anchors", Json::array())) {
      if (anchor.value("value", std::nan("")) == target.value) {
        target.meaning = anchor.value("meaning", std::string());
      }
    }
  }
  return target;
}

std::string PlanOfForecasts(const Json& data) {
  if (data.contains("plan") && data["plan"].is_array() && !data["plan"].empty()) {
    return "plan " + LeverSummary(data["plan"]);
  }
  return "baseline (no lever)";
}

std::string PlanOfDistributions(const Json& data) {
  if (data["distributions"].contains("summary")) {
    for (const Json& model : data["distributions"]["summary"]) {
      const std::string plan = model.value("plan", std::string());
      if (!plan.empty() && plan != "baseline") return "plan " + plan;
    }
  }
  return "baseline (no lever)";
}

namespace {

ProbabilityRow EvaluationRow(const std::string& label, const Json& evaluation,
                             const std::string& path) {
  ProbabilityRow row{label, {}, ""};
  row.bars.push_back({1, evaluation.value("probability", 0.0), std::nullopt, std::nullopt,
                      Key(path, "probability")});
  if (evaluation.contains("probability_with_counter_levers")) {
    row.bars.push_back({2, evaluation["probability_with_counter_levers"].get<double>(),
                        std::nullopt, std::nullopt, Key(path, "probability_with_counter_levers")});
  }
  return row;
}

std::string ShortPlan(const Json& levers) {
  std::string out;
  for (const Json& lever : levers) {
    out += (out.empty() ? "" : " + ") + lever.value("lever", std::string()) + " " +
           FormatFigure(lever["magnitude"], "g4");
  }
  return out.empty() ? "no lever" : out;
}

void OptimizeProbabilities(const Json& data, const TargetText& target, Json& charts) {
  const Json& optimize = data["optimize"];
  std::vector<ProbabilityRow> rows;
  rows.push_back({"baseline",
                  {{0, optimize.value("baseline_probability", 0.0), std::nullopt, std::nullopt,
                    "/optimize/baseline_probability"}},
                  ""});
  if (optimize.contains("best") && optimize["best"].is_object()) {
    rows.push_back(EvaluationRow("cheapest: " + ShortPlan(optimize["best"]["levers"]),
                                 optimize["best"], "/optimize/best"));
  }
  const char* others =
      optimize.contains("best") && optimize["best"].is_object() ? "runners_up" : "closest";
  const Json& list = optimize.value(others, Json::array());
  for (std::size_t k = 0; k < list.size(); ++k) {
    rows.push_back(EvaluationRow(ShortPlan(list[k]["levers"]), list[k],
                                 Index(std::string("/optimize/") + others, k)));
  }
  std::string models;
  for (const Json& model : optimize.value("models", Json::array())) {
    models += (models.empty() ? "" : ", ") + model.get<std::string>();
  }
  const std::string subtitle = "lowest over the models (" + models + ") \u00b7 " +
                               std::to_string(optimize.value("draws", 0)) +
                               " draws, the same for every plan";
  charts["probability"].push_back(
      {{"part", "optimize"},
       {"svg",
        ProbabilityChart(
            {"P(" + target.issue + " " + target.relation + ") per plan", subtitle},
            {"baseline", "plan, without counter-levers", "plan, after the opponent's best counter"},
            rows, optimize.value("required_probability", 0.0))}});
}

void WhatifProbabilities(const Json& data, const TargetText& target, Json& charts) {
  const Json& plans = data["whatif"]["plans"];
  if (plans.empty()) return;
  // The probability the scenario's question requires, when it asks one.
  std::optional<double> required;
  if (data["scenario"].contains("question")) {
    required = data["scenario"]["question"].value("probability", 0.8);
  }
  for (const auto& [model, cell] : plans[0]["models"].items()) {
    std::vector<ProbabilityRow> rows;
    for (std::size_t p = 0; p < plans.size(); ++p) {
      if (!plans[p]["models"].contains(model)) continue;
      const Json& entry = plans[p]["models"][model];
      if (!entry.contains("probability")) continue;
      const std::string name = plans[p].value("plan", std::string());
      rows.push_back({name,
                      {{p == 0 && name == "baseline" ? 0 : 1, entry["probability"].get<double>(),
                        std::nullopt, std::nullopt,
                        Key(Key(Key(Index("/whatif/plans", p), "models"), model), "probability")}},
                      ""});
    }
    if (rows.empty()) continue;
    charts["probability"].push_back(
        {{"part", "whatif"},
         {"model", model},
         {"svg", ProbabilityChart({"P(" + target.issue + " " + target.relation + ") per plan",
                                   "model " + model + " \u00b7 " +
                                       std::to_string(data["whatif"].value("draws", 0)) +
                                       " draws, the same for every plan"},
                                  {"baseline", "plan"}, rows, required)}});
  }
}

// The plan the answer names (its found_plan), weighed under every model on the declared plans'
// draws, beside each model's baseline.
void FoundPlanProbabilities(const Json& data, const TargetText& target, Json& charts) {
  const Json& answer = data["answer"];
  if (!answer.contains("found_plan") || !answer["found_plan"].contains("models")) return;
  const Json& found = answer["found_plan"];
  std::vector<ProbabilityRow> rows;
  for (const auto& [model, cell] : found["models"].items()) {
    const std::string baseline =
        Key(Key(Index(Key(Key("/answer/models", model), "whatif"), 0), "models"), model);
    if (!cell.contains("probability") ||
        !data.contains(Json::json_pointer(Key(baseline, "probability")))) {
      continue;
    }
    rows.push_back({model,
                    {{0, data.at(Json::json_pointer(Key(baseline, "probability"))).get<double>(),
                      std::nullopt, std::nullopt, Key(baseline, "probability")},
                     {1, cell["probability"].get<double>(), std::nullopt, std::nullopt,
                      Key(Key("/answer/found_plan/models", model), "probability")}},
                    ""});
  }
  if (rows.empty()) return;
  charts["probability"].push_back(
      {{"part", "answer"},
       {"svg", ProbabilityChart({"P(" + target.issue + " " + target.relation +
                                     ") with the plan found: " + ShortPlan(found["levers"]) +
                                     ", cost " + FormatFigure(found.value("cost", Json()), "1"),
                                 "the plan the search found, weighed under every model · " +
                                     FormatFigure(answer.value("draws", Json()), "0") +
                                     " draws, the same as the declared plans'"},
                                {"without levers", "with the plan found by the search"}, rows,
                                answer.value("required_probability", 0.0))}});
}

void AnswerProbabilities(const Json& data, const TargetText& target, Json& charts) {
  const Json& answer = data["answer"];
  std::vector<ProbabilityRow> rows;
  if (!answer.contains("models")) return;
  const Json& models = answer["models"];
  for (const auto& [model, entry] : models.items()) {
    if (!entry.contains("optimize")) continue;
    const std::string optimize = Key(Key("/answer/models", model), "optimize");
    ProbabilityRow row{model, {}, ""};
    row.bars.push_back({0, entry["optimize"].value("baseline_probability", 0.0), std::nullopt,
                        std::nullopt, Key(optimize, "baseline_probability")});
    const Json& optimized = entry["optimize"];
    const bool best = optimized.contains("best") && optimized["best"].is_object();
    const bool closest = !best && optimized.contains("closest") &&
                         optimized["closest"].is_array() && !optimized["closest"].empty();
    if (best || closest) {
      // Without a plan that reaches the target, the closest plan's bars.
      const std::string path = best ? Key(optimize, "best") : Index(Key(optimize, "closest"), 0);
      ProbabilityRow plan =
          EvaluationRow(model, best ? optimized["best"] : optimized["closest"][0], path);
      row.bars.insert(row.bars.end(), plan.bars.begin(), plan.bars.end());
    }
    if (!best) row.note = closest ? "closest plan: short of the target" : "no plan weighed";
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return;
  charts["probability"].push_back(
      {{"part", "answer"},
       {"svg",
        ProbabilityChart(
            {"P(" + target.issue + " " + target.relation + ") per model",
             "without levers, with the model's cheapest (or closest) plan, and after the "
             "best counter \u00b7 " +
                 FormatFigure(answer.value("optimize_draws", Json()), "0") + " draws per plan"},
            {"without levers", "with the cheapest (or closest) plan", "after the best counter"},
            rows, answer.value("required_probability", 0.0))}});
  FoundPlanProbabilities(data, target, charts);
}

}  // namespace

void ProbabilityCharts(const Json& data, Json& charts) {
  const std::optional<TargetText> target = TargetOf(data);
  if (!target) return;
  if (data.contains("answer")) AnswerProbabilities(data, *target, charts);
  if (data.contains("optimize")) OptimizeProbabilities(data, *target, charts);
  if (data.contains("whatif")) WhatifProbabilities(data, *target, charts);
}

}  // namespace statecraft::report_html

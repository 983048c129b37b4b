// The report's first screen: what the scenario or run answers, before the evidence.
#include "statecraft/report/report_html.h"
#include "statecraft/report/report_sections.h"

namespace statecraft::report_html {
namespace {

std::string TargetWords(const TargetText& target) {
  return "<strong>" + Escape(target.issue + " " + target.relation) + "</strong>" +
         (target.meaning.empty() ? "" : " (" + Escape(target.meaning) + ")");
}

std::string Card(const std::string& css_class, const std::string& title, const std::string& body) {
  return "<div class=\"card " + css_class + "\"><h3>" + Escape(title) + "</h3>" + body + "</div>";
}

std::string ModelNames(const Json& models) {
  std::string out;
  for (const Json& model : models) {
    out += (out.empty() ? "" : ", ") + model.get<std::string>();
  }
  return out;
}

// An optimisation: the cheapest plan that meets the target with the required probability
// against the opponent's best counter-levers.
std::string OptimizeLead(const Json& data, const Json& charts) {
  const Json& optimize = data["optimize"];
  const std::optional<TargetText> target = TargetOf(data);
  std::string html =
      "<p class=\"question\">Which is the cheapest plan of the declared levers that "
      "makes " +
      (target ? TargetWords(*target) : Escape(optimize.value("target", ""))) + " at least " +
      Figure(data, "/optimize/required_probability", "pct") +
      " likely, against the opponent's best counter-levers" +
      (optimize.contains("budget") ? ", within a budget of " + Figure(data, "/optimize/budget", "1")
                                   : std::string()) +
      "?</p>\n" + ErrorSizes(data, "/optimize/model_error", target ? target->issue : "");
  const bool found = optimize.contains("best") && optimize["best"].is_object();
  const bool any_closest = !found && !optimize.value("closest", Json::array()).empty();
  // The plan the answer is about: the cheapest that meets the target, or else the closest.
  const std::string plan = found ? "/optimize/best" : "/optimize/closest/0";
  std::string cards;
  cards += Card("probability", "Probability of the target",
                "<p class=\"big\">" + Figure(data, "/optimize/baseline_probability", "pct") +
                    "</p><p>without any lever (the baseline), lowest over the models: " +
                    Escape(ModelNames(optimize.value("models", Json::array()))) + ".</p>");
  if (found || any_closest) {
    const Json& chosen = data.at(Json::json_pointer(plan));
    cards +=
        Card(found ? "plan primary" : "plan none",
             found ? "Cheapest plan" : "No plan reaches the target; the closest",
             "<p class=\"big\">cost " + Figure(data, Key(plan, "cost"), "1") + "</p>" +
                 LeverList(data, Key(plan, "levers")) + "<p>P(target) " +
                 Figure(data, Key(plan, "probability"), "pct") + " without counter-levers.</p>");
    if (chosen.contains("probability_with_counter_levers")) {
      const bool none = chosen.value("best_counter_levers", Json::array()).empty();
      cards += Card("counter", "The opponent's best counter",
                    "<p class=\"big\">" +
                        Figure(data, Key(plan, "probability_with_counter_levers"), "pct") +
                        "</p><p>is what is left of the target's probability after it.</p>" +
                        (none ? "<p>No counter-lever within the opponent's budget lowers it.</p>"
                              : LeverList(data, Key(plan, "best_counter_levers")) +
                                    "<p>It costs the opponent " +
                                    Figure(data, Key(plan, "counter_cost"), "1") + ".</p>"));
    }
  } else {
    cards += Card("plan none", "No plan reaches the target",
                  "<p>No plan within the budget was weighed against the target.</p>");
  }
  cards += Card("search", "The search",
                "<p>" + Figure(data, "/optimize/candidates", "0") + " plans within the budget, " +
                    Figure(data, "/optimize/evaluated", "0") + " evaluated, against " +
                    Figure(data, "/optimize/counter_plans", "0") + " counter-plans; " +
                    Figure(data, "/optimize/draws", "0") +
                    " draws per plan, the same for every plan.</p>");
  html += "<div class=\"cards\">" + cards + "</div>\n" + Figures(charts, "probability", "optimize");
  const char* others = found ? "runners_up" : "closest";
  const Json& list = optimize.value(others, Json::array());
  if (!list.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (std::size_t k = 0; k < list.size(); ++k) {
      const std::string at = Index(std::string("/optimize/") + others, k);
      rows.push_back({Escape(LeverSummary(list[k]["levers"])), Figure(data, Key(at, "cost"), "1"),
                      Figure(data, Key(at, "probability"), "pct"),
                      Figure(data, Key(at, "probability_with_counter_levers"), "pct"),
                      Escape(list[k].contains("best_counter_levers")
                                 ? LeverSummary(list[k]["best_counter_levers"])
                                 : std::string("-"))});
    }
    html += "<h3>" + std::string(found ? "Runners-up" : "The closest plans") + "</h3>" +
            Table("runners-up-table",
                  {"plan", "cost", "P without counter", "P after counter", "best counter"}, rows);
  }
  return html;
}

std::string WhatifLead(const Json& data, const Json& charts) {
  const std::optional<TargetText> target = TargetOf(data);
  std::string html = "<p class=\"question\">What does each plan change";
  if (target) html += ", and how likely is " + TargetWords(*target) + " under each";
  html += "?</p>\n" + Figures(charts, "probability", "whatif") + PlansTable(data);
  return html;
}

std::string SweepLead(const Json& data) {
  const Json& distributions = data["distributions"];
  const Json& issues = data["scenario"]["issues"];
  const std::optional<TargetText> target = TargetOf(data);
  std::vector<std::string> header = {"model", "plan", "draws"};
  for (const Json& issue : issues) header.push_back(issue["name"].get<std::string>());
  if (target) header.push_back("P(" + target->issue + " " + target->relation + ")");
  header.push_back("deals struck");
  std::vector<std::vector<std::string>> rows;
  const Json& summary = distributions.value("summary", Json::array());
  for (std::size_t k = 0; k < summary.size(); ++k) {
    const std::string model = summary[k].value("model", std::string());
    const std::string at = Index("/distributions/summary", k);
    std::vector<std::string> row = {Escape(model), Escape(summary[k].value("plan", "baseline")),
                                    Figure(data, Key(at, "draws"), "0")};
    for (const Json& issue : issues) {
      const std::string path =
          Key(Key("/distributions/models", model), issue["name"].get<std::string>());
      row.push_back(Figure(data, Key(path, "median"), "1") + " <span class=\"range\">[" +
                    Figure(data, Key(path, "q10"), "1") + "\u2013" +
                    Figure(data, Key(path, "q90"), "1") + "]</span>");
    }
    if (target) row.push_back(Figure(data, Key(at, "probability"), "pct"));
    row.push_back(Figure(data, Key(at, "deals_struck_share"), "pct"));
    rows.push_back(row);
  }
  return "<p class=\"question\">How uncertain is the forecast, given the ranges of the inputs?</p>"
         "\n" +
         ErrorSizes(data, "/distributions/model_error", target ? target->issue : "") +
         Table("sweep-table", header, rows) +
         "<p class=\"note\">Median outcome after decision rules and its 10\u201390 % interval over "
         "the draws.</p>\n";
}

// A scenario that declares a question, reported without its answer: the question, the target,
// each declared plan's probability of it under the report's model, and the forecast per model.
std::string QuestionLead(const Json& data, const Json& charts) {
  const Json& question = data["scenario"]["question"];
  const std::optional<TargetText> target = TargetOf(data);
  std::string html = "<p class=\"question\">\u201c" +
                     Escape(question.value("text", std::string())) + "\u201d</p>\n";
  html += "<p class=\"target-line\">Target: " +
          (target ? TargetWords(*target) : Escape(question.value("target", std::string()))) +
          ", at least " + Figure(data, "/scenario/question/probability", "pct") + " likely" +
          (question.contains("budget")
               ? ", within a budget of " + Figure(data, "/scenario/question/budget", "1")
               : std::string()) +
          ".</p>\n";
  if (data.contains("whatif")) {
    html += ErrorSizes(data, "/whatif/model_error", target ? target->issue : "");
  }
  return html + Figures(charts, "probability", "whatif") + "<h3>Forecast per model</h3>" +
         ForecastTable(data);
}

}  // namespace

std::string LeadSection(const Json& data, const Json& charts, std::vector<SectionLink>& links) {
  const std::string kind = data.value("kind", std::string("scenario"));
  std::string title, body;
  if (data.contains("answer")) {
    title = "The answer";
    body = AnswerLead(data, charts);
  } else if (data.contains("optimize")) {
    title = "The answer";
    body = OptimizeLead(data, charts);
  } else if (kind == "whatif" && data.contains("whatif")) {
    title = "Baseline vs plans";
    body = WhatifLead(data, charts);
  } else if (kind == "sweep" && data.contains("distributions")) {
    title = "The forecast under uncertainty";
    body = SweepLead(data);
  } else if (kind == "scenario" && data["scenario"].contains("question")) {
    title = "The question";
    body = QuestionLead(data, charts);
  } else if (data.contains("forecasts")) {
    title = "Forecast per model";
    body = "<p class=\"question\">What will the actors settle on? " +
           Escape(PlanOfForecasts(data)) + ", every model" +
           (kind == "run" ? std::string(" of the run") : std::string(" at its defaults")) +
           ".</p>\n" + ForecastTable(data);
  } else {
    return "";
  }
  links.push_back({"answer", title});
  return "<section id=\"answer\" class=\"lead\"><h2>" + Escape(title) + "</h2>\n" + body +
         "</section>\n";
}

}  // namespace statecraft::report_html

// The answer to a scenario's question, as the report's first screen: the question, the
// probability of the target per model (baseline, with the cheapest plan, after the opponent's
// best counter), the cheapest plan and its cost, the counter and what is left after it, the
// deal's terms and how often it is struck, what drives the outcome, and where the models
// disagree. Reads the answer analysis' JSON (data["answer"], html_report.h).

#include "statecraft/report/report_html.h"
#include "statecraft/report/report_sections.h"

namespace statecraft::report_html {
namespace {

std::string Card(const std::string& css_class, const std::string& title, const std::string& body) {
  return "<div class=\"card " + css_class + "\"><h3>" + Escape(title) + "</h3>" + body + "</div>";
}

std::string ModelPath(const std::string& model) { return Key("/answer/models", model); }

const Json& ModelsOf(const Json& data) {
  static const Json kNone = Json::object();
  const Json& answer = data["answer"];
  return answer.contains("models") && answer["models"].is_object() ? answer["models"] : kNone;
}

// The plan a model's answer is about: the cheapest that meets the target, else (when
// `or_closest`) the closest; "" when there is none.
std::string BestPath(const Json& entry, const std::string& model, bool or_closest = false) {
  if (!entry.contains("optimize")) return "";
  const Json& optimize = entry["optimize"];
  const std::string path = Key(ModelPath(model), "optimize");
  if (optimize.contains("best") && optimize["best"].is_object()) return Key(path, "best");
  if (or_closest && optimize.contains("closest") && optimize["closest"].is_array() &&
      !optimize["closest"].empty()) {
    return Index(Key(path, "closest"), 0);
  }
  return "";
}

std::string PlanWords(const Json& levers) {
  std::string out;
  for (const Json& lever : levers) {
    out += (out.empty() ? "" : " + ") + lever.value("lever", std::string()) + " " +
           FormatFigure(lever["magnitude"], "g4");
  }
  return out.empty() ? "no lever" : out;
}

std::string Names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// The strongest driver of the target issue in a model's baseline: "PRK munitions position
// (rho +0.96)".
std::string StrongestDriver(const Json& data, const std::string& model, const std::string& issue) {
  const std::string base = Key(Key(ModelPath(model), "whatif"), "0");
  const std::string drivers = Key(Key(Key(Key(base, "models"), model), "drivers"), issue);
  const Json::json_pointer pointer(drivers);
  if (!data.contains(pointer) || !data.at(pointer).is_array() || data.at(pointer).empty()) {
    return "-";
  }
  return Escape(data.at(pointer)[0].value("input", std::string())) + " <span class=\"range\">" +
         "\u03c1 " + Figure(data, Key(Index(drivers, 0), "rank_correlation"), "signed2") +
         "</span>";
}

std::string ModelTable(const Json& data, const std::string& issue) {
  const Json& models = ModelsOf(data);
  std::vector<std::vector<std::string>> rows;
  for (const auto& [model, entry] : models.items()) {
    if (entry.contains("failure")) {
      rows.push_back({Escape(model),
                      "could not run: " + Escape(entry["failure"].get<std::string>()), "", "", "",
                      "", "", ""});
      continue;
    }
    const std::string optimize = Key(ModelPath(model), "optimize");
    const std::string best = BestPath(entry, model);
    std::vector<std::string> row = {Escape(model),
                                    Figure(data, Key(optimize, "baseline_probability"), "pct")};
    if (best.empty()) {
      row.insert(row.end(), {"<em>no plan reaches the target</em>", "-", "-", "-", "-"});
    } else {
      const Json& plan = data.at(Json::json_pointer(best));
      row.push_back(Escape(PlanWords(plan["levers"])));
      row.push_back(Figure(data, Key(best, "cost"), "1"));
      row.push_back(Figure(data, Key(best, "probability"), "pct"));
      row.push_back(plan.contains("best_counter_levers")
                        ? Escape(PlanWords(plan["best_counter_levers"]))
                        : std::string("-"));
      row.push_back(Figure(data, Key(best, "probability_with_counter_levers"), "pct"));
    }
    row.push_back(StrongestDriver(data, model, issue));
    rows.push_back(row);
  }
  return Table("answer-table",
               {"model", "P without levers", "cheapest plan", "cost", "P with it", "best counter",
                "P after it", "what drives " + issue + " most"},
               rows, "wrap");
}

// The plan the first screen is about, as the answer analysis chose it (its "found_plan",
// analysis/answer.h: the cheapest plan most models choose, else the closest), with the models
// that choose it; the web UI's Answer view reads the same choice.
struct PrimaryPlan {
  std::string path;  // "" when no model weighed a plan
  std::string model;
  bool reached = false;
  std::vector<std::string> models;  // that choose this plan
  std::vector<std::string> others;  // "plan (model)" for models that choose another plan
};

PrimaryPlan ChoosePlan(const Json& data) {
  PrimaryPlan primary;
  const Json& answer = data["answer"];
  if (!answer.contains("found_plan") || !answer["found_plan"].is_object()) return primary;
  const Json& found = answer["found_plan"];
  const std::string path = "/answer" + found.value("path", std::string());
  if (!data.contains(Json::json_pointer(path))) return primary;
  primary.path = path;
  primary.model = found.value("model", std::string());
  primary.reached = found.value("reached", false);
  primary.models = found.value("chosen_under", std::vector<std::string>());
  primary.others = found.value("others", std::vector<std::string>());
  return primary;
}

// The answer in one sentence, then the plan, the counter and the other models' plans.
std::string PlanCards(const Json& data, const std::string& opponent, const std::string& goal,
                      std::string* headline) {
  const PrimaryPlan primary = ChoosePlan(data);
  const std::string rival = opponent.empty() ? std::string("the opponent") : opponent;
  if (primary.path.empty()) {
    *headline = "No plan of the declared levers was weighed against the target.";
    return "";
  }
  const std::string& path = primary.path;
  const Json& plan = data.at(Json::json_pointer(path));
  const bool countered = plan.contains("probability_with_counter_levers");
  const std::string words = Escape(PlanWords(plan["levers"]));
  if (primary.reached) {
    *headline = "The cheapest plan that reaches " + goal + " is <strong>" + words +
                "</strong> (cost " + Figure(data, Key(path, "cost"), "1") + ", under " +
                Escape(Names(primary.models)) + ")" +
                (countered ? "; after " + Escape(rival) + "'s best counter " +
                                 Figure(data, Key(path, "probability_with_counter_levers"), "pct") +
                                 " of its probability is left."
                           : ".");
  } else {
    *headline =
        "<strong>No plan of the declared levers reaches " + goal +
        "</strong> under any model. The closest, " + words + " (cost " +
        Figure(data, Key(path, "cost"), "1") + "), brings the median outcome to " +
        Figure(data, Key(path, "median"), "1") + " under " + Escape(Names(primary.models)) +
        " and reaches the target in " + Figure(data, Key(path, "probability"), "pct") +
        " of the draws without counter-levers" +
        (countered ? "; " + Figure(data, Key(path, "probability_with_counter_levers"), "pct") +
                         " after " + Escape(rival) + "'s best counter."
                   : ".");
  }
  std::string body = "<p class=\"big\">cost " + Figure(data, Key(path, "cost"), "1") + "</p>" +
                     LeverList(data, Key(path, "levers")) + "<p>P(target) " +
                     Figure(data, Key(path, "probability"), "pct") + " without counter-levers (" +
                     Escape(primary.model) + ")</p><p class=\"models\">chosen under " +
                     Escape(Names(primary.models)) + "</p>";
  if (!primary.others.empty()) {
    body += "<p class=\"models\">other models: " + Escape(Names(primary.others)) + "</p>";
  }
  std::string out =
      Card(primary.reached ? "plan primary" : "plan none",
           primary.reached ? "Cheapest plan" : "Closest plan (the target is not reached)", body);
  if (countered) {
    const bool none = plan.value("best_counter_levers", Json::array()).empty();
    out +=
        Card("counter", rival + "'s best counter",
             "<p class=\"big\">" +
                 Figure(data, Key(path, "probability_with_counter_levers"), "pct") + " left</p>" +
                 (none ? "<p>No counter-lever within the budget lowers the plan's probability.</p>"
                       : LeverList(data, Key(path, "best_counter_levers")) +
                             "<p class=\"models\">costs " + Escape(rival) + " " +
                             Figure(data, Key(path, "counter_cost"), "1") + "</p>"));
  }
  return out;
}

// The three strongest drivers of the target issue in each model's baseline, for the model of
// the primary plan (or the first that ran).
std::string DriversCard(const Json& data, const std::string& issue) {
  const PrimaryPlan primary = ChoosePlan(data);
  std::string model = primary.model;
  for (const auto& [name, entry] : ModelsOf(data).items()) {
    if (model.empty() && entry.contains("whatif")) model = name;
  }
  if (model.empty()) return "";
  const std::string drivers = Key(
      Key(Key(Key(Index(Key(ModelPath(model), "whatif"), 0), "models"), model), "drivers"), issue);
  const Json::json_pointer pointer(drivers);
  if (!data.contains(pointer) || !data.at(pointer).is_array() || data.at(pointer).empty()) {
    return "";
  }
  std::string list = "<ol class=\"drivers\">";
  for (std::size_t k = 0; k < std::min<std::size_t>(3, data.at(pointer).size()); ++k) {
    list += "<li>" + Escape(data.at(pointer)[k].value("input", std::string())) +
            " <span class=\"range\">\u03c1 " +
            Figure(data, Key(Index(drivers, k), "rank_correlation"), "signed2") + "</span></li>";
  }
  return Card("drivers", "What drives " + issue,
              list +
                  "</ol><p class=\"models\">rank correlation with the outcome over the draws, "
                  "baseline, " +
                  Escape(model) + "</p>");
}

// The deals the declared plans offer: terms at the central values and how often they are struck.
std::string DealCard(const Json& data) {
  const Json& models = ModelsOf(data);
  std::string body;
  for (const auto& [model, entry] : models.items()) {
    if (!entry.contains("whatif")) continue;
    const Json& plans = entry["whatif"];
    for (std::size_t p = 0; p < plans.size(); ++p) {
      const Json& deals = plans[p].value("deals", Json::array());
      if (deals.empty()) continue;
      const std::string cell =
          Key(Key(Key(Index(Key(ModelPath(model), "whatif"), p), "models"), model),
              "deals_struck_share");
      body += "<p><strong>" + Escape(deals[0].value("lever", std::string())) + "</strong> (plan " +
              Escape(plans[p].value("plan", std::string())) +
              "): " + Escape(deals[0].value("reason", std::string())) +
              "</p><p class=\"big\">struck in " + Figure(data, cell, "pct") +
              " of the draws</p><p class=\"models\">under " + Escape(model) + "</p>";
      return Card("deal", "The deal", body);
    }
  }
  return "";
}

}  // namespace

std::string AnswerLead(const Json& data, const Json& charts) {
  const Json& answer = data["answer"];
  const std::optional<TargetText> target = TargetOf(data);
  const std::string opponent = answer.value("opponent", std::string());
  std::string html;
  if (answer.contains("question") && answer["question"].is_string()) {
    html += "<p class=\"question\">\u201c" + Escape(answer["question"].get<std::string>()) +
            "\u201d</p>\n";
  }
  html += "<p class=\"target-line\">Target: ";
  if (target) {
    html += "<strong>" + Escape(target->issue + " " + target->relation) + "</strong>" +
            (target->meaning.empty() ? "" : " (" + Escape(target->meaning) + ")");
  }
  html += ", at least " + Figure(data, "/answer/required_probability", "pct") + " likely";
  if (answer.contains("budget")) {
    html += ", within a budget of " + Figure(data, "/answer/budget", "1");
  }
  if (!opponent.empty()) html += ", against " + Escape(opponent) + "'s best counter-levers";
  html += ".</p>\n" + ErrorSizes(data, "/answer/model_error", target ? target->issue : "");
  std::string headline;
  const std::string goal =
      target ? "<strong>" + Escape(target->issue + " " + target->relation) + "</strong>" : "";
  const std::string plan_cards = PlanCards(data, opponent, goal, &headline);
  html += "<p class=\"headline\">" + headline + "</p>\n<div class=\"cards\">" + plan_cards +
          DealCard(data) + DriversCard(data, target ? target->issue : std::string());
  const Json& sentences = answer.value("disagreements", Json::array());
  if (!sentences.empty()) {
    std::string list = "<ul class=\"disagreements\">";
    for (const Json& sentence : sentences) {
      list += "<li>" + Escape(sentence.get<std::string>()) + "</li>";
    }
    html += Card("disagree", "Where the models disagree", list + "</ul>");
  }
  html += "</div>\n" + Figures(charts, "probability", "answer");
  html += ModelTable(data, target ? target->issue : std::string());
  html += "<p class=\"note\">Probabilities over " + FormatFigure(answer["draws"], "0") +
          " draws per plan; the search for the cheapest plan weighs each plan on " +
          FormatFigure(answer["optimize_draws"], "0") +
          " draws against every counter-plan the opponent can afford.</p>\n";
  return html;
}

}  // namespace statecraft::report_html

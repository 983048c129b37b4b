// The report's evidence: forecasts, plans, uncertainty, trajectories, backtest, scenario, sources.
#include "statecraft/report/report_sections.h"

#include <algorithm>

#include "statecraft/report/report_html.h"
#include "statecraft/report/svg_layout.h"

namespace statecraft::report_html {
namespace {

std::string Section(const std::string& id, const std::string& title, const std::string& body,
                    std::vector<SectionLink>& links) {
  links.push_back({id, title});
  return "<section id=\"" + id + "\"><h2>" + Escape(title) + "</h2>\n" + body + "</section>\n";
}

std::string Note(const std::string& text) { return "<p class=\"note\">" + text + "</p>\n"; }

// The issues on which a model reports that it did not converge (eum's "stopping").
bool Converged(const Json& forecast, const std::string& issue) {
  if (!forecast.contains("stopping") || !forecast["stopping"].contains(issue)) return true;
  return forecast["stopping"][issue].value("converged", true);
}

std::string Interval(const Json& data, const std::string& path) {
  return Figure(data, Key(path, "median"), "1") + " <span class=\"range\">[" +
         Figure(data, Key(path, "q10"), "1") + "\u2013" + Figure(data, Key(path, "q90"), "1") +
         "]</span>";
}

std::string DealsOfPlans(const Json& data) {
  const Json& plans = data["whatif"]["plans"];
  std::vector<std::vector<std::string>> rows;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    const Json& deals = plans[p].value("deals", Json::array());
    for (std::size_t d = 0; d < deals.size(); ++d) {
      std::string struck;
      for (const auto& [model, cell] : plans[p]["models"].items()) {
        if (!cell.contains("deals_struck_share")) continue;
        struck +=
            (struck.empty() ? "" : "; ") +
            Figure(data,
                   Key(Key(Key(Index("/whatif/plans", p), "models"), model), "deals_struck_share"),
                   "pct") +
            " (" + Escape(model) + ")";
      }
      rows.push_back({Escape(plans[p].value("plan", std::string())),
                      Escape(deals[d].value("lever", std::string())),
                      Escape(deals[d].value("reason", std::string())),
                      struck.empty() ? "-" : struck});
    }
  }
  if (rows.empty()) return "";
  return "<h3>Deals</h3>" +
         Table("deals-table", {"plan", "lever", "terms at the central values", "struck in"}, rows,
               "wrap") +
         Note(
             "A deal is struck only at amounts both sides accept; \u201cstruck in\u201d is the "
             "share of draws in which every deal the plan offers was struck.");
}

std::string UncertaintySection(const Json& data, const Json& charts,
                               std::vector<SectionLink>& links) {
  std::string body;
  if (!charts["distributions"].empty()) {
    const Json& model_error = data["distributions"].value("model_error", Json());
    body += Note(std::to_string(data["distributions"].value("draws", 0)) +
                 " Monte Carlo draws of every ranged input (seed " +
                 std::to_string(data["distributions"].value("seed", 0)) +
                 "), each model at its defaults; dots are single draws. " +
                 (model_error.is_object()
                      ? "The bands and probabilities also include each model's own error on past "
                        "decisions (" +
                            Escape(model_error.value("calibration", std::string())) +
                            "), so they are wider than the dots."
                      : std::string("The bands show the spread of the inputs alone."))) +
            Figures(charts, "distributions") + ErrorSizes(data, "/distributions/model_error", "");
  }
  if (!charts["tornado"].empty()) {
    body += "<h3>What drives the outcome</h3>" +
            Note(
                "Spearman rank correlation (\u03c1) of each sampled input with the outcome; a "
                "bar spans the mean outcome when the input is in its lowest and in its highest "
                "fifth of the draws.") +
            Figures(charts, "tornado");
  }
  return body.empty() ? "" : Section("uncertainty", "Uncertainty", body, links);
}

// Actors the reader can pick to highlight in every trajectory chart (CSS :has(), no script).
std::string ActorPicker(const Json& scenario) {
  std::string out =
      "<fieldset class=\"picker\"><legend>Highlight actors in the charts below</legend>";
  const Json& actors = scenario["actors"];
  for (std::size_t k = 0; k < actors.size(); ++k) {
    const int style = static_cast<int>(k);
    out += "<label><input type=\"checkbox\" id=\"pick-" + std::to_string(k) +
           "\"> <svg class=\"swatch\" width=\"14\" height=\"14\" viewBox=\"-7 -7 14 14\" "
           "aria-hidden=\"true\">" +
           svg::Marker(style, 0, 0, 5, svg::PaletteColour(style)) + "</svg> " +
           Escape(actors[k].value("name", std::string())) + "</label>";
  }
  return out + "</fieldset>\n";
}

std::string TrajectorySection(const Json& data, const Json& charts,
                              std::vector<SectionLink>& links) {
  if (charts["trajectories"].empty()) return "";
  std::string body =
      Note(
          "One line per actor, labelled at its end (actors that end together share a label); "
          "the dashed black line is the model's outcome in each round. Where a model cycles "
          "instead of converging, a band spans each actor's positions over the cycle.") +
      ActorPicker(data["scenario"]);
  std::string model;
  for (const Json& chart : charts["trajectories"]) {
    if (chart["model"] != model) {
      if (!model.empty()) body += "</div>";
      model = chart["model"].get<std::string>();
      body += "<h3>" + Escape(model) + "</h3><div class=\"figures\">";
    }
    body += "<figure>" + chart["svg"].get<std::string>() + "</figure>";
  }
  body += "</div>";
  return Section("trajectories", "Positions over rounds", body, links);
}

std::string BacktestSection(const Json& data, const Json& charts, std::vector<SectionLink>& links) {
  if (!data.contains("backtest")) return "";
  const Json& backtest = data["backtest"];
  std::vector<std::string> issues;
  const Json& models = backtest.value("models", Json::array());
  for (const Json& model : models) {
    for (const Json& issue : model["issues"]) {
      const std::string name = issue["issue"].get<std::string>();
      if (std::find(issues.begin(), issues.end(), name) == issues.end()) issues.push_back(name);
    }
  }
  std::vector<std::string> header = {"model"};
  for (const std::string& issue : issues) header.push_back(issue);
  header.push_back("mean absolute error");
  auto row_of = [&](const Json& model, const std::string& path) {
    std::vector<std::string> row = {Escape(model.value("model", std::string()))};
    for (const std::string& issue : issues) {
      std::string cell = "-";
      const Json& scored = model["issues"];
      for (std::size_t k = 0; k < scored.size(); ++k) {
        if (scored[k]["issue"] == issue) {
          cell = Figure(data, Key(Index(Key(path, "issues"), k), "error"), "1");
        }
      }
      row.push_back(cell);
    }
    std::string error = Figure(data, Key(path, "mean_absolute_error"), "1");
    if (model.contains("error_q10")) {
      error += " <span class=\"range\">[" + Figure(data, Key(path, "error_q10"), "1") + "\u2013" +
               Figure(data, Key(path, "error_q90"), "1") + "]</span>";
    }
    row.push_back(error);
    return row;
  };
  std::vector<std::vector<std::string>> rows;
  for (std::size_t k = 0; k < models.size(); ++k) {
    rows.push_back(row_of(models[k], Index("/backtest/models", k)));
  }
  if (backtest.contains("status_quo")) {
    rows.push_back(row_of(backtest["status_quo"], "/backtest/status_quo"));
  }
  std::string known;
  for (const Json& issue : data["scenario"]["issues"]) {
    if (!issue.contains("known_outcome")) continue;
    known += (known.empty() ? "" : ", ") + Escape(issue["name"].get<std::string>()) + " " +
             FormatFigure(issue["known_outcome"], "g4");
  }
  return Section("backtest", "Backtest against known outcomes",
                 Note("Known outcomes: " + known +
                      ". Absolute error on each issue's scale; the no-change forecast (the status "
                      "quo) is the naive baseline to beat. One scenario is a small sample: read "
                      "the errors as a check, not as a measure of accuracy.") +
                     Figures(charts, "backtest") + Table("backtest-table", header, rows),
                 links);
}

std::string ScenarioSection(const Json& data, std::vector<SectionLink>& links) {
  const Json& scenario = data["scenario"];
  std::string body;
  {
    std::vector<std::vector<std::string>> rows;
    const Json& issues = scenario["issues"];
    for (std::size_t i = 0; i < issues.size(); ++i) {
      const Json& issue = issues[i];
      const std::string at = Index("/scenario/issues", i);
      std::string anchors;
      for (const Json& anchor : issue.value("anchors", Json::array())) {
        anchors += "<li><b>" + FormatFigure(anchor["value"], "g4") + "</b> " +
                   Escape(anchor.value("meaning", std::string())) + "</li>";
      }
      std::string deciders;
      for (const Json& decider : issue.value("deciders", Json::array())) {
        deciders += (deciders.empty() ? "" : ", ") + decider.get<std::string>();
      }
      rows.push_back({Escape(issue.value("name", std::string())),
                      Escape(issue.value("description", std::string())) +
                          (anchors.empty() ? "" : "<ul class=\"anchors\">" + anchors + "</ul>"),
                      Figure(data, Key(at, "scale_low"), "g4") + "\u2013" +
                          Figure(data, Key(at, "scale_high"), "g4"),
                      Figure(data, Key(at, "status_quo"), "g4"),
                      Figure(data, Key(at, "known_outcome"), "g4"),
                      deciders.empty() ? "every actor" : "deciders: " + Escape(deciders)});
    }
    body +=
        "<h3>Issues and their scales</h3>" + Table("issues-table",
                                                   {"issue", "what the scale means", "scale",
                                                    "status quo", "known outcome", "decided by"},
                                                   rows, "wrap");
  }
  const double salience_scale = scenario.value("salience_scale", 1.0);
  const std::string salience_format = salience_scale > 1 ? "g4" : "2";
  std::vector<std::vector<std::string>> rows;
  const Json& stakes = scenario["stakes"];
  for (std::size_t k = 0; k < stakes.size(); ++k) {
    const std::string at = Index("/scenario/stakes", k);
    auto ranged = [&](const std::string& key, const std::string& format) {
      const Json& estimate = stakes[k][key];
      std::string cell = Figure(data, Key(Key(at, key), "central"), format);
      if (estimate.contains("low") && estimate.contains("high")) {
        cell += " <span class=\"range\">[" + Figure(data, Key(Key(at, key), "low"), format) +
                "\u2013" + Figure(data, Key(Key(at, key), "high"), format) + "]</span>";
      }
      return cell;
    };
    rows.push_back({Escape(stakes[k].value("actor", std::string())),
                    Escape(stakes[k].value("issue", std::string())), ranged("position", "g4"),
                    ranged("salience", salience_format), Figure(data, Key(at, "capability"), "g4"),
                    Escape(stakes[k].value("source", std::string()))});
  }
  body += "<h3>Stakes</h3>" + Table("stakes-table",
                                    {"actor", "issue", "position [range]",
                                     salience_scale > 1 ? "salience (0\u2013100) [range]"
                                                        : "salience (0\u20131) [range]",
                                     "capability", "source"},
                                    rows, "wrap");
  return Section("scenario", "Scenario", body, links);
}

std::string LeversSection(const Json& data, std::vector<SectionLink>& links) {
  if (!data.contains("levers")) return "";
  const Json& levers = data["levers"];
  auto lever_rows = [&](const Json& list, const std::string& path) {
    std::vector<std::vector<std::string>> rows;
    for (std::size_t k = 0; k < list.size(); ++k) {
      const std::string at = Index(path, k);
      const Json& magnitude = list[k]["magnitude"];
      std::string range = Figure(data, Key(Key(at, "magnitude"), "central"), "g4");
      if (magnitude.contains("low")) {
        range += " <span class=\"range\">[" + Figure(data, Key(Key(at, "magnitude"), "low"), "g4") +
                 "\u2013" + Figure(data, Key(Key(at, "magnitude"), "high"), "g4") + "]</span>";
      }
      const bool excluded = list[k].contains("excluded");
      rows.push_back({Escape(list[k].value("name", std::string())),
                      Escape(list[k].value("description", std::string())) +
                          (excluded ? " <em>(not an option: " +
                                          Escape(list[k]["excluded"].get<std::string>()) + ")</em>"
                                    : std::string()),
                      excluded ? "-" : range + " " + Escape(list[k].value("unit", std::string())),
                      excluded ? "-" : Figure(data, Key(at, "cost_at_central"), "1")});
    }
    return rows;
  };
  std::string body =
      Table("levers-table", {"lever", "what it does", "magnitude [range]", "cost at central"},
            lever_rows(levers["levers"], "/levers/levers"), "wrap");
  std::vector<std::vector<std::string>> plans;
  for (const Json& plan : levers.value("plans", Json::array())) {
    std::string items;
    for (const Json& item : plan["levers"]) {
      items += (items.empty() ? "" : " + ") + item.value("lever", std::string());
    }
    plans.push_back({Escape(plan.value("name", std::string())),
                     Escape(plan.value("description", std::string())), Escape(items)});
  }
  if (!plans.empty()) {
    body += "<h3>Declared plans</h3>" +
            Table("declared-plans-table", {"plan", "description", "levers"}, plans, "wrap");
  }
  if (levers.contains("counter_levers")) {
    const Json& counter = levers["counter_levers"];
    body += "<h3>Counter-levers of " + Escape(counter.value("owner", std::string())) + " (budget " +
            Figure(data, "/levers/counter_levers/budget", "1") + ")</h3>" +
            Note(Escape(counter.value("description", std::string()))) +
            Table("counter-levers-table",
                  {"lever", "what it does", "magnitude [range]", "cost at central"},
                  lever_rows(counter["levers"], "/levers/counter_levers/levers"), "wrap");
  }
  return Section("levers", "Levers", body, links);
}

}  // namespace

std::string Figures(const Json& charts, const char* key, const std::string& part) {
  if (!charts.contains(key) || charts[key].empty()) return "";
  std::string out;
  for (const Json& chart : charts[key]) {
    if (!part.empty() && chart.value("part", std::string()) != part) continue;
    out += "<figure>" + chart["svg"].get<std::string>() + "</figure>";
  }
  return out.empty() ? "" : "<div class=\"figures\">" + out + "</div>\n";
}

std::string ForecastTable(const Json& data) {
  const Json& forecasts = data["forecasts"];
  std::vector<std::string> header = {"issue"};
  for (const Json& forecast : forecasts) header.push_back(forecast.value("model", std::string()));
  header.push_back("status quo");
  header.push_back("known outcome");
  std::vector<std::vector<std::string>> rows;
  bool any_unconverged = false;
  const Json& issues = data["scenario"]["issues"];
  for (std::size_t i = 0; i < issues.size(); ++i) {
    const std::string name = issues[i]["name"].get<std::string>();
    std::vector<std::string> row = {Escape(name)};
    for (std::size_t f = 0; f < forecasts.size(); ++f) {
      std::string cell = Figure(data, Key(Key(Index("/forecasts", f), "outcome"), name), "1");
      const Json& settlement = forecasts[f].value("settlement", Json::object());
      if (settlement.contains(name) && !settlement[name].value("settled", true)) {
        // Where the rounds keep moving the outcome, the range it moves in.
        const std::string base = Key(Key(Index("/forecasts", f), "settlement"), name);
        cell +=
            "<sup class=\"flag\" title=\"did not settle\">\u2020</sup> <span class=\"range\">(" +
            std::string(settlement[name].contains("period") && !settlement[name]["period"].is_null()
                            ? "cycles "
                            : "moves ") +
            Figure(data, Key(base, "low"), "1") + "\u2013" + Figure(data, Key(base, "high"), "1") +
            ")</span>";
        any_unconverged = true;
      } else if (!Converged(forecasts[f], name)) {
        cell += "<sup class=\"flag\" title=\"did not converge\">\u2020</sup>";
        any_unconverged = true;
      }
      row.push_back(cell);
    }
    row.push_back(Figure(data, Key(Index("/scenario/issues", i), "status_quo"), "1"));
    row.push_back(Figure(data, Key(Index("/scenario/issues", i), "known_outcome"), "1"));
    rows.push_back(row);
  }
  return Table("forecast-table", header, rows) +
         Note("Outcome after decision rules, on each issue's scale." +
              std::string(any_unconverged
                              ? " \u2020 The model did not converge on this issue in its rounds: "
                                "its outcome depends on where the rounds stop (the range it "
                                "moves in, where known, is given in brackets)."
                              : ""));
}

std::string PlansTable(const Json& data) {
  const Json& whatif = data["whatif"];
  const Json& plans = whatif["plans"];
  const Json& issues = data["scenario"]["issues"];
  const std::optional<TargetText> target = TargetOf(data);
  std::vector<std::string> header = {"plan", "what it does", "cost", "model"};
  for (const Json& issue : issues) header.push_back(issue["name"].get<std::string>());
  if (target) header.push_back("P(" + target->issue + " " + target->relation + ")");
  std::vector<std::vector<std::string>> rows;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    const std::string at = Index("/whatif/plans", p);
    bool first = true;
    for (const auto& [model, cell] : plans[p]["models"].items()) {
      const std::string cell_path = Key(Key(at, "models"), model);
      std::vector<std::string> row;
      if (first) {
        const bool levers = !plans[p].value("levers", Json::array()).empty();
        row = {Escape(plans[p].value("plan", std::string())),
               (plans[p].contains("description") && levers
                    ? "<p>" + Escape(plans[p]["description"].get<std::string>()) + "</p>"
                    : std::string()) +
                   LeverList(data, Key(at, "levers")),
               Figure(data, Key(at, "cost"), "1")};
      } else {
        row = {"", "", ""};
      }
      first = false;
      row.push_back(Escape(model));
      for (const Json& issue : issues) {
        row.push_back(
            Interval(data, Key(Key(cell_path, "issues"), issue["name"].get<std::string>())));
      }
      if (target) row.push_back(Figure(data, Key(cell_path, "probability"), "pct"));
      rows.push_back(row);
    }
  }
  std::string html = ErrorSizes(data, "/whatif/model_error", target ? target->issue : "") +
                     Table("plans-table", header, rows, "wrap plans") +
                     Note("Median outcome and its 10\u201390 % interval over " +
                          std::to_string(whatif.value("draws", 0)) +
                          " draws (the same draws for every plan); magnitudes and costs at the "
                          "levers' central values.");
  if (whatif.contains("counter_levers")) {
    html +=
        "<h3>Counter-levers applied in every case</h3>" + LeverList(data, "/whatif/counter_levers");
  }
  return html + DealsOfPlans(data);
}

std::string EvidenceSections(const Json& data, const Json& charts,
                             std::vector<SectionLink>& links) {
  // Mirrors the lead section's choice (lead_section.cc): only the question's lead and the
  // plain forecast lead show the forecast table.
  const bool forecasts_led = !data.contains("answer") && !data.contains("optimize") &&
                             data.contains("forecasts") &&
                             data.value("kind", std::string("scenario")) != "whatif" &&
                             data.value("kind", std::string("scenario")) != "sweep";
  const bool plans_led = data.value("kind", std::string()) == "whatif";
  std::string html;
  if (data.contains("forecasts") && !forecasts_led) {
    html += Section("forecasts", "Forecast per model", ForecastTable(data), links);
  }
  if (data.contains("whatif")) {
    // The probabilities of the target lead the page when the scenario asks a question.
    const bool question_led = data.value("kind", std::string("scenario")) == "scenario" &&
                              data["scenario"].contains("question") && !data.contains("answer");
    std::string body = plans_led ? ""
                                 : (question_led ? "" : Figures(charts, "probability", "whatif")) +
                                       PlansTable(data);
    body += Figures(charts, "plans");
    html += Section("plans", plans_led ? "Plans on every issue" : "Baseline vs plans", body, links);
  } else if (data.contains("answer") && !charts["plans"].empty()) {
    html += Section("plans", "Plans under each model",
                    Note("The baseline and every declared plan, each model on the same draws; the "
                         "diamond is the forecast at the central values.") +
                        Figures(charts, "plans"),
                    links);
  }
  html += UncertaintySection(data, charts, links);
  html += TrajectorySection(data, charts, links);
  html += BacktestSection(data, charts, links);
  html += LeversSection(data, links);
  html += ScenarioSection(data, links);
  std::string sources = "<ul class=\"sources\">";
  for (const Json& source : data["scenario"]["sources"]) {
    sources += "<li>" + Escape(source.get<std::string>()) + "</li>";
  }
  html += Section("sources", "Sources", sources + "</ul>", links);
  return html;
}

}  // namespace statecraft::report_html

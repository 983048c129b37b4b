#include "statecraft/report/html_report.h"

#include <cmath>
#include <cstdio>

#include "statecraft/io/native_format.h"
#include "statecraft/models/builtin.h"
#include "statecraft/report/svg_chart.h"

namespace statecraft {
namespace {

Json EstimateJson(const Estimate& estimate) {
  Json out{{"central", estimate.central}};
  if (estimate.low) out["low"] = *estimate.low;
  if (estimate.high) out["high"] = *estimate.high;
  if (!estimate.source.empty()) out["source"] = estimate.source;
  return out;
}

std::string Format(double value, int digits = 1) {
  if (!std::isfinite(value)) return "-";
  char text[48];
  std::snprintf(text, sizeof(text), "%.*f", digits, value);
  return text;
}

std::string FormatJsonNumber(const Json& value, int digits = 1) {
  return value.is_number() ? Format(value.get<double>(), digits) : "-";
}

double NumberOr(const Json& object, const char* key, double fallback) {
  const auto found = object.find(key);
  return found != object.end() && found->is_number() ? found->get<double>() : fallback;
}

ValueAxis AxisOf(const Json& issue) {
  return {NumberOr(issue, "scale_low", 0.0), NumberOr(issue, "scale_high", 100.0),
          issue.value("name", std::string())};
}

std::vector<ReferenceLine> ReferencesOf(const Json& issue) {
  std::vector<ReferenceLine> references;
  if (issue.contains("status_quo")) {
    references.push_back({"status quo", issue["status_quo"].get<double>()});
  }
  if (issue.contains("known_outcome")) {
    references.push_back({"known outcome", issue["known_outcome"].get<double>()});
  }
  return references;
}

}  // namespace

Json BacktestOfForecasts(const Json& scenario, const Json& forecasts) {
  Json models = Json::array();
  for (const Json& forecast : forecasts) {
    Json issues = Json::array();
    double total = 0.0;
    int count = 0;
    for (const Json& issue : scenario["issues"]) {
      if (!issue.contains("known_outcome")) continue;
      const std::string name = issue["name"].get<std::string>();
      const Json& predicted = forecast["outcome"][name];
      if (!predicted.is_number()) continue;
      const double known = issue["known_outcome"].get<double>();
      const double error = std::fabs(predicted.get<double>() - known);
      issues.push_back(
          {{"issue", name}, {"known", known}, {"predicted", predicted}, {"error", error}});
      total += error;
      ++count;
    }
    if (count == 0) continue;
    models.push_back(
        {{"model", forecast["model"]}, {"mean_absolute_error", total / count}, {"issues", issues}});
  }
  return models.empty() ? Json() : Json{{"models", models}};
}

Json ScenarioToReportJson(const Scenario& scenario) {
  Json out;
  out["name"] = scenario.name;
  out["description"] = scenario.description;
  out["sources"] = scenario.sources;
  out["actors"] = Json::array();
  for (const Actor& actor : scenario.actors) {
    out["actors"].push_back({{"name", actor.name},
                             {"description", actor.description},
                             {"capability", EstimateJson(actor.capability)}});
  }
  out["issues"] = Json::array();
  for (const Issue& issue : scenario.issues) {
    Json item{{"name", issue.name},
              {"description", issue.description},
              {"scale_low", issue.scale_low},
              {"scale_high", issue.scale_high}};
    if (issue.reference_point) item["status_quo"] = issue.reference_point->central;
    if (issue.known_outcome) item["known_outcome"] = issue.known_outcome->central;
    Json anchors = Json::array();
    for (const ScaleAnchor& anchor : issue.anchors) {
      anchors.push_back({{"value", anchor.value}, {"meaning", anchor.meaning}});
    }
    item["anchors"] = anchors;
    out["issues"].push_back(item);
  }
  out["stakes"] = Json::array();
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      if (!scenario.HasStake(actor, issue)) continue;
      const Stake& stake = scenario.StakeOf(actor, issue);
      out["stakes"].push_back({{"actor", scenario.actors[actor].name},
                               {"issue", scenario.issues[issue].name},
                               {"position", EstimateJson(stake.position)},
                               {"salience", EstimateJson(stake.salience)},
                               {"capability", scenario.Capability(actor, issue)},
                               {"source", stake.source}});
    }
  }
  return out;
}

Json ReportDataFromStoredRun(const std::string& kind, const std::string& scenario_json,
                             const Json& result, const std::string& program_version) {
  const Scenario scenario = ParseNativeScenario(scenario_json, "stored scenario");
  Json data;
  data["title"] = scenario.name;
  data["program_version"] = program_version;
  data["scenario"] = ScenarioToReportJson(scenario);
  if (kind == "run") data["forecasts"] = Json::array({result});
  if (kind == "compare" && result.contains("models")) data["forecasts"] = result["models"];
  if (kind == "whatif") data["whatif"] = result;
  if (kind == "sweep") {
    // One model's sweep, or {"models": [...]} for several.
    const Json items = result.contains("models") ? result["models"] : Json::array({result});
    Json models = Json::object();
    for (const Json& item : items) {
      if (item.contains("issues"))
        models[item.value("model", std::string("model"))] = item["issues"];
    }
    if (!models.empty()) {
      const Json& first = items.front();
      data["distributions"] = {
          {"draws", first.value("draws", 0)}, {"seed", first.value("seed", 0)}, {"models", models}};
      if (first.contains("drivers") && scenario.IssueCount() > 0) {
        const std::string issue = scenario.issues[0].name;
        data["drivers"] = {{"model", first.value("model", std::string("model"))},
                           {"issue", issue},
                           {"center", first["issues"][issue].value("median", 0.0)},
                           {"drivers", first["drivers"].value(issue, Json::array())}};
      }
    }
  }
  if (data.contains("forecasts")) {
    const Json backtest = BacktestOfForecasts(data["scenario"], data["forecasts"]);
    if (!backtest.is_null()) data["backtest"] = backtest;
  }
  return data;
}

namespace {

// Each forecast's positions over rounds, per issue (a model with rounds only).
Json TrajectoryCharts(const Json& data, const Json& scenario) {
  Json charts = Json::array();
  if (!data.contains("forecasts")) return charts;
  for (const Json& forecast : data["forecasts"]) {
    const Json& rounds = forecast["rounds"];
    if (rounds.size() < 2) continue;
    for (const Json& issue : scenario["issues"]) {
      const std::string name = issue["name"].get<std::string>();
      std::vector<LineSeries> series;
      for (const Json& actor : forecast["actors"]) {
        LineSeries line{actor.get<std::string>(), {}, false};
        bool any = false;
        for (const Json& round : rounds) {
          const Json& positions = round["positions"][line.label];
          const bool has = positions.contains(name) && positions[name].is_number();
          line.values.push_back(has ? positions[name].get<double>() : std::nan(""));
          any = any || has;
        }
        if (any) series.push_back(std::move(line));
      }
      LineSeries outcome{"outcome", {}, true};
      for (const Json& round : rounds) {
        const Json& value = round["outcome"][name];
        outcome.values.push_back(value.is_number() ? value.get<double>() : std::nan(""));
      }
      series.push_back(std::move(outcome));
      const std::string model = forecast["model"].get<std::string>();
      charts.push_back({{"model", model},
                        {"issue", name},
                        {"svg", TrajectoryChart(model + ": " + name + ", positions over rounds",
                                                AxisOf(issue), series)}});
    }
  }
  return charts;
}

// Per issue, every model's distribution over the draws, its point forecast marked.
Json DistributionCharts(const Json& data, const Json& scenario) {
  Json charts = Json::array();
  if (!data.contains("distributions")) return charts;
  const Json& models = data["distributions"]["models"];
  for (const Json& issue : scenario["issues"]) {
    const std::string name = issue["name"].get<std::string>();
    std::vector<IntervalRow> rows;
    for (const auto& [model, per_issue] : models.items()) {
      if (!per_issue.contains(name)) continue;
      const Json& summary = per_issue[name];
      IntervalRow row{model,
                      NumberOr(summary, "q10", 0),
                      NumberOr(summary, "median", 0),
                      NumberOr(summary, "q90", 0),
                      std::nullopt,
                      std::nullopt,
                      {}};
      if (summary.contains("mean")) row.mean = NumberOr(summary, "mean", 0);
      if (summary.contains("samples")) {
        for (const Json& sample : summary["samples"]) {
          row.samples.push_back(sample.is_number() ? sample.get<double>() : std::nan(""));
        }
      }
      if (data.contains("forecasts")) {
        for (const Json& forecast : data["forecasts"]) {
          if (forecast["model"] == model && forecast["outcome"][name].is_number()) {
            row.point = forecast["outcome"][name].get<double>();
          }
        }
      }
      rows.push_back(std::move(row));
    }
    if (rows.empty()) continue;
    charts.push_back(
        {{"issue", name},
         {"svg", IntervalChart(name + ": forecast distribution per model", "distribution",
                               AxisOf(issue), rows, ReferencesOf(issue))}});
  }
  return charts;
}

// Per issue, the baseline against each plan (and model).
Json PlanCharts(const Json& data, const Json& scenario) {
  Json charts = Json::array();
  if (!data.contains("whatif")) return charts;
  const Json& plans = data["whatif"]["plans"];
  for (const Json& issue : scenario["issues"]) {
    const std::string name = issue["name"].get<std::string>();
    std::vector<IntervalRow> rows;
    for (const Json& plan : plans) {
      for (const auto& [model, cell] : plan["models"].items()) {
        if (!cell["issues"].contains(name)) continue;
        const Json& summary = cell["issues"][name];
        IntervalRow row{
            plan["plan"].get<std::string>() + (plan["models"].size() > 1 ? " (" + model + ")" : ""),
            NumberOr(summary, "q10", 0),
            NumberOr(summary, "median", 0),
            NumberOr(summary, "q90", 0),
            std::nullopt,
            std::nullopt,
            {}};
        row.mean = NumberOr(summary, "mean", 0);
        if (cell.contains("central") && cell["central"][name].is_number()) {
          row.point = cell["central"][name].get<double>();
        }
        rows.push_back(std::move(row));
      }
    }
    if (rows.empty()) continue;
    charts.push_back({{"issue", name},
                      {"svg", IntervalChart(name + ": baseline vs plans", "plans", AxisOf(issue),
                                            rows, ReferencesOf(issue))}});
  }
  return charts;
}

// The drivers of one issue as a tornado.
Json TornadoCharts(const Json& data, const Json& scenario) {
  Json charts = Json::array();
  if (!data.contains("drivers")) return charts;
  const Json& drivers = data["drivers"];
  const std::string name = drivers["issue"].get<std::string>();
  for (const Json& issue : scenario["issues"]) {
    if (issue["name"] != name) continue;
    std::vector<TornadoBar> bars;
    for (const Json& driver : drivers["drivers"]) {
      bars.push_back({driver["input"].get<std::string>(), NumberOr(driver, "outcome_when_low", 0),
                      NumberOr(driver, "outcome_when_high", 0),
                      NumberOr(driver, "rank_correlation", 0)});
    }
    if (bars.empty()) continue;
    charts.push_back({{"issue", name},
                      {"svg", TornadoChart("drivers of " + name + " (" +
                                               drivers["model"].get<std::string>() + ")",
                                           AxisOf(issue), NumberOr(drivers, "center", 0), bars)}});
  }
  return charts;
}

}  // namespace

Json RenderCharts(const Json& data) {
  const Json& scenario = data["scenario"];
  return Json{{"trajectories", TrajectoryCharts(data, scenario)},
              {"distributions", DistributionCharts(data, scenario)},
              {"plans", PlanCharts(data, scenario)},
              {"tornado", TornadoCharts(data, scenario)}};
}

namespace {

std::string Table(const std::vector<std::vector<std::string>>& rows, const std::string& id) {
  std::string out = "<table id=\"" + id + "\"><thead><tr>";
  for (const std::string& cell : rows.front()) out += "<th>" + EscapeXml(cell) + "</th>";
  out += "</tr></thead><tbody>";
  for (std::size_t r = 1; r < rows.size(); ++r) {
    out += "<tr>";
    for (const std::string& cell : rows[r]) out += "<td>" + EscapeXml(cell) + "</td>";
    out += "</tr>";
  }
  return out + "</tbody></table>";
}

std::string Figures(const Json& charts, const char* key) {
  std::string out;
  for (const Json& chart : charts[key]) {
    out += "<figure>" + chart["svg"].get<std::string>() + "</figure>";
  }
  return out;
}

const char kStyle[] = R"css(
body { font-family: sans-serif; margin: 24px auto; max-width: 1340px; color: #222; }
h1 { font-size: 22px; } h2 { font-size: 18px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
h3 { font-size: 15px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
figure { display: inline-block; margin: 6px; vertical-align: top; }
.note { color: #555; font-size: 13px; }
ul.sources li { font-size: 13px; margin: 2px 0; }
)css";

}  // namespace

std::string RenderReportHtml(const Json& data) {
  const Json& scenario = data["scenario"];
  const Json charts = RenderCharts(data);
  const std::string title = data.value("title", std::string("statecraft report"));
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">"
      "<title>" +
      EscapeXml(title) + "</title><style>" + kStyle + "</style></head><body>\n";
  html += "<h1>" + EscapeXml(title) + "</h1>\n";
  html += "<p class=\"note\">" + EscapeXml(scenario.value("description", std::string())) + "</p>\n";
  html += "<p class=\"note\">Written by " +
          EscapeXml(data.value("program_version", std::string("statecraft"))) +
          ". Every chart is drawn from the numbers below; nothing is fetched when this file is "
          "opened.</p>\n";

  if (data.contains("forecasts")) {
    html += "<h2 id=\"forecasts\">Forecast per model</h2>\n";
    bool unsettled = false;
    std::vector<std::vector<std::string>> rows = {{"issue"}};
    for (const Json& forecast : data["forecasts"]) {
      rows[0].push_back(forecast["model"].get<std::string>());
    }
    rows[0].push_back("status quo");
    rows[0].push_back("known outcome");
    for (const Json& issue : scenario["issues"]) {
      const std::string name = issue["name"].get<std::string>();
      std::vector<std::string> row = {name};
      for (const Json& forecast : data["forecasts"]) {
        std::string cell = FormatJsonNumber(forecast["outcome"][name]);
        // A forecast that depends on where the rounds stop is never shown as a plain point.
        if (forecast.contains("settlement") && !forecast["settlement"][name]["settled"]) {
          const Json& settlement = forecast["settlement"][name];
          cell += std::string(settlement["period"].is_null() ? " (moves " : " (cycles ") +
                  FormatJsonNumber(settlement["low"]) + "-" + FormatJsonNumber(settlement["high"]) +
                  ")";
          unsettled = true;
        }
        row.push_back(cell);
      }
      row.push_back(issue.contains("status_quo") ? FormatJsonNumber(issue["status_quo"]) : "-");
      row.push_back(issue.contains("known_outcome") ? FormatJsonNumber(issue["known_outcome"])
                                                    : "-");
      rows.push_back(row);
    }
    html += Table(rows, "forecast-table") +
            "<p class=\"note\">Outcome after decision rules, on each issue's scale." +
            (unsettled ? " <strong>Not settled:</strong> where a cell reads \"x (cycles a-b)\" "
                         "the model's rounds keep moving the outcome between a and b, so x "
                         "depends on where the rounds stop (x is the model's forecast under "
                         "its stopping rule)."
                       : std::string()) +
            "</p>\n";
  }
  if (!charts["trajectories"].empty()) {
    html +=
        "<h2 id=\"trajectories\">Positions over rounds</h2>\n"
        "<p class=\"note\">One line per actor; the dashed black line is the model's outcome "
        "in each round.</p>\n";
    std::string model;
    for (const Json& chart : charts["trajectories"]) {
      if (chart["model"] != model) {
        model = chart["model"].get<std::string>();
        html += "<h3>" + EscapeXml(model) + "</h3>\n";
      }
      html += "<figure>" + chart["svg"].get<std::string>() + "</figure>";
    }
    html += "\n";
  }
  if (!charts["distributions"].empty()) {
    html += "<h2 id=\"distributions\">Forecast distribution per model</h2>\n<p class=\"note\">" +
            std::to_string(data["distributions"].value("draws", 0)) +
            " Monte Carlo draws of every ranged input (seed " +
            std::to_string(data["distributions"].value("seed", 0)) +
            "); dots are single draws of the model's forecast. " +
            (data["distributions"].contains("model_error") &&
                     !data["distributions"]["model_error"].is_null()
                 ? "The quantiles and the what-if's probabilities also include each model's own "
                   "error on past decisions (" +
                       EscapeXml(data["distributions"]["model_error"].value("calibration",
                                                                            std::string())) +
                       "), so they are wider than the dots."
                 : std::string("Without model error: the spread of the inputs alone.")) +
            "</p>\n" + Figures(charts, "distributions") + "\n";
  }
  if (!charts["plans"].empty()) {
    html += "<h2 id=\"plans\">Baseline vs plans</h2>\n";
    std::vector<std::vector<std::string>> rows = {{"plan", "levers", "cost"}};
    for (const Json& plan : data["whatif"]["plans"]) {
      std::string levers;
      for (const Json& lever : plan["levers"]) {
        levers += (levers.empty() ? "" : ", ") + lever.value("lever", std::string()) + "=" +
                  FormatJsonNumber(lever["magnitude"]);
      }
      rows.push_back({plan["plan"].get<std::string>(), levers.empty() ? "-" : levers,
                      FormatJsonNumber(plan["cost"])});
    }
    html += Table(rows, "plans-table") + Figures(charts, "plans") + "\n";
  }
  if (!charts["tornado"].empty()) {
    html +=
        "<h2 id=\"drivers\">Drivers</h2>\n<p class=\"note\">Spearman rank correlation of "
        "each sampled input with the outcome; bars span the mean outcome when the input is "
        "in its lowest and in its highest fifth.</p>\n" +
        Figures(charts, "tornado") + "\n";
  }
  if (data.contains("backtest")) {
    html += "<h2 id=\"backtest\">Backtest against known outcomes</h2>\n";
    std::vector<std::vector<std::string>> rows = {
        {"model", "issue", "known", "predicted", "absolute error"}};
    for (const Json& model : data["backtest"]["models"]) {
      for (const Json& issue : model["issues"]) {
        rows.push_back({model["model"].get<std::string>(), issue["issue"].get<std::string>(),
                        FormatJsonNumber(issue["known"]), FormatJsonNumber(issue["predicted"]),
                        FormatJsonNumber(issue["error"])});
      }
      rows.push_back({model["model"].get<std::string>(), "mean", "", "",
                      FormatJsonNumber(model["mean_absolute_error"])});
    }
    html += Table(rows, "backtest-table");
  }
  html += "<h2 id=\"scenario\">Scenario</h2>\n";
  {
    std::vector<std::vector<std::string>> rows = {
        {"actor", "issue", "position", "range", "salience", "capability", "source"}};
    for (const Json& stake : scenario["stakes"]) {
      const Json& position = stake["position"];
      std::string range = "-";
      if (position.contains("low") && position.contains("high")) {
        range = FormatJsonNumber(position["low"]) + " - " + FormatJsonNumber(position["high"]);
      }
      rows.push_back({stake["actor"].get<std::string>(), stake["issue"].get<std::string>(),
                      FormatJsonNumber(position["central"]), range,
                      FormatJsonNumber(stake["salience"]["central"], 2),
                      FormatJsonNumber(stake["capability"]), stake.value("source", std::string())});
    }
    html += Table(rows, "stakes-table");
  }
  html += "<h2 id=\"sources\">Sources</h2>\n<ul class=\"sources\">";
  for (const Json& source : scenario["sources"]) {
    html += "<li>" + EscapeXml(source.get<std::string>()) + "</li>";
  }
  html += "</ul>\n</body></html>\n";
  return html;
}

}  // namespace statecraft

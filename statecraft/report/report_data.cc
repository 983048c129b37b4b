// The report's data: the scenario and its levers as the report shows them, the backtest of
// forecasts, and the parts of a saved run of any kind (the analyses of a scenario are run by the
// request layer, statecraft/app/report_command.cc).
#include <cmath>

#include "statecraft/analysis/sweep.h"
#include "statecraft/io/native_format.h"
#include "statecraft/report/html_report.h"

namespace statecraft {
namespace {

Json EstimateJson(const Estimate& estimate, double scale = 1.0) {
  Json out{{"central", estimate.central * scale}};
  if (estimate.low) out["low"] = *estimate.low * scale;
  if (estimate.high) out["high"] = *estimate.high * scale;
  if (!estimate.source.empty()) out["source"] = estimate.source;
  return out;
}

Json LeverJson(const Lever& lever) {
  Json out{{"name", lever.name}, {"description", lever.description}};
  if (!lever.unit.empty()) out["unit"] = lever.unit;
  out["magnitude"] = EstimateJson(lever.magnitude);
  out["cost_fixed"] = lever.fixed_cost;
  out["cost_per_unit"] = lever.cost_per_unit;
  out["cost_at_central"] = lever.Cost(lever.magnitude.central);
  if (!lever.excluded.empty()) out["excluded"] = lever.excluded;
  if (!lever.basis.empty()) out["basis"] = lever.basis;
  return out;
}

// The samples of one model on one issue in the report's distributions, or null.
const Json* SamplesOf(const Json* distributions, const std::string& model,
                      const std::string& issue) {
  if (distributions == nullptr || !distributions->contains("models")) return nullptr;
  const Json& models = (*distributions)["models"];
  if (!models.contains(model) || !models[model].contains(issue)) return nullptr;
  const Json& summary = models[model][issue];
  return summary.contains("samples") ? &summary["samples"] : nullptr;
}

}  // namespace

Json ScenarioToReportJson(const Scenario& scenario) {
  Json out;
  out["name"] = scenario.name;
  out["description"] = scenario.description;
  out["sources"] = scenario.sources;
  out["salience_scale"] = scenario.salience_scale;
  if (scenario.question) {
    out["question"] = {{"text", scenario.question->text},
                       {"target", scenario.question->target},
                       {"probability", scenario.question->probability}};
    if (scenario.question->budget) out["question"]["budget"] = *scenario.question->budget;
  }
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
    if (issue.decision_rule.kind == DecisionRule::Kind::kDeciders) {
      item["deciders"] = Json::array();
      for (int decider : issue.decision_rule.deciders) {
        item["deciders"].push_back(scenario.actors[decider].name);
      }
    }
    out["issues"].push_back(item);
  }
  out["stakes"] = Json::array();
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      if (!scenario.HasStake(actor, issue)) continue;
      const Stake& stake = scenario.StakeOf(actor, issue);
      // Saliences on the scale the analyst wrote them on (salience_scale).
      out["stakes"].push_back({{"actor", scenario.actors[actor].name},
                               {"issue", scenario.issues[issue].name},
                               {"position", EstimateJson(stake.position)},
                               {"salience", EstimateJson(stake.salience, scenario.salience_scale)},
                               {"capability", scenario.Capability(actor, issue)},
                               {"source", stake.source}});
    }
  }
  return out;
}

Json LeversToReportJson(const LeverSet& levers) {
  Json out{{"levers", Json::array()}, {"plans", Json::array()}};
  for (const Lever& lever : levers.levers) out["levers"].push_back(LeverJson(lever));
  for (const Plan& plan : levers.plans) {
    Json items = Json::array();
    for (const PlanItem& item : plan.items) {
      Json entry{{"lever", item.lever}};
      if (item.magnitude) entry["magnitude"] = *item.magnitude;
      items.push_back(entry);
    }
    out["plans"].push_back(
        {{"name", plan.name}, {"description", plan.description}, {"levers", items}});
  }
  if (!levers.counter.levers.empty()) {
    Json counter{{"owner", levers.counter.owner},
                 {"budget", levers.counter.budget},
                 {"description", levers.counter.description},
                 {"levers", Json::array()}};
    for (const Lever& lever : levers.counter.levers) counter["levers"].push_back(LeverJson(lever));
    out["counter_levers"] = counter;
  }
  return out;
}

Json BacktestOfForecasts(const Json& scenario, const Json& forecasts, const Json* distributions) {
  std::vector<const Json*> known;
  for (const Json& issue : scenario["issues"]) {
    if (issue.contains("known_outcome")) known.push_back(&issue);
  }
  if (known.empty()) return Json();
  Json models = Json::array();
  for (const Json& forecast : forecasts) {
    const std::string model = forecast.value("model", std::string());
    Json issues = Json::array();
    double total = 0.0;
    int count = 0;
    for (const Json* issue : known) {
      const std::string name = (*issue)["name"].get<std::string>();
      const Json& predicted = forecast["outcome"][name];
      if (!predicted.is_number()) continue;
      const double truth = (*issue)["known_outcome"].get<double>();
      const double error = std::fabs(predicted.get<double>() - truth);
      issues.push_back(
          {{"issue", name}, {"known", truth}, {"predicted", predicted}, {"error", error}});
      total += error;
      ++count;
    }
    if (count == 0) continue;
    Json entry{{"model", model}, {"mean_absolute_error", total / count}, {"issues", issues}};
    // The error's spread under input uncertainty: the mean absolute error of each draw, over the
    // same issues, and its 10 % and 90 % quantiles.
    std::vector<double> per_draw;
    bool complete = true;
    for (const Json& scored : issues) {
      const Json* samples = SamplesOf(distributions, model, scored["issue"].get<std::string>());
      if (samples == nullptr || samples->empty()) complete = false;
      if (!complete) break;
      if (per_draw.empty()) per_draw.assign(samples->size(), 0.0);
      if (samples->size() != per_draw.size()) complete = false;
      for (std::size_t draw = 0; complete && draw < samples->size(); ++draw) {
        const Json& value = (*samples)[draw];
        per_draw[draw] += value.is_number()
                              ? std::fabs(value.get<double>() - scored["known"].get<double>())
                              : std::nan("");
      }
    }
    if (complete && !per_draw.empty()) {
      std::vector<double> finite;
      for (double value : per_draw) {
        if (std::isfinite(value)) finite.push_back(value / static_cast<double>(issues.size()));
      }
      if (!finite.empty()) {
        entry["error_q10"] = Quantile(finite, 0.1);
        entry["error_q90"] = Quantile(finite, 0.9);
        entry["draws"] = finite.size();
      }
    }
    models.push_back(entry);
  }
  Json out{{"models", models}};
  // The naive forecast to beat: nothing changes (the status quo is the outcome).
  Json issues = Json::array();
  double total = 0.0;
  for (const Json* issue : known) {
    if (!issue->contains("status_quo")) continue;
    const double error =
        std::fabs((*issue)["status_quo"].get<double>() - (*issue)["known_outcome"].get<double>());
    issues.push_back({{"issue", (*issue)["name"]},
                      {"known", (*issue)["known_outcome"]},
                      {"predicted", (*issue)["status_quo"]},
                      {"error", error}});
    total += error;
  }
  if (!issues.empty()) {
    out["status_quo"] = {{"model", "status quo (no change)"},
                         {"mean_absolute_error", total / static_cast<double>(issues.size())},
                         {"issues", issues}};
  }
  return models.empty() && !out.contains("status_quo") ? Json() : out;
}

Json ReportDataFromStoredRun(const std::string& kind, const std::string& scenario_json,
                             const Json& result, const std::string& program_version,
                             const Json& plan) {
  const Scenario scenario = ParseNativeScenario(scenario_json, "stored scenario");
  Json data;
  data["kind"] = kind;
  data["title"] = scenario.name;
  data["program_version"] = program_version;
  data["scenario"] = ScenarioToReportJson(scenario);
  if ((kind == "run" || kind == "compare") && plan.is_array() && !plan.empty()) {
    data["plan"] = plan;
  }
  if (kind == "run") data["forecasts"] = Json::array({result});
  if (kind == "compare" && result.contains("models")) data["forecasts"] = result["models"];
  if (kind == "whatif") data["whatif"] = result;
  if (kind == "optimize") data["optimize"] = result;
  if (kind == "answer") data["answer"] = result;
  if (kind == "sweep") {
    // One model's sweep, or {"models": [...]} for several.
    const Json items = result.contains("models") ? result["models"] : Json::array({result});
    Json models = Json::object();
    Json summary = Json::array();
    // Each sweep's own model error, gathered as the other runs hold it: {calibration, source,
    // "models": {model: {entry, fitted_on_scenario, issues}}}.
    Json model_error;
    for (const Json& item : items) {
      if (!item.contains("issues")) continue;
      const std::string model = item.value("model", std::string("model"));
      models[model] = item["issues"];
      const Json& error = item.value("model_error", Json());
      if (error.is_object()) {
        if (model_error.is_null()) {
          model_error = {{"calibration", error.value("calibration", std::string())},
                         {"source", error.value("source", std::string())},
                         {"models", Json::object()}};
        }
        Json size = nullptr;
        if (error.contains("issues")) {
          size = {{"entry", error.value("entry", std::string())},
                  {"fitted_on_scenario", error.value("fitted_on_scenario", false)},
                  {"issues", error["issues"]}};
        }
        model_error["models"][model] = size;
      }
      Json entry{{"model", model}, {"draws", item.value("draws", 0)}};
      for (const char* key : {"plan", "target", "probability", "deals_struck_share"}) {
        if (item.contains(key)) entry[key] = item[key];
      }
      summary.push_back(entry);
    }
    if (!models.empty()) {
      const Json& first = items.front();
      data["distributions"] = {{"draws", first.value("draws", 0)},
                               {"seed", first.value("seed", 0)},
                               {"model_error", model_error},
                               {"models", models},
                               {"summary", summary}};
      if (first.contains("drivers") && scenario.IssueCount() > 0) {
        // The target's issue when the sweep had one, else the first issue.
        std::string issue = scenario.issues[0].name;
        if (first.contains("target") && first["target"].is_string()) {
          issue =
              scenario.issues[ParseTarget(scenario, first["target"].get<std::string>()).issue].name;
        }
        data["drivers"] = {{"model", first.value("model", std::string("model"))},
                           {"plan", first.value("plan", std::string("baseline"))},
                           {"draws", first.value("draws", 0)},
                           {"issue", issue},
                           {"center", first["issues"][issue].value("median", 0.0)},
                           {"drivers", first["drivers"].value(issue, Json::array())}};
      }
    }
  }
  if (data.contains("forecasts")) {
    const Json backtest = BacktestOfForecasts(data["scenario"], data["forecasts"], nullptr);
    if (!backtest.is_null()) data["backtest"] = backtest;
  }
  return data;
}

}  // namespace statecraft

#include "statecraft/io/json_output.h"

#include <cmath>

namespace statecraft {

Json DetailToJson(const Detail& detail) {
  if (detail.IsBool()) return detail.AsBool();
  if (detail.IsInteger()) return detail.AsInteger();
  if (detail.IsNumber()) {
    const double value = detail.AsNumber();
    if (!std::isfinite(value)) return nullptr;
    return value;
  }
  if (detail.IsString()) return detail.AsString();
  if (detail.IsList()) {
    Json list = Json::array();
    for (const Detail& item : detail.AsList()) list.push_back(DetailToJson(item));
    return list;
  }
  if (detail.IsObject()) {
    Json object = Json::object();
    for (const auto& [key, value] : detail.AsObject()) object[key] = DetailToJson(value);
    return object;
  }
  return nullptr;
}

Json IssueValuesToJson(const Scenario& scenario, const std::vector<double>& values) {
  Json object = Json::object();
  for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
    const double value = values[issue];
    object[scenario.issues[issue].name] = std::isfinite(value) ? Json(value) : Json(nullptr);
  }
  return object;
}

Json ForecastToJson(const Scenario& scenario, const Forecast& forecast) {
  Json out;
  out["model"] = forecast.model;
  out["params"] = DetailToJson(forecast.params.ToDetail());
  out["seed"] = forecast.seed;
  out["actors"] = Json::array();
  for (const Actor& actor : scenario.actors) out["actors"].push_back(actor.name);
  out["issues"] = Json::array();
  for (const Issue& issue : scenario.issues) out["issues"].push_back(issue.name);
  out["outcome"] = IssueValuesToJson(
      scenario, forecast.ruled_outcome.empty() ? forecast.outcome : forecast.ruled_outcome);
  out["unconstrained_outcome"] = IssueValuesToJson(scenario, forecast.outcome);
  if (!forecast.settlement.empty()) {
    Json settlement = Json::object();
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      const Settlement& item = forecast.settlement[issue];
      settlement[scenario.issues[issue].name] = {
          {"settled", item.settled},
          {"low", item.low},
          {"high", item.high},
          {"period", item.period > 0 ? Json(item.period) : Json(nullptr)}};
    }
    out["settlement"] = settlement;
  }
  Json rounds = Json::array();
  const int issue_count = scenario.IssueCount();
  for (std::size_t t = 0; t < forecast.rounds.size(); ++t) {
    const Round& round = forecast.rounds[t];
    Json item;
    item["round"] = t;
    Json positions = Json::object();
    for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
      Json per_issue = Json::object();
      for (int issue = 0; issue < issue_count; ++issue) {
        const double position = round.positions[actor * issue_count + issue];
        if (!std::isnan(position)) per_issue[scenario.issues[issue].name] = position;
      }
      positions[scenario.actors[actor].name] = per_issue;
    }
    item["positions"] = positions;
    item["outcome"] = IssueValuesToJson(scenario, round.outcome);
    if (round.detail.IsObject()) {
      for (const auto& [key, value] : round.detail.AsObject()) item[key] = DetailToJson(value);
    }
    rounds.push_back(item);
  }
  out["rounds"] = rounds;
  if (forecast.detail.IsObject()) {
    for (const auto& [key, value] : forecast.detail.AsObject()) out[key] = DetailToJson(value);
  }
  return out;
}

}  // namespace statecraft

// The tables of `run` and `compare` (result_tables.h), from the forecasts' JSON
// (io/json_output.h: ForecastToJson).
#include <sstream>

#include "cli/common.h"
#include "cli/result_tables.h"
#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"

namespace statecraft::cli {
namespace {

// A resolved parameter as the user would type it: "10", "0.5", "true", "global".
std::string ParamText(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return NumberText(value.get<double>());
  return value.dump();
}

std::string OutcomeText(const Json& forecast, const std::string& key, const std::string& issue) {
  return FormatNumber(NumberOf(At(At(forecast, key), issue))) +
         SettlementMarkOf(forecast.value("settlement", Json()), issue);
}

std::string StatusQuo(const Issue& issue) {
  return issue.reference_point ? FormatNumber(issue.reference_point->central) : "-";
}

std::string Known(const Issue& issue) {
  return issue.known_outcome ? FormatNumber(issue.known_outcome->central) : "-";
}

// The outcomes of each issue in `forecasts` (after the decision rules), for AnchorNote.
std::vector<std::vector<double>> ShownOutcomes(const Scenario& scenario,
                                               const std::vector<const Json*>& forecasts) {
  std::vector<std::vector<double>> shown(scenario.issues.size());
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    for (const Json* forecast : forecasts) {
      shown[i].push_back(NumberOf(At(At(*forecast, "outcome"), scenario.issues[i].name)));
    }
  }
  return shown;
}

void AddAnchorNote(ResultDocument& document, const Scenario& scenario,
                   const std::vector<const Json*>& forecasts) {
  if (const std::string note = AnchorNote(scenario, ShownOutcomes(scenario, forecasts));
      !note.empty()) {
    document.Text("\n" + note);
  }
}

}  // namespace

ResultDocument RunDocument(const Scenario& scenario, const Json& result) {
  ResultDocument document;
  std::ostringstream head;
  head << "model: " << At(result, "model").get<std::string>();
  for (const auto& [name, value] : At(result, "params").items()) {
    head << "  " << name << "=" << ParamText(value);
  }
  const Json& rounds = At(result, "rounds");
  if (!rounds.is_array() || rounds.empty()) throw InputError("the run's result holds no rounds");
  head << "\nscenario: " << scenario.name << "\nrounds: " << rounds.size() - 1 << "\n\n";
  document.Text(head.str());
  TextTable rows = {
      {"issue", kOutcomeAfterRules, kModelBeforeRules, "status quo", "known outcome"}};
  for (const Issue& issue : scenario.issues) {
    rows.push_back({issue.name, OutcomeText(result, "outcome", issue.name),
                    OutcomeText(result, "unconstrained_outcome", issue.name), StatusQuo(issue),
                    Known(issue)});
  }
  document.Table(rows, {kIssueMeaning, kOutcomeAfterRulesMeaning, kModelBeforeRulesMeaning,
                        kStatusQuoMeaning, kKnownOutcomeMeaning});
  const Json settlement = result.value("settlement", Json());
  if (const std::string note =
          SettlementNoteOf({{At(result, "model").get<std::string>(), &settlement}});
      !note.empty()) {
    document.Text(note + "\n");
  }
  AddAnchorNote(document, scenario, {&result});
  document.Text("\nfinal positions\n");
  TextTable positions = {{"actor"}};
  std::vector<std::string> position_meanings = {"the actor"};
  for (const Issue& issue : scenario.issues) {
    positions[0].push_back(issue.name);
    position_meanings.push_back(
        "where the actor stands on the issue after the last round ('-': no stake in it)");
  }
  const Json& last = At(rounds.back(), "positions");
  for (const Actor& actor : scenario.actors) {
    std::vector<std::string> row = {actor.name};
    const Json& held = At(last, actor.name);
    for (const Issue& issue : scenario.issues) {
      row.push_back(FormatNumber(held.contains(issue.name) ? NumberOf(At(held, issue.name))
                                                           : NumberOf(Json())));
    }
    positions.push_back(row);
  }
  document.Table(positions, position_meanings);

  // The trajectory: one row per round, actor and issue; each round's outcome under "_outcome".
  document.csv.header = {"round", "actor", "issue", "position"};
  for (const Json& round : rounds) {
    const Json& at = At(round, "positions");
    for (const Actor& actor : scenario.actors) {
      if (!at.contains(actor.name)) continue;
      for (const Issue& issue : scenario.issues) {
        if (!At(at, actor.name).contains(issue.name)) continue;
        document.csv.rows.push_back(
            {At(round, "round"), actor.name, issue.name, At(At(at, actor.name), issue.name)});
      }
    }
    for (const Issue& issue : scenario.issues) {
      document.csv.rows.push_back(
          {At(round, "round"), "_outcome", issue.name, At(At(round, "outcome"), issue.name)});
    }
  }
  return document;
}

ResultDocument CompareDocument(const Scenario& scenario, const Json& result) {
  ResultDocument document;
  const Json& models = At(result, "models");
  TextTable rows = {{"issue"}};
  std::vector<std::string> meanings = {kIssueMeaning};
  document.csv.header = {"issue"};
  for (const Json& forecast : models) {
    const std::string model = At(forecast, "model").get<std::string>();
    rows[0].push_back(model);
    meanings.push_back("the outcome each model forecasts, after decision rules");
    document.csv.header.push_back(model);
  }
  rows[0].push_back("status quo");
  rows[0].push_back("known");
  meanings.push_back(kStatusQuoMeaning);
  meanings.push_back(kKnownOutcomeMeaning);
  document.csv.header.push_back("status_quo");
  document.csv.header.push_back("known_outcome");
  for (const Issue& issue : scenario.issues) {
    std::vector<std::string> row = {issue.name};
    std::vector<Json> values = {issue.name};
    for (const Json& forecast : models) {
      row.push_back(OutcomeText(forecast, "outcome", issue.name));
      values.push_back(At(At(forecast, "outcome"), issue.name));
    }
    row.push_back(StatusQuo(issue));
    row.push_back(Known(issue));
    values.push_back(issue.reference_point ? Json(issue.reference_point->central) : Json());
    values.push_back(issue.known_outcome ? Json(issue.known_outcome->central) : Json());
    rows.push_back(row);
    document.csv.rows.push_back(values);
  }
  document.Text("scenario: " + scenario.name + "\noutcome of each model after decision rules\n\n");
  document.Table(rows, meanings);
  std::vector<Json> settlements;
  settlements.reserve(models.size());
  std::vector<std::pair<std::string, const Json*>> shown;
  for (const Json& forecast : models) settlements.push_back(forecast.value("settlement", Json()));
  for (std::size_t m = 0; m < models.size(); ++m) {
    shown.emplace_back(At(models[m], "model").get<std::string>(), &settlements[m]);
  }
  if (const std::string note = SettlementNoteOf(shown); !note.empty()) document.Text(note + "\n");
  std::vector<const Json*> forecasts;
  for (const Json& forecast : models) forecasts.push_back(&forecast);
  AddAnchorNote(document, scenario, forecasts);
  return document;
}

}  // namespace statecraft::cli

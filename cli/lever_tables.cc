// The tables of `whatif`, `sweep` and `optimize` (result_tables.h), from their JSON
// (app/lever_json.h).
#include <sstream>

#include "cli/common.h"
#include "cli/lever_options.h"
#include "cli/result_tables.h"
#include "statecraft/analysis/target.h"
#include "statecraft/core/error.h"

namespace statecraft::cli {
namespace {

std::string PercentOf(const Json& probability) { return FormatPercent(NumberOf(probability)); }

// The value of a JSON number for a CSV row (null stays null).
Json Value(const Json& number) { return number.is_number() ? number : Json(); }

void AddWhatifDeals(ResultDocument& document, const Json& plans) {
  bool header = false;
  for (const Json& item : plans) {
    if (!item.contains("deals")) continue;
    const Json& models = At(item, "models");
    const bool offered = !models.empty() && models.begin()->contains("deals_struck_share");
    for (const Json& deal : At(item, "deals")) {
      if (!header) document.Text("\ndeals (central values):\n");
      header = true;
      document.Text("  " + At(item, "plan").get<std::string>() + ": " +
                    At(deal, "lever").get<std::string>() + " " +
                    At(deal, "reason").get<std::string>() + "\n");
      if (offered) {
        document.Text("    struck in " + PercentOf(At((*models.begin()), "deals_struck_share")) +
                      " of the draws\n");
      }
    }
  }
}

ResultDocument OneSweepDocument(const Scenario& scenario, const Json& result,
                                const std::string& driver_issue_name) {
  ResultDocument document;
  std::ostringstream head;
  head << "scenario: " << scenario.name << "\nmodel: " << At(result, "model").get<std::string>()
       << ", plan: " << At(result, "plan").get<std::string>() << " ("
       << DescribeLeverJson(At(result, "levers")) << "), "
       << At(result, "draws").get<std::int64_t>() << " draws ("
       << At(result, "distribution").get<std::string>() << "), seed "
       << At(result, "seed").get<std::uint64_t>() << "\n"
       << ModelErrorNoteOf(At(result, "model_error")) << "\n\n";
  document.Text(head.str());
  TextTable rows = {{"issue", "10%", "median", "90%", "mean", "median before rules"}};
  document.csv.header = {"issue", "q10",     "median",     "q90",
                         "mean",  "own_q10", "own_median", "own_q90"};
  const Json& issues = At(result, "issues");
  for (const Issue& issue : scenario.issues) {
    const Json& ruled = At(issues, issue.name);
    const Json& own = At(ruled, "unconstrained");
    rows.push_back(
        {issue.name, FormatNumber(NumberOf(At(ruled, "q10"))),
         FormatNumber(NumberOf(At(ruled, "median"))), FormatNumber(NumberOf(At(ruled, "q90"))),
         FormatNumber(NumberOf(At(ruled, "mean"))), FormatNumber(NumberOf(At(own, "median")))});
    document.csv.rows.push_back({issue.name, Value(At(ruled, "q10")), Value(At(ruled, "median")),
                                 Value(At(ruled, "q90")), Value(At(ruled, "mean")),
                                 Value(At(own, "q10")), Value(At(own, "median")),
                                 Value(At(own, "q90"))});
  }
  document.Table(
      rows,
      {kIssueMeaning,
       "the outcome after decision rules that one draw in ten ends at or below (the low end)",
       "the outcome after decision rules that half the draws end at or below",
       "the outcome after decision rules that one draw in ten ends at or above (the high end)",
       "the average outcome after decision rules over the draws",
       "the median of the model's own forecast, before any decision rule"});
  std::vector<std::vector<double>> medians;
  for (const Issue& issue : scenario.issues) {
    medians.push_back({NumberOf(At(At(issues, issue.name), "median"))});
  }
  if (const std::string note = AnchorNote(scenario, medians); !note.empty()) {
    document.Text("\n" + note);
  }
  std::string driver_issue = driver_issue_name;
  if (result.contains("target")) {
    const std::string target = At(result, "target").get<std::string>();
    document.Text("\nP(" + target + ") = " + PercentOf(At(result, "probability")) + "\n");
    if (driver_issue.empty()) {
      driver_issue = scenario.issues[ParseTarget(scenario, target).issue].name;
    }
  }
  if (driver_issue.empty()) driver_issue = scenario.issues.front().name;
  if (result.contains("deals_struck_share")) {
    document.Text("deals struck in " + PercentOf(At(result, "deals_struck_share")) +
                  " of the draws\n");
  }
  document.Text("\ndrivers of " + driver_issue +
                " (Spearman rank correlation with the outcome; mean outcome when the input is in"
                " its lowest / highest fifth)\n");
  TextTable tornado = {{"input", "rho", "low fifth", "high fifth"}};
  for (const Json& driver : At(At(result, "drivers"), driver_issue)) {
    tornado.push_back({At(driver, "input").get<std::string>(),
                       FormatNumber(NumberOf(At(driver, "rank_correlation")), 2),
                       FormatNumber(NumberOf(At(driver, "outcome_when_low"))),
                       FormatNumber(NumberOf(At(driver, "outcome_when_high")))});
  }
  document.Table(
      tornado,
      {"an uncertain input the draws vary: an actor's position, salience or capability, a status "
       "quo (reference point), a lever's magnitude",
       "how closely the outcome follows the input, from -1 to 1: near 1, a higher input goes with "
       "a higher outcome; near -1, with a lower one; near 0, the input hardly matters",
       "the mean outcome over the draws where this input was in its lowest fifth",
       "the mean outcome over the draws where this input was in its highest fifth"});
  return document;
}

std::string CounterText(const Json& evaluation) {
  if (!evaluation.contains("probability_with_counter_levers")) return "-";
  if (At(evaluation, "best_counter_levers").empty()) return "none helps";
  return DescribeLeverJson(At(evaluation, "best_counter_levers"));
}

// A probability with its Monte Carlo standard error in percentage points, "85% ± 2.5" (runs
// saved before the error was recorded show the probability alone).
std::string WithErrorOf(const Json& evaluation, const std::string& key) {
  const std::string text = PercentOf(At(evaluation, key));
  if (!evaluation.contains(key + "_error")) return text;
  return text + " ± " + FormatNumber(100.0 * NumberOf(At(evaluation, key + "_error")));
}

void AddEvaluations(ResultDocument& document, const std::string& title, const std::string& role,
                    const std::string& target, const Json& evaluations) {
  TextTable rows = {
      {title, "cost", "median", "P without counter", "P with counter", "best counter"}};
  const std::vector<std::string> meanings = {
      "the plan's levers and their magnitudes",
      "what the plan costs, in the units of the scenario's lever costs (and of --budget)",
      "the median outcome on " + target.substr(0, target.find_first_of("<>")) +
          " with the plan, after decision rules",
      "the chance of " + target +
          " with the plan if the opponent does nothing; ± the Monte Carlo standard error, in "
          "percentage points",
      "the chance of " + target +
          " with the plan once the opponent plays its best counter-plan ('-': no counter "
          "weighed)",
      "the opponent's counter-plan that lowers that chance the most ('none helps': none lowers "
      "it)"};
  for (const Json& evaluation : evaluations) {
    const bool countered = evaluation.contains("probability_with_counter_levers");
    rows.push_back({DescribeLeverJson(At(evaluation, "levers")),
                    FormatNumber(NumberOf(At(evaluation, "cost"))),
                    FormatNumber(NumberOf(At(evaluation, "median"))),
                    WithErrorOf(evaluation, "probability"),
                    countered ? WithErrorOf(evaluation, "probability_with_counter_levers") : "-",
                    CounterText(evaluation)});
    // The cheapest plan, the runners-up and the closest plans share one CSV table.
    document.csv.rows.push_back(
        {role, DescribeLeverJson(At(evaluation, "levers")), Value(At(evaluation, "cost")),
         Value(At(evaluation, "median")), Value(At(evaluation, "probability")),
         countered ? Value(At(evaluation, "probability_with_counter_levers")) : Json(),
         countered ? Json(CounterText(evaluation)) : Json(),
         evaluation.value("meets_target", false), evaluation.value("probability_error", Json()),
         evaluation.value("probability_with_counter_levers_error", Json())});
  }
  document.Table(rows, meanings);
}

// The medians on the target's issue of the evaluations, for AnchorNote.
void AddTargetAnchors(ResultDocument& document, const Scenario& scenario, const std::string& target,
                      const std::vector<const Json*>& evaluations) {
  std::vector<std::vector<double>> shown(scenario.issues.size());
  const int issue = ParseTarget(scenario, target).issue;
  for (const Json* evaluation : evaluations) {
    shown[issue].push_back(NumberOf(At(*evaluation, "median")));
  }
  if (const std::string note = AnchorNote(scenario, shown); !note.empty()) {
    document.Text("\n" + note);
  }
}

}  // namespace

ResultDocument WhatifDocument(const Scenario& scenario, const Json& result) {
  ResultDocument document;
  std::ostringstream head;
  head << "scenario: " << scenario.name << "\n"
       << At(result, "draws").get<std::int64_t>() << " draws ("
       << At(result, "distribution").get<std::string>() << "), seed "
       << At(result, "seed").get<std::uint64_t>()
       << "; outcome after decision rules: median [10%, 90%]\n"
       << ModelErrorNoteOf(At(result, "model_error")) << "\n";
  if (result.contains("counter_levers")) {
    head << "counter-levers in every case: " << DescribeLeverJson(At(result, "counter_levers"))
         << "\n";
  }
  head << "\n";
  document.Text(head.str());
  const bool has_target = result.contains("target");
  TextTable rows = {{"plan", "model", "cost"}};
  std::vector<std::string> meanings = {
      "the levers applied, with their magnitudes ('baseline': none)", "the model that forecasts",
      "what the plan costs, in the units of the scenario's lever costs"};
  document.csv.header = {"plan", "model", "cost", "issue", "median", "q10", "q90", "mean"};
  for (const Issue& issue : scenario.issues) {
    rows[0].push_back(issue.name);
    meanings.push_back(
        "the outcome on the issue after decision rules, over the draws: median [10%, 90%], the "
        "middle draw and, in brackets, the values one draw in ten ends below and one in ten "
        "above");
  }
  if (has_target) {
    const std::string target = At(result, "target").get<std::string>();
    const std::string probability = "P(" + target + ")";
    rows[0].push_back(probability);
    meanings.push_back("the chance of " + target + ": the share of draws that end so");
    document.csv.header.push_back(probability);
  }
  std::vector<std::vector<double>> medians(scenario.issues.size());
  std::vector<std::pair<std::string, const Json*>> central;
  const Json& plans = At(result, "plans");
  for (const Json& item : plans) {
    const std::string plan = At(item, "plan").get<std::string>();
    for (const auto& [model, cell] : At(item, "models").items()) {
      std::vector<std::string> row = {plan, model, FormatNumber(NumberOf(At(item, "cost")))};
      const Json* settlement = cell.contains("settlement") ? &At(cell, "settlement") : nullptr;
      central.emplace_back(model, settlement);
      for (const Issue& issue : scenario.issues) {
        const Json& quantiles = At(At(cell, "issues"), issue.name);
        medians[&issue - scenario.issues.data()].push_back(NumberOf(At(quantiles, "median")));
        row.push_back(FormatIntervalOf(quantiles) +
                      (settlement ? SettlementMarkOf(*settlement, issue.name) : ""));
        std::vector<Json> values = {plan,
                                    model,
                                    Value(At(item, "cost")),
                                    issue.name,
                                    Value(At(quantiles, "median")),
                                    Value(At(quantiles, "q10")),
                                    Value(At(quantiles, "q90")),
                                    Value(At(quantiles, "mean"))};
        if (has_target) values.push_back(Value(cell.value("probability", Json())));
        document.csv.rows.push_back(values);
      }
      if (cell.contains("probability")) row.push_back(PercentOf(At(cell, "probability")));
      rows.push_back(row);
    }
  }
  document.Table(rows, meanings);
  if (const std::string note = SettlementNoteOf(central); !note.empty()) {
    document.Text(note + " (marked at central values)\n");
  }
  if (const std::string note = AnchorNote(scenario, medians); !note.empty()) {
    document.Text("\n" + note);
  }
  AddWhatifDeals(document, plans);
  return document;
}

ResultDocument SweepDocument(const Scenario& scenario, const Json& result,
                             const std::string& driver_issue) {
  if (!result.contains("models")) return OneSweepDocument(scenario, result, driver_issue);
  // A sweep of several models (saved by the web UI or the Python module): one section each; the
  // CSV table holds every model's rows, the model first.
  ResultDocument document;
  for (const Json& item : At(result, "models")) {
    ResultDocument one = OneSweepDocument(scenario, item, driver_issue);
    if (!document.blocks.empty()) document.Text("\n");
    for (auto& block : one.blocks) document.blocks.push_back(std::move(block));
    if (document.csv.header.empty()) {
      document.csv.header = one.csv.header;
      document.csv.header.insert(document.csv.header.begin(), "model");
    }
    for (auto& row : one.csv.rows) {
      row.insert(row.begin(), At(item, "model"));
      document.csv.rows.push_back(std::move(row));
    }
  }
  return document;
}

ResultDocument OptimizeDocument(const Scenario& scenario, const Json& result) {
  ResultDocument document;
  std::ostringstream head;
  head << "scenario: " << scenario.name << "\nmodels:";
  for (const Json& model : At(result, "models")) head << " " << model.get<std::string>();
  head << "; " << At(result, "draws").get<std::int64_t>() << " draws, seed "
       << At(result, "seed").get<std::uint64_t>() << "\n";
  const std::string opponent = result.value("opponent", std::string());
  head << "target: " << At(result, "target").get<std::string>()
       << " with probability >= " << PercentOf(At(result, "required_probability"))
       << (result.contains("budget") ? ", budget " + FormatNumber(NumberOf(At(result, "budget")))
                                     : std::string())
       << "; " << At(result, "candidates").get<std::int64_t>() << " plans within budget, "
       << At(result, "evaluated").get<std::int64_t>() << " weighed, "
       << At(result, "counter_plans").get<std::int64_t>() << " counter-plans"
       << (opponent.empty() ? "" : " of " + opponent) << "\n";
  // Runs saved before the sequential search carry no search keys: say nothing about it then.
  if (result.contains("search")) {
    const bool exhaustive = At(result, "search") == "exhaustive";
    head << "search: " << At(result, "search").get<std::string>() << ", "
         << At(result, "draws_spent").get<std::int64_t>() << " draws spent";
    if (!exhaustive) {
      head << ", " << At(result, "draws_saved").get<std::int64_t>()
           << " saved against the exhaustive search";
      if (const std::int64_t pruned = result.value("pruned", std::int64_t{0}); pruned > 0) {
        head << "; " << pruned << " dearer supersets not weighed";
      }
    }
    head << "\n";
  }
  head << "probabilities " << ModelErrorNoteOf(At(result, "model_error"))
       << "; ± their Monte Carlo standard error in points\n";
  head << "baseline probability: " << PercentOf(At(result, "baseline_probability")) << "\n\n";
  document.Text(head.str());
  document.csv.header = {"role",
                         "levers",
                         "cost",
                         "median",
                         "probability",
                         "probability_with_counter_levers",
                         "best_counter",
                         "meets_target",
                         "probability_error",
                         "probability_with_counter_levers_error"};
  const std::string target = At(result, "target").get<std::string>();
  if (!At(result, "best").is_null()) {
    AddEvaluations(document, "cheapest plan", "cheapest", target,
                   Json::array({At(result, "best")}));
    std::vector<const Json*> shown = {&At(result, "best")};
    if (!At(result, "runners_up").empty()) {
      document.Text("\n");
      AddEvaluations(document, "runners-up", "runner-up", target, At(result, "runners_up"));
      for (const Json& evaluation : At(result, "runners_up")) shown.push_back(&evaluation);
    }
    AddTargetAnchors(document, scenario, target, shown);
    return document;
  }
  // Whether the models' own error was counted decides how the finding is worded.
  document.Text(std::string("no plan meets the target") +
                (At(result, "model_error").is_object()
                     ? " once the models' own error is counted (a finding, not a failure: "
                       "--model-error off gives the inputs' spread alone)"
                     : "") +
                "; the closest:\n");
  const Json& closest = At(result, "closest");
  AddEvaluations(document, "plan", "closest", target, closest.is_array() ? closest : Json::array());
  std::vector<const Json*> shown;
  if (closest.is_array()) {
    for (const Json& evaluation : closest) shown.push_back(&evaluation);
  }
  AddTargetAnchors(document, scenario, target, shown);
  return document;
}

}  // namespace statecraft::cli

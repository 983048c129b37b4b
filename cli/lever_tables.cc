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
    const Json& models = item["models"];
    const bool offered = !models.empty() && models.begin()->contains("deals_struck_share");
    for (const Json& deal : item["deals"]) {
      if (!header) document.Text("\ndeals (central values):\n");
      header = true;
      document.Text("  " + item["plan"].get<std::string>() + ": " +
                    deal["lever"].get<std::string>() + " " + deal["reason"].get<std::string>() +
                    "\n");
      if (offered) {
        document.Text("    struck in " + PercentOf((*models.begin())["deals_struck_share"]) +
                      " of the draws\n");
      }
    }
  }
}

ResultDocument OneSweepDocument(const Scenario& scenario, const Json& result,
                                const std::string& driver_issue_name) {
  ResultDocument document;
  std::ostringstream head;
  head << "scenario: " << scenario.name << "\nmodel: " << result["model"].get<std::string>()
       << ", plan: " << result["plan"].get<std::string>() << " ("
       << DescribeLeverJson(result["levers"]) << "), " << result["draws"].get<std::int64_t>()
       << " draws (" << result["distribution"].get<std::string>() << "), seed "
       << result["seed"].get<std::uint64_t>() << "\n"
       << ModelErrorNoteOf(result["model_error"]) << "\n\n";
  document.Text(head.str());
  TextTable rows = {{"issue", "10%", "median", "90%", "mean", "model's own median"}};
  document.csv.header = {"issue",          "q10",          "median", "q90", "mean",
                         "own_q10",        "own_median",   "own_q90"};
  const Json& issues = result["issues"];
  for (const Issue& issue : scenario.issues) {
    const Json& ruled = issues[issue.name];
    const Json& own = ruled["unconstrained"];
    rows.push_back({issue.name, FormatNumber(NumberOf(ruled["q10"])),
                    FormatNumber(NumberOf(ruled["median"])), FormatNumber(NumberOf(ruled["q90"])),
                    FormatNumber(NumberOf(ruled["mean"])), FormatNumber(NumberOf(own["median"]))});
    document.csv.rows.push_back({issue.name, Value(ruled["q10"]), Value(ruled["median"]),
                                 Value(ruled["q90"]), Value(ruled["mean"]), Value(own["q10"]),
                                 Value(own["median"]), Value(own["q90"])});
  }
  document.Table(rows);
  std::string driver_issue = driver_issue_name;
  if (result.contains("target")) {
    const std::string target = result["target"].get<std::string>();
    document.Text("\nP(" + target + ") = " + PercentOf(result["probability"]) + "\n");
    if (driver_issue.empty()) {
      driver_issue = scenario.issues[ParseTarget(scenario, target).issue].name;
    }
  }
  if (driver_issue.empty()) driver_issue = scenario.issues.front().name;
  if (result.contains("deals_struck_share")) {
    document.Text("deals struck in " + PercentOf(result["deals_struck_share"]) +
                  " of the draws\n");
  }
  document.Text("\ndrivers of " + driver_issue +
                " (Spearman rank correlation with the outcome; mean outcome when the input is in"
                " its lowest / highest fifth)\n");
  TextTable tornado = {{"input", "rho", "low fifth", "high fifth"}};
  for (const Json& driver : result["drivers"][driver_issue]) {
    tornado.push_back({driver["input"].get<std::string>(),
                       FormatNumber(NumberOf(driver["rank_correlation"]), 2),
                       FormatNumber(NumberOf(driver["outcome_when_low"])),
                       FormatNumber(NumberOf(driver["outcome_when_high"]))});
  }
  document.Table(tornado);
  return document;
}

std::string CounterText(const Json& evaluation) {
  if (!evaluation.contains("probability_with_counter_levers")) return "-";
  if (evaluation["best_counter_levers"].empty()) return "none helps";
  return DescribeLeverJson(evaluation["best_counter_levers"]);
}

void AddEvaluations(ResultDocument& document, const std::string& title, const std::string& role,
                    const Json& evaluations) {
  TextTable rows = {
      {title, "cost", "median", "P without counter", "P with counter", "best counter"}};
  for (const Json& evaluation : evaluations) {
    const bool countered = evaluation.contains("probability_with_counter_levers");
    rows.push_back({DescribeLeverJson(evaluation["levers"]),
                    FormatNumber(NumberOf(evaluation["cost"])),
                    FormatNumber(NumberOf(evaluation["median"])),
                    PercentOf(evaluation["probability"]),
                    countered ? PercentOf(evaluation["probability_with_counter_levers"]) : "-",
                    CounterText(evaluation)});
    // The cheapest plan, the runners-up and the closest plans share one CSV table.
    document.csv.rows.push_back(
        {role, DescribeLeverJson(evaluation["levers"]),
         Value(evaluation["cost"]), Value(evaluation["median"]), Value(evaluation["probability"]),
         countered ? Value(evaluation["probability_with_counter_levers"]) : Json(),
         countered ? Json(CounterText(evaluation)) : Json(),
         evaluation.value("meets_target", false)});
  }
  document.Table(rows);
}

}  // namespace

ResultDocument WhatifDocument(const Scenario& scenario, const Json& result) {
  ResultDocument document;
  std::ostringstream head;
  head << "scenario: " << scenario.name << "\n"
       << result["draws"].get<std::int64_t>() << " draws ("
       << result["distribution"].get<std::string>() << "), seed "
       << result["seed"].get<std::uint64_t>()
       << "; outcome after decision rules: median [10%, 90%]\n"
       << ModelErrorNoteOf(result["model_error"]) << "\n";
  if (result.contains("counter_levers")) {
    head << "counter-levers in every case: " << DescribeLeverJson(result["counter_levers"]) << "\n";
  }
  head << "\n";
  document.Text(head.str());
  const bool has_target = result.contains("target");
  TextTable rows = {{"plan", "model", "cost"}};
  document.csv.header = {"plan", "model", "cost", "issue", "median", "q10", "q90", "mean"};
  for (const Issue& issue : scenario.issues) rows[0].push_back(issue.name);
  if (has_target) {
    const std::string probability = "P(" + result["target"].get<std::string>() + ")";
    rows[0].push_back(probability);
    document.csv.header.push_back(probability);
  }
  std::vector<std::pair<std::string, const Json*>> central;
  const Json& plans = result["plans"];
  for (const Json& item : plans) {
    const std::string plan = item["plan"].get<std::string>();
    for (const auto& [model, cell] : item["models"].items()) {
      std::vector<std::string> row = {plan, model, FormatNumber(NumberOf(item["cost"]))};
      const Json* settlement = cell.contains("settlement") ? &cell["settlement"] : nullptr;
      central.emplace_back(model, settlement);
      for (const Issue& issue : scenario.issues) {
        const Json& quantiles = cell["issues"][issue.name];
        row.push_back(FormatIntervalOf(quantiles) +
                      (settlement ? SettlementMarkOf(*settlement, issue.name) : ""));
        std::vector<Json> values = {plan,
                                    model,
                                    Value(item["cost"]),
                                    issue.name,
                                    Value(quantiles["median"]),
                                    Value(quantiles["q10"]),
                                    Value(quantiles["q90"]),
                                    Value(quantiles["mean"])};
        if (has_target) values.push_back(Value(cell.value("probability", Json())));
        document.csv.rows.push_back(values);
      }
      if (cell.contains("probability")) row.push_back(PercentOf(cell["probability"]));
      rows.push_back(row);
    }
  }
  document.Table(rows);
  if (const std::string note = SettlementNoteOf(central); !note.empty()) {
    document.Text(note + " (marked at central values)\n");
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
  for (const Json& item : result["models"]) {
    ResultDocument one = OneSweepDocument(scenario, item, driver_issue);
    if (!document.blocks.empty()) document.Text("\n");
    for (auto& block : one.blocks) document.blocks.push_back(std::move(block));
    if (document.csv.header.empty()) {
      document.csv.header = one.csv.header;
      document.csv.header.insert(document.csv.header.begin(), "model");
    }
    for (auto& row : one.csv.rows) {
      row.insert(row.begin(), item["model"]);
      document.csv.rows.push_back(std::move(row));
    }
  }
  return document;
}

ResultDocument OptimizeDocument(const Scenario& scenario, const Json& result) {
  ResultDocument document;
  std::ostringstream head;
  head << "scenario: " << scenario.name << "\nmodels:";
  for (const Json& model : result["models"]) head << " " << model.get<std::string>();
  head << "; " << result["draws"].get<std::int64_t>() << " draws, seed "
       << result["seed"].get<std::uint64_t>() << "\n";
  const std::string opponent = result.value("opponent", std::string());
  head << "target: " << result["target"].get<std::string>()
       << " with probability >= " << PercentOf(result["required_probability"])
       << (result.contains("budget") ? ", budget " + FormatNumber(NumberOf(result["budget"]))
                                     : std::string())
       << "; " << result["candidates"].get<std::int64_t>() << " plans within budget, "
       << result["evaluated"].get<std::int64_t>() << " evaluated, "
       << result["counter_plans"].get<std::int64_t>() << " counter-plans"
       << (opponent.empty() ? "" : " of " + opponent) << "\n";
  head << "probabilities " << ModelErrorNoteOf(result["model_error"]) << "\n";
  head << "baseline probability: " << PercentOf(result["baseline_probability"]) << "\n\n";
  document.Text(head.str());
  document.csv.header = {"role",          "levers",         "cost",        "median",
                         "probability",   "probability_with_counter_levers",
                         "best_counter",  "meets_target"};
  if (!result["best"].is_null()) {
    AddEvaluations(document, "cheapest plan", "cheapest", Json::array({result["best"]}));
    if (!result["runners_up"].empty()) {
      document.Text("\n");
      AddEvaluations(document, "runners-up", "runner-up", result["runners_up"]);
    }
    return document;
  }
  // Whether the models' own error was counted decides how the finding is worded.
  document.Text(std::string("no plan meets the target") +
                (result["model_error"].is_object()
                     ? " once the models' own error is counted (a finding, not a failure: "
                       "--model-error off gives the inputs' spread alone)"
                     : "") +
                "; the closest:\n");
  AddEvaluations(document, "plan", "closest", result.value("closest", Json::array()));
  return document;
}

}  // namespace statecraft::cli

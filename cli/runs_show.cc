#include "cli/runs_show.h"

#include <map>
#include <ostream>
#include <sstream>

#include "cli/common.h"
#include "cli/result_tables.h"
#include "statecraft/app/run_summary.h"
#include "statecraft/core/number_text.h"
#include "statecraft/io/native_format.h"

namespace statecraft::cli {
namespace {

// A scalar as a user would type it: "10", "0.5", "true", "global"; arrays and objects as JSON.
std::string ScalarText(const Json& value) {
  if (value.is_null()) return "-";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return NumberText(value.get<double>());
  return value.dump();
}

// Applied levers ([{"lever", "magnitude", ...}]) as "R2=20+R3=10", as plans are written on the
// command line; anything else as ScalarText.
std::string LeversOrScalarText(const Json& value) {
  if (!value.is_array()) return ScalarText(value);
  std::string text;
  for (const Json& item : value) {
    if (!item.is_object() || !item.contains("lever")) return ScalarText(value);
    text += (text.empty() ? "" : "+") + ScalarText(item["lever"]) + "=" +
            ScalarText(item.value("magnitude", Json()));
  }
  return text;
}

std::string JoinModels(const Json& models) {
  std::string text;
  for (const Json& model : models) text += (text.empty() ? "" : ",") + model.get<std::string>();
  return text;
}

// "k=v k=v" of an object's scalar entries (a sweep's saved request included; the document it
// was given, and entries left unset, are left out).
std::string OptionsText(const Json& options) {
  std::string text;
  if (!options.is_object()) return text;
  for (const auto& [key, value] : options.items()) {
    if (key == "request") {
      const std::string inner = OptionsText(value);
      if (!inner.empty()) text += (text.empty() ? "" : " ") + inner;
      continue;
    }
    if (value.is_null() || value.is_object() || key == "models" || key == "document") continue;
    if ((value.is_array() || value.is_string()) && value.empty()) continue;
    text += (text.empty() ? "" : " ") + key + "=" + LeversOrScalarText(value);
  }
  return text;
}

void PrintHeader(std::ostream& out, const StoredRun& run) {
  out << "run " << run.id << " (" << run.kind << ", " << run.status << ")\n"
      << "scenario: " << run.scenario_name << "\n"
      << "scenario sha256: " << run.scenario_hash << "\n"
      << "models: " << JoinModels(run.models) << "\n";
  if (run.params.is_object()) {
    for (const auto& [model, params] : run.params.items()) {
      std::string line = "params " + model + ":";
      if (params.empty()) line += " (defaults)";
      for (const auto& [name, value] : params.items()) line += " " + name + "=" + ScalarText(value);
      out << line << "\n";
    }
  }
  out << "plan: " << app::RunPlanText(run) << "\n";
  if (const std::string options = OptionsText(run.options); !options.empty()) {
    out << "options: " << options << "\n";
  }
  out << "seed: " << run.seed << "\n"
      << "program: " << run.program_version << "\n"
      << "created: " << run.created_at << "\n"
      << "finished: " << (run.finished_at.empty() ? "-" : run.finished_at) << "\n";
  if (run.draws_planned > 0) {
    out << "draws saved: " << run.draws_saved << " (planned " << run.draws_planned
        << " per model)\n";
  }
}

// The saved outcomes of a run without a result yet (a sweep still running).
CsvTable OutcomeTable(const Json& outcomes) {
  CsvTable table{{"model", "issue", "outcome", "unconstrained_outcome"}, {}};
  for (const Json& outcome : outcomes) {
    table.rows.push_back(
        {outcome["model"], outcome["issue"], outcome["outcome"], outcome["unconstrained_outcome"]});
  }
  return table;
}

TextTable AsText(const CsvTable& table) {
  TextTable rows = {table.header};
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (const Json& value : row) {
      cells.push_back(value.is_string() ? value.get<std::string>() : FormatNumber(NumberOf(value)));
    }
    rows.push_back(cells);
  }
  return rows;
}

// The saved outcomes as a document (a run without a result, or one whose result cannot be read).
ResultDocument OutcomeDocument(const Json& outcomes) {
  ResultDocument document;
  document.csv = OutcomeTable(outcomes);
  TextTable rows = AsText(document.csv);
  rows.front() = {"model", "issue", kOutcomeAfterRules, kModelBeforeRules};
  document.Table(rows, {"the model that forecast", kIssueMeaning,
                        kOutcomeAfterRulesMeaning + std::string(" (a sweep's: the median draw)"),
                        kModelBeforeRulesMeaning});
  return document;
}

bool HasTables(const StoredRun& run) {
  return !run.result.is_null() &&
         (run.kind == "run" || run.kind == "compare" || run.kind == "whatif" ||
          run.kind == "sweep" || run.kind == "optimize");
}

ResultDocument ShownDocument(const StoredRun& run) {
  const Scenario scenario =
      ParseNativeScenario(run.scenario_json, "run " + std::to_string(run.id) + "'s scenario");
  return DocumentOfKind(run.kind, scenario, run.result);
}

}  // namespace

void PrintShownRun(std::ostream& out, const app::RunShowOutput& shown, const std::string& format,
                   bool explain) {
  const StoredRun& run = shown.run;
  if (format == "csv") {
    PrintCsv(out, HasTables(run) ? ShownDocument(run).csv : OutcomeTable(shown.outcomes));
    return;
  }
  PrintHeader(out, run);
  if (HasTables(run)) {
    ResultDocument document;
    try {
      document = ShownDocument(run);
    } catch (const std::exception& error) {
      // A result whose JSON this version cannot read (written by a much older or newer one):
      // its saved outcomes still show.
      out << "\n(the tables of this run cannot be drawn from its saved result: " << error.what()
          << ")\n\n";
      PrintDocument(out, OutcomeDocument(shown.outcomes), explain);
      return;
    }
    out << "\n";
    PrintDocument(out, document, explain);
  } else if (!shown.outcomes.empty()) {
    out << "\n";
    PrintDocument(out, OutcomeDocument(shown.outcomes), explain);
  }
}

}  // namespace statecraft::cli

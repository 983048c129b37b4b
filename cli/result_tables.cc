#include "cli/result_tables.h"

#include <cmath>
#include <limits>
#include <ostream>
#include <sstream>

#include "cli/common.h"
#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"

namespace statecraft::cli {
namespace {

std::string CsvField(const Json& value) {
  if (value.is_null()) return "";
  std::string text;
  if (value.is_string()) {
    text = value.get<std::string>();
  } else if (value.is_number()) {
    text = NumberText(value.get<double>());
  } else if (value.is_boolean()) {
    text = value.get<bool>() ? "true" : "false";
  } else {
    text = value.dump();
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

void PrintDocument(std::ostream& out, const ResultDocument& document) {
  for (const auto& block : document.blocks) {
    if (const auto* text = std::get_if<std::string>(&block)) {
      out << *text;
    } else {
      PrintTable(out, std::get<TextTable>(block));
    }
  }
}

void PrintCsv(std::ostream& out, const CsvTable& table) {
  std::string line;
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    line += (c == 0 ? "" : ",") + CsvField(table.header[c]);
  }
  out << line << "\n";
  for (const auto& row : table.rows) {
    line.clear();
    for (std::size_t c = 0; c < row.size(); ++c) line += (c == 0 ? "" : ",") + CsvField(row[c]);
    out << line << "\n";
  }
}

void PrintResult(std::ostream& out, const ResultDocument& document, const std::string& format) {
  if (format == "csv") {
    PrintCsv(out, document.csv);
  } else {
    PrintDocument(out, document);
  }
}

ResultDocument DocumentOfKind(const std::string& kind, const Scenario& scenario,
                              const Json& result) {
  if (kind == "run") return RunDocument(scenario, result);
  if (kind == "compare") return CompareDocument(scenario, result);
  if (kind == "whatif") return WhatifDocument(scenario, result);
  if (kind == "sweep") return SweepDocument(scenario, result);
  if (kind == "optimize") return OptimizeDocument(scenario, result);
  throw InputError("a saved run of kind '" + kind +
                   "' has no tables; expected run, compare, whatif, sweep or optimize");
}

const Json& At(const Json& object, const std::string& key) {
  static const Json kAbsent;
  if (!object.is_object()) return kAbsent;
  const auto found = object.find(key);
  return found == object.end() ? kAbsent : *found;
}

double NumberOf(const Json& value) {
  if (value.is_number()) return value.get<double>();
  return std::numeric_limits<double>::quiet_NaN();
}

std::string DescribeLeverJson(const Json& levers) {
  if (!levers.is_array() || levers.empty()) return "baseline";
  std::string text;
  for (const Json& applied : levers) {
    // As DescribeLevers writes a lever: its name and its magnitude in the stream's default form.
    std::ostringstream item;
    item << At(applied, "lever").get<std::string>() << " " << NumberOf(At(applied, "magnitude"));
    text += (text.empty() ? "" : ", ") + item.str();
  }
  return text;
}

std::string SettlementMarkOf(const Json& settlement, const std::string& issue) {
  if (!settlement.is_object() || !settlement.contains(issue)) return "";
  const Json& item = At(settlement, issue);
  if (item.value("settled", true)) return "";
  const bool cycles = At(item, "period").is_number() && At(item, "period").get<double>() > 0;
  return std::string(cycles ? " (cycles " : " (moves ") + FormatNumber(NumberOf(At(item, "low"))) +
         "-" + FormatNumber(NumberOf(At(item, "high"))) + ")";
}

std::string SettlementNoteOf(const std::vector<std::pair<std::string, const Json*>>& forecasts) {
  std::string models;
  for (const auto& [model, settlement] : forecasts) {
    if (settlement == nullptr || !settlement->is_object()) continue;
    for (const auto& [issue, item] : settlement->items()) {
      if (item.value("settled", true)) continue;
      models += (models.empty() ? "" : ", ") + model;
      break;
    }
  }
  if (models.empty()) return "";
  return "not settled (" + models +
         "): where an outcome reads \"x (cycles a-b)\" the model's rounds keep moving it between a "
         "and b (\"moves\": no state recurred); x is the model's forecast under its stopping rule.";
}

std::string ModelErrorNoteOf(const Json& model_error) {
  if (!model_error.is_object()) {
    return "without model error (--model-error off): the spread of the inputs alone";
  }
  return "with model error: each model's own error on past decisions (" +
         model_error.value("calibration", std::string()) + "; docs/calibration.md)";
}

std::string FormatIntervalOf(const Json& quantiles) {
  return FormatNumber(NumberOf(At(quantiles, "median"))) + " [" +
         FormatNumber(NumberOf(At(quantiles, "q10"))) + ", " +
         FormatNumber(NumberOf(At(quantiles, "q90"))) + "]";
}

}  // namespace statecraft::cli

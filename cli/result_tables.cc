#include "cli/result_tables.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <ostream>
#include <sstream>
#include <stdexcept>

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

// The meanings under a table, after a blank line: "  name  meaning", names padded to the widest;
// neighbouring columns of the same meaning (one per issue, say) share a line, "a, b, c  meaning".
void PrintMeanings(std::ostream& out, const ExplainedTable& table) {
  struct Line {
    std::string names;
    std::string meaning;
    int columns = 0;
    std::string last;
  };
  std::vector<Line> lines;
  for (std::size_t c = 0; c < table.meanings.size(); ++c) {
    const std::string& name = table.rows.front()[c];
    if (c > 0 && table.meanings[c] == table.meanings[c - 1]) {
      lines.back().names += ", " + name;
      ++lines.back().columns;
      lines.back().last = name;
    } else {
      lines.push_back({name, table.meanings[c], 1, name});
    }
  }
  // More than three columns of one meaning (a column per model): the first and the last.
  for (auto& line : lines) {
    if (line.columns > 3)
      line.names = line.names.substr(0, line.names.find(',')) + " ... " + line.last;
  }
  std::size_t width = 0;
  for (const Line& line : lines) width = std::max(width, line.names.size());
  out << "\n";
  for (const Line& line : lines) {
    out << "  " << line.names << std::string(width - line.names.size() + 2, ' ') << line.meaning
        << "\n";
  }
}

}  // namespace

void ResultDocument::Table(TextTable table, std::vector<std::string> meanings) {
  if (table.empty() || meanings.size() != table.front().size()) {
    throw std::logic_error("a table of " +
                           std::to_string(table.empty() ? 0 : table.front().size()) +
                           " columns was given " + std::to_string(meanings.size()) + " meanings");
  }
  for (std::size_t c = 0; c < meanings.size(); ++c) {
    if (meanings[c].empty()) {
      throw std::logic_error("the column '" + table.front()[c] + "' has no meaning");
    }
  }
  blocks.emplace_back(ExplainedTable{std::move(table), std::move(meanings)});
}

void PrintDocument(std::ostream& out, const ResultDocument& document, bool explain) {
  bool tables = false;
  bool after_meanings = false;
  for (const auto& block : document.blocks) {
    if (const auto* text = std::get_if<std::string>(&block)) {
      // Text right after a table's meanings would read as one of them.
      if (after_meanings && !text->empty() && text->front() != '\n') out << "\n";
      out << *text;
      after_meanings = false;
      continue;
    }
    const auto& table = std::get<ExplainedTable>(block);
    tables = true;
    PrintTable(out, table.rows);
    if (explain) PrintMeanings(out, table);
    after_meanings = explain;
  }
  if (tables && !explain) out << kExplainFooter;
}

void PrintExplainedTable(std::ostream& out, TextTable rows, std::vector<std::string> meanings,
                         bool explain) {
  ResultDocument document;
  document.Table(std::move(rows), std::move(meanings));
  const auto& table = std::get<ExplainedTable>(document.blocks.front());
  PrintTable(out, table.rows);
  if (explain) PrintMeanings(out, table);
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

void PrintResult(std::ostream& out, const ResultDocument& document, const std::string& format,
                 bool explain) {
  if (format == "csv") {
    PrintCsv(out, document.csv);
  } else {
    PrintDocument(out, document, explain);
  }
}

void AddExplainOption(CLI::App& command, bool& explain) {
  command.add_flag("--explain", explain,
                   "under each table, say in a line per column what the column means");
}

std::string AnchorNote(const Scenario& scenario, const std::vector<std::vector<double>>& shown) {
  std::string note;
  for (std::size_t i = 0; i < scenario.issues.size() && i < shown.size(); ++i) {
    std::vector<ScaleAnchor> anchors = scenario.issues[i].anchors;
    std::vector<double> values;
    for (double value : shown[i]) {
      if (!std::isnan(value)) values.push_back(value);
    }
    if (anchors.empty() || values.empty()) continue;
    std::sort(anchors.begin(), anchors.end(),
              [](const ScaleAnchor& a, const ScaleAnchor& b) { return a.value < b.value; });
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    // The span of anchors around the values: from the last anchor at or below the lowest value
    // (the first anchor when none is) to the first at or above the highest (else the last).
    std::size_t first = 0;
    std::size_t last = anchors.size() - 1;
    for (std::size_t a = 0; a < anchors.size(); ++a) {
      if (anchors[a].value <= *low) first = a;
    }
    for (std::size_t a = anchors.size(); a-- > 0;) {
      if (anchors[a].value >= *high) last = a;
    }
    const std::string low_text = FormatNumber(*low);
    const std::string high_text = FormatNumber(*high);
    std::string line = "  " + scenario.issues[i].name + " " + low_text +
                       (high_text != low_text ? "-" + high_text : std::string()) + ":";
    for (std::size_t a = first; a <= last; ++a) {
      line += std::string(a == first ? " " : " | ") + NumberText(anchors[a].value) + " = " +
              anchors[a].meaning;
    }
    note += line + "\n";
  }
  if (note.empty()) return note;
  return "what these values mean (the scenario's scale anchors around them):\n" + note;
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
  // A model unsettled under several plans is named once.
  std::vector<std::string> unsettled;
  for (const auto& [model, settlement] : forecasts) {
    if (settlement == nullptr || !settlement->is_object()) continue;
    for (const auto& [issue, item] : settlement->items()) {
      if (item.value("settled", true)) continue;
      if (std::find(unsettled.begin(), unsettled.end(), model) == unsettled.end()) {
        unsettled.push_back(model);
      }
      break;
    }
  }
  std::string models;
  for (const std::string& model : unsettled) models += (models.empty() ? "" : ", ") + model;
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

// The printed form of a result: one builder per kind of result (run, compare, whatif, sweep,
// optimize) turns the result's JSON — what the command prints with --format json and what the run
// store keeps — and its scenario into text and tables. The command that computes a result and
// `statecraft runs show` of its saved run call the same builder, so the two cannot drift apart.
//
// Each document also holds its main table in full precision for --format csv.
#ifndef STATECRAFT_CLI_RESULT_TABLES_H_
#define STATECRAFT_CLI_RESULT_TABLES_H_

#include <iosfwd>
#include <string>
#include <variant>
#include <vector>

#include "statecraft/core/scenario.h"
#include "statecraft/io/json_output.h"

namespace statecraft::cli {

// A table of values for --format csv: a header row, then rows of numbers (printed at full
// precision), strings, or null (an empty field).
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<Json>> rows;
};

// A table printed as text: the first row is the header (PrintTable).
using TextTable = std::vector<std::vector<std::string>>;

// What a command prints: text (printed as it is) and tables, in order; `csv` is the main table.
struct ResultDocument {
  std::vector<std::variant<std::string, TextTable>> blocks;
  CsvTable csv;

  void Text(std::string text) { blocks.emplace_back(std::move(text)); }
  void Table(TextTable table) { blocks.emplace_back(std::move(table)); }
};

void PrintDocument(std::ostream& out, const ResultDocument& document);

// RFC 4180: fields holding a comma, a quote or a line break are quoted, quotes doubled; lines end
// in "\n". Numbers are written in the shortest form that reads back as the same double.
void PrintCsv(std::ostream& out, const CsvTable& table);

// Prints the document as --format table|csv asks.
void PrintResult(std::ostream& out, const ResultDocument& document, const std::string& format);

// The builders, one per kind of result. `result` is the kind's JSON (app/run_commands.h,
// app/lever_commands.h). A number the JSON holds as null (NaN) shows as "-".
ResultDocument RunDocument(const Scenario& scenario, const Json& result);
ResultDocument CompareDocument(const Scenario& scenario, const Json& result);
ResultDocument WhatifDocument(const Scenario& scenario, const Json& result);
// `driver_issue`: the issue whose drivers the tornado shows; empty: the target's, else the first.
ResultDocument SweepDocument(const Scenario& scenario, const Json& result,
                             const std::string& driver_issue = "");
ResultDocument OptimizeDocument(const Scenario& scenario, const Json& result);

// The document of a saved run of `kind` ("run", "compare", ...); InputError for a kind without one.
ResultDocument DocumentOfKind(const std::string& kind, const Scenario& scenario,
                              const Json& result);

// Helpers the builders share.
// A member of a JSON object, or null when the object lacks it (results saved by an older version
// lack the newer keys) or is not an object.
const Json& At(const Json& object, const std::string& key);
// A JSON number, or NaN for null (how NaN is written).
double NumberOf(const Json& value);
// "L1 20, L5 10" of the JSON of applied levers ("baseline" for none), as DescribeLevers writes it.
std::string DescribeLeverJson(const Json& levers);
// " (cycles 0.0-95.0)" from a forecast JSON's "settlement" entry of an issue, or "".
std::string SettlementMarkOf(const Json& settlement, const std::string& issue);
// SettlementNote from (model name, settlement JSON) pairs.
std::string SettlementNoteOf(const std::vector<std::pair<std::string, const Json*>>& forecasts);
// ModelErrorNote from a result's "model_error" JSON (null: without model error).
std::string ModelErrorNoteOf(const Json& model_error);
// FormatInterval from a quantile summary JSON ({"q10", "median", "q90"}).
std::string FormatIntervalOf(const Json& quantiles);

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_RESULT_TABLES_H_

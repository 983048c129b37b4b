// The printed form of a result: one builder per kind of result (run, compare, whatif, sweep,
// optimize) turns the result's JSON — what the command prints with --format json and what the run
// store keeps — and its scenario into text and tables. The command that computes a result and
// `statecraft runs show` of its saved run call the same builder, so the two cannot drift apart.
//
// Each table carries one meaning per column, in an analyst's words, printed under it with
// --explain; where a table shows values on an issue's scale, the document says what the scenario's
// anchors call the values nearby. Each document also holds its main table in full precision for
// --format csv (without meanings or anchors).
#ifndef STATECRAFT_CLI_RESULT_TABLES_H_
#define STATECRAFT_CLI_RESULT_TABLES_H_

#include <CLI/CLI.hpp>
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

// A table and what each of its columns means (`meanings[c]` for the header cell `rows[0][c]`).
struct ExplainedTable {
  TextTable rows;
  std::vector<std::string> meanings;
};

// What a command prints: text (printed as it is) and tables, in order; `csv` is the main table.
struct ResultDocument {
  std::vector<std::variant<std::string, ExplainedTable>> blocks;
  CsvTable csv;

  void Text(std::string text) { blocks.emplace_back(std::move(text)); }
  // std::logic_error unless `meanings` holds one non-empty meaning per header cell: a column
  // nobody explains is a bug of the builder, caught by every test that prints the table.
  void Table(TextTable table, std::vector<std::string> meanings);
};

// The tables with their meanings under them (`explain`), or with one footer line pointing at
// --explain at the end.
void PrintDocument(std::ostream& out, const ResultDocument& document, bool explain = false);

// RFC 4180: fields holding a comma, a quote or a line break are quoted, quotes doubled; lines end
// in "\n". Numbers are written in the shortest form that reads back as the same double.
void PrintCsv(std::ostream& out, const CsvTable& table);

// One table alone with its meanings under it (`explain`), as PrintDocument prints a table, for a
// command that prints its tables as it goes; it prints kExplainFooter once when not `explain`.
// std::logic_error as ResultDocument::Table.
void PrintExplainedTable(std::ostream& out, TextTable rows, std::vector<std::string> meanings,
                         bool explain);
inline constexpr const char* kExplainFooter = "\n(--explain says what each column means)\n";

// Prints the document as --format table|csv asks (`explain`: PrintDocument).
void PrintResult(std::ostream& out, const ResultDocument& document, const std::string& format,
                 bool explain = false);

// --explain on a command that prints a ResultDocument.
void AddExplainOption(CLI::App& command, bool& explain);

// What the values shown on each issue's scale mean in the scenario's own words: for each issue
// with anchors and at least one value in `shown` (issue index → values; NaN ignored), the anchors
// from the last one at or below the lowest value to the first one at or above the highest, as
// "  munitions 58.5: 50 = the 2023 rate | 75 = about 9-10M rounds a year". Empty when no shown
// issue has anchors.
std::string AnchorNote(const Scenario& scenario, const std::vector<std::vector<double>>& shown);

// Column names and meanings more than one table uses. A decision rule (docs/scenario-format.md)
// names the actors who decide an issue and holds its outcome between their positions.
inline constexpr const char* kOutcomeAfterRules = "outcome after rules";
inline constexpr const char* kModelBeforeRules = "model before rules";
inline constexpr const char* kIssueMeaning = "the issue, valued on its own scale";
inline constexpr const char* kOutcomeAfterRulesMeaning =
    "the forecast outcome once the issue's decision rule holds it between the positions of the "
    "actors who decide (the model's forecast itself where everyone decides)";
inline constexpr const char* kModelBeforeRulesMeaning =
    "the model's own forecast, before any decision rule";
inline constexpr const char* kStatusQuoMeaning =
    "the issue's value today, as the scenario declares it ('-': not declared)";
inline constexpr const char* kKnownOutcomeMeaning =
    "what actually happened, where the scenario records it, to check the forecast against";

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

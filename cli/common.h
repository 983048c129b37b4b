// What the subcommands share: loading the scenario a command names (or the built-in one),
// printing tables, and writing JSON. No model logic lives in the CLI.
#ifndef STATECRAFT_CLI_COMMON_H_
#define STATECRAFT_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>
#include <vector>

#include "statecraft/core/scenario.h"
#include "statecraft/io/json_output.h"
#include "statecraft/io/scenario_reader.h"

namespace statecraft::cli {

// Options of commands that read one scenario: FILE (optional: the built-in scenario), --from.
struct InputOptions {
  std::string file;
  std::string from = "auto";
  std::string capability = "equal";
};

void AddInputOptions(CLI::App& command, InputOptions& options, bool file_required = false);

// The scenario named by the options: the file's only scenario, or the built-in one.
Scenario LoadScenario(const InputOptions& options);
// Every scenario of the file (a dataset may hold many).
std::vector<Scenario> LoadScenarios(const InputOptions& options);

// --format table|json|csv (choices limited to `allowed`).
void AddFormatOption(CLI::App& command, std::string& format,
                     const std::vector<std::string>& allowed);

void PrintJson(std::ostream& out, const Json& json);

// A plain text table: the first row is the header; columns are padded to their widest cell,
// numbers right-aligned.
void PrintTable(std::ostream& out, const std::vector<std::vector<std::string>>& rows);

// A number for a table: fixed with `digits` decimals, "-" for NaN.
std::string FormatNumber(double value, int digits = 1);

// An outcome of `forecast` on `issue` for a table: "45.0", or "45.0 (cycles 0.0-95.0)" when the
// model's rounds did not settle there (the forecast then depends on where the rounds stop).
std::string FormatOutcome(const Forecast& forecast, int issue, double value);
// " (cycles 0.0-95.0)" when the forecast did not settle on the issue, else "".
std::string SettlementMark(const Forecast& forecast, int issue);
// The sentence printed under a table with an unsettled outcome; empty when every outcome settled.
std::string SettlementNote(const std::vector<const Forecast*>& forecasts);

// Registers a subcommand; each lives in its own file.
void AddModelsCommand(CLI::App& app);
void AddRunCommand(CLI::App& app);
void AddCompareCommand(CLI::App& app);
void AddValidateCommand(CLI::App& app);
void AddConvertCommand(CLI::App& app);
void AddBacktestCommand(CLI::App& app);
void AddCalibrateCommand(CLI::App& app);
void AddFitCommand(CLI::App& app);
void AddWhatifCommand(CLI::App& app);
void AddSweepCommand(CLI::App& app);
void AddOptimizeCommand(CLI::App& app);
void AddAnswerCommand(CLI::App& app);
void AddRunsCommand(CLI::App& app);
void AddReportCommand(CLI::App& app);
void AddServeCommand(CLI::App& app);

// `statecraft` without a command: the analysis of the built-in scenario.
int RunDefaultAnalysis(std::ostream& out);

// "NAME" or "NAME:k=v,k=v" → model name and parameters (for --model lists); InputError for an
// unknown model.
std::pair<std::string, std::vector<std::pair<std::string, std::string>>> ParseModelSpec(
    const std::string& spec);

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_COMMON_H_

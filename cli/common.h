// What the subcommands share: the scenario a command names (or the built-in one) as a request's
// source, turning a request's outcome into output or a failure, printing tables, and writing
// JSON. The commands only translate arguments into the request layer's requests
// (statecraft/app) and render its results; no model logic lives in the CLI.
#ifndef STATECRAFT_CLI_COMMON_H_
#define STATECRAFT_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>
#include <vector>

#include "statecraft/analysis/model_choice.h"
#include "statecraft/app/context.h"
#include "statecraft/app/outcome.h"
#include "statecraft/app/scenario_source.h"

namespace statecraft::cli {

// Options of commands that read one scenario: FILE (optional: the built-in scenario), --from,
// or --scenario NAME (a built-in scenario by name, instead of FILE).
struct InputOptions {
  std::string file;
  std::string scenario;
  std::string from = "auto";
  std::string capability = "equal";
};

// A command whose FILE is required (a dataset) takes no --scenario.
void AddInputOptions(CLI::App& command, InputOptions& options, bool file_required = false);

// The scenario the options name, as a request's source (ScenarioSource::Named for --scenario).
app::ScenarioSource SourceOf(const InputOptions& options);

// A request that failed: main() prints its message and exits with ExitStatus(code).
struct CommandFailed {
  app::Error error;
};

// The exit status of a failed request: 2 for what the user can fix (bad input, a run that does
// not exist, a run in the wrong state), 1 for an internal error.
int ExitStatus(app::ErrorCode code);

// The outcome's result, or CommandFailed.
template <typename T>
T Unwrap(app::Outcome<T> outcome) {
  if (!outcome.ok()) throw CommandFailed{outcome.error()};
  return std::move(outcome).value();
}

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

// "NAME" or "NAME:k=v,k=v" specs (--model) → model specs.
std::vector<ModelSpec> ModelSpecs(const std::vector<std::string>& specs);

// Registers a subcommand; each lives in its own file.
void AddModelsCommand(CLI::App& app);
void AddScenariosCommand(CLI::App& app);
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
void AddRunsCleanUpCommand(CLI::App& runs);  // `runs gc`
void AddReportCommand(CLI::App& app);
void AddServeCommand(CLI::App& app);
void AddHelpCommand(CLI::App& app);        // `help [TOPIC|COMMAND]`
void AddCompletionCommand(CLI::App& app);  // `completion bash|zsh|fish`

// `statecraft` without a command: the answer for the built-in scenario.
int RunDefaultAnswer(std::ostream& out);

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_COMMON_H_

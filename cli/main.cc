// statecraft: forecasts what political actors will settle on, and tests the levers that could
// change it. This file only wires the subcommands and maps failures to exit codes:
// 0 success; 2 what the user can fix — bad input (a message names the file, line and what was
// expected), a run that does not exist, a run in the wrong state; 1 an internal error.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/argument_errors.h"
#include "cli/common.h"
#include "statecraft/core/error.h"
#include "statecraft/core/version.h"

int main(int argc, char** argv) {
  CLI::App app{
      "statecraft: forecasts what political actors will settle on, and tests the levers that "
      "could change it.\nWithout a command it answers the built-in scenario's question "
      "(Russia-DPRK, June 2024), as `statecraft answer` does.",
      "statecraft"};
  app.require_subcommand(0, 1);
  // The program's version, then the versions of what it keeps for its users (core/version.h).
  app.set_version_flag(
      "--version", std::string("statecraft ") + statecraft::kProgramVersion + "\nscenario format " +
                       std::to_string(statecraft::kScenarioFormatVersion) + ", JSON output " +
                       std::to_string(statecraft::kJsonOutputVersion) + ", run store schema " +
                       std::to_string(statecraft::kStoreSchemaVersion));
  statecraft::cli::AddModelsCommand(app);
  statecraft::cli::AddScenariosCommand(app);
  statecraft::cli::AddRunCommand(app);
  statecraft::cli::AddCompareCommand(app);
  statecraft::cli::AddValidateCommand(app);
  statecraft::cli::AddConvertCommand(app);
  statecraft::cli::AddBacktestCommand(app);
  statecraft::cli::AddCalibrateCommand(app);
  statecraft::cli::AddFitCommand(app);
  statecraft::cli::AddWhatifCommand(app);
  statecraft::cli::AddSweepCommand(app);
  statecraft::cli::AddOptimizeCommand(app);
  statecraft::cli::AddAnswerCommand(app);
  statecraft::cli::AddRunsCommand(app);
  statecraft::cli::AddReportCommand(app);
  statecraft::cli::AddServeCommand(app);
  statecraft::cli::AddHelpCommand(app);
  statecraft::cli::AddCompletionCommand(app);
  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
      return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
      return app.exit(help);
    } catch (const CLI::CallForVersion& version) {
      return app.exit(version);
    } catch (const CLI::ParseError& error) {
      const std::vector<std::string> args(argv + 1, argv + argc);
      std::cerr << "statecraft: error: " << statecraft::cli::ArgumentErrorMessage(app, error, args)
                << "\n";
      return 2;
    }
    if (app.get_subcommands().empty()) {
      return statecraft::cli::RunDefaultAnswer(std::cout);
    }
  } catch (const statecraft::cli::CommandFailed& failed) {
    const bool internal = statecraft::cli::ExitStatus(failed.error.code) == 1;
    std::cerr << (internal ? "statecraft: internal error: " : "statecraft: error: ")
              << failed.error.message << "\n";
    return statecraft::cli::ExitStatus(failed.error.code);
  } catch (const statecraft::InputError& error) {
    std::cerr << "statecraft: error: " << error.what() << "\n";
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "statecraft: internal error: " << error.what() << "\n";
    return 1;
  }
  return 0;
}

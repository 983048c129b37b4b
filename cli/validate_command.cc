// `statecraft validate FILE [--from FORMAT] [--format text|json]`: reads and checks a scenario
// file (its lever sections and question too), prints what it holds; a bad file ends with one
// located message and exit code 2.
#include <iostream>

#include "cli/common.h"
#include "statecraft/app/scenario_commands.h"

namespace statecraft::cli {

void AddValidateCommand(CLI::App& app) {
  auto input = std::make_shared<InputOptions>();
  auto format = std::make_shared<std::string>();
  auto* command = app.add_subcommand("validate", "check a scenario file and summarise it");
  AddInputOptions(*command, *input, /*file_required=*/true);
  AddFormatOption(*command, *format, {"text", "json"});
  command->callback([input, format] {
    const app::ValidateOutput output = Unwrap(app::Validate({SourceOf(*input)}));
    if (*format == "json") {
      PrintJson(std::cout, app::ValidateOutputToJson(output));
      return;
    }
    const std::vector<Scenario>& scenarios = output.scenarios;
    int issues = 0;
    for (const Scenario& scenario : scenarios) issues += scenario.IssueCount();
    if (scenarios.size() == 1) {
      const Scenario& scenario = scenarios.front();
      std::cout << input->file << ": valid: " << scenario.ActorCount() << " actors, "
                << scenario.IssueCount() << " issues";
      if (!scenario.name.empty()) std::cout << " (" << scenario.name << ")";
      std::cout << "\n";
    } else {
      std::cout << input->file << ": valid: " << scenarios.size() << " scenarios, " << issues
                << " issues\n";
    }
  });
}

}  // namespace statecraft::cli

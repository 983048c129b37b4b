// `statecraft validate FILE [--from FORMAT]`: reads and checks a scenario file, prints what it
// holds; a bad file ends with one located message and exit code 2.
#include <iostream>

#include "cli/common.h"

namespace statecraft::cli {

void AddValidateCommand(CLI::App& app) {
  auto input = std::make_shared<InputOptions>();
  auto* command = app.add_subcommand("validate", "check a scenario file and summarise it");
  AddInputOptions(*command, *input, /*file_required=*/true);
  command->callback([input] {
    const std::vector<Scenario> scenarios = LoadScenarios(*input);
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

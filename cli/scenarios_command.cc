// `statecraft scenarios [--format table|json|csv]`: the built-in scenarios — the flagship and the
// gallery of classic cases (docs/gallery.md) — each with a one-line description; every command
// that reads a scenario opens one with `--scenario NAME`.
#include <iostream>

#include "cli/common.h"
#include "cli/result_tables.h"
#include "statecraft/app/gallery_commands.h"

namespace statecraft::cli {

void AddScenariosCommand(CLI::App& app) {
  auto* command = app.add_subcommand(
      "scenarios", "list the built-in scenarios: the flagship and the gallery of classic cases");
  auto format = std::make_shared<std::string>();
  AddFormatOption(*command, *format, {"table", "json", "csv"});
  command->callback([format] {
    const app::ScenariosOutput output = Unwrap(app::Scenarios({}));
    if (*format == "json") {
      PrintJson(std::cout, app::ScenariosOutputToJson(output));
      return;
    }
    if (*format == "csv") {
      CsvTable table{{"name", "actors", "issues", "known_outcome", "description"}, {}};
      for (const app::ScenarioListing& listing : output.scenarios) {
        table.rows.push_back(
            {listing.name, listing.actors, listing.issues, listing.known_outcome, listing.title});
      }
      PrintCsv(std::cout, table);
      return;
    }
    std::vector<std::vector<std::string>> rows = {
        {"name", "actors x issues", "known outcome", "description"}};
    for (const app::ScenarioListing& listing : output.scenarios) {
      rows.push_back({listing.name,
                      std::to_string(listing.actors) + " x " + std::to_string(listing.issues),
                      listing.known_outcome ? "yes" : "no", listing.title});
    }
    PrintTable(std::cout, rows);
    std::cout << "\nOpen one with --scenario NAME (run, compare, whatif, sweep, optimize, report, "
                 "backtest flagship); docs/gallery.md describes the cases.\n";
  });
}

}  // namespace statecraft::cli

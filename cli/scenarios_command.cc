// `statecraft scenarios [--format table|json]`: the built-in scenarios — the flagship and the
// gallery of classic cases (docs/gallery.md) — each with a one-line description; every command
// that reads a scenario opens one with `--scenario NAME`.
#include <iostream>

#include "cli/common.h"
#include "statecraft/io/gallery.h"

namespace statecraft::cli {

void AddScenariosCommand(CLI::App& app) {
  auto* command = app.add_subcommand(
      "scenarios", "list the built-in scenarios: the flagship and the gallery of classic cases");
  auto format = std::make_shared<std::string>();
  AddFormatOption(*command, *format, {"table", "json"});
  command->callback([format] {
    const Json list = BuiltinScenarioListJson();
    if (*format == "json") {
      PrintJson(std::cout, Json{{"scenarios", list}});
      return;
    }
    std::vector<std::vector<std::string>> rows = {
        {"name", "actors x issues", "known outcome", "description"}};
    for (const Json& item : list) {
      rows.push_back({item["name"].get<std::string>(),
                      std::to_string(item["actors"].get<int>()) + " x " +
                          std::to_string(item["issues"].get<int>()),
                      item["known_outcome"].get<bool>() ? "yes" : "no",
                      item["title"].get<std::string>()});
    }
    PrintTable(std::cout, rows);
    std::cout << "\nOpen one with --scenario NAME (run, compare, whatif, sweep, optimize, report, "
                 "backtest flagship); docs/gallery.md describes the cases.\n";
  });
}

}  // namespace statecraft::cli

// `statecraft fit deu FILE [--capability equal|votes] [--model SPEC] [--format table|json]`
//
// Fits a fitted model (choice) on every scored issue of a dataset and prints its parameters, as
// `--param` assignments or JSON. The shipped parameters of `choice` are
// `statecraft fit deu DEU.tsv --capability votes` (docs/models/choice.md).
#include <iostream>

#include "cli/common.h"
#include "statecraft/analysis/calibration.h"

namespace statecraft::cli {

void AddFitCommand(CLI::App& app) {
  auto* command = app.add_subcommand("fit", "fit a fitted model's parameters on a dataset");
  command->require_subcommand(1);
  struct Options {
    InputOptions input;
    std::string model;
    std::string format;
  };
  auto options = std::make_shared<Options>();
  auto* deu = command->add_subcommand("deu", "fit on DEU (EU legislative decisions)");
  AddInputOptions(*deu, options->input, /*file_required=*/true);
  deu->add_option("-m,--model", options->model, "the model, NAME or NAME:k=v,k=v")
      ->default_val("choice");
  AddFormatOption(*deu, options->format, {"table", "json"});
  deu->callback([options] {
    if (options->input.from == "auto") options->input.from = "deu";
    const std::vector<Scenario> scenarios = app::LoadScenarios(SourceOf(options->input));
    const BacktestModel spec = ParseBacktestModel(options->model);
    const ParamAssignments fitted = FitOnDataset(spec, scenarios);
    if (options->format == "json") {
      Json params = Json::object();
      for (const auto& [name, value] : fitted) params[name] = std::stod(value);
      PrintJson(std::cout, Json{{"model", spec.model}, {"params", params}});
      return;
    }
    for (const auto& [name, value] : fitted)
      std::cout << "--param " << name << "=" << value << "\n";
  });
}

}  // namespace statecraft::cli

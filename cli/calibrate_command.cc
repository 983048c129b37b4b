// `statecraft calibrate deu FILE [--capability equal|votes] [--model SPEC]... [-o OUT]`
//
// Learns every model's error (or the --model list's) from out-of-fold residuals on a dataset and
// writes the calibration file (docs/calibration.md); without -o it is printed.
// data/calibration.json is `statecraft calibrate deu DEU.tsv --capability votes`.
#include <iostream>

#include "cli/common.h"
#include "statecraft/analysis/calibration.h"
#include "statecraft/io/calibration_format.h"
#include "statecraft/io/text_file.h"

namespace statecraft::cli {

void AddCalibrateCommand(CLI::App& app) {
  auto* command =
      app.add_subcommand("calibrate", "learn the models' errors from a dataset with outcomes");
  command->require_subcommand(1);
  struct Options {
    InputOptions input;
    std::vector<std::string> models;
    std::string output;
  };
  auto options = std::make_shared<Options>();
  auto* deu = command->add_subcommand("deu", "learn them from DEU (EU legislative decisions)");
  AddInputOptions(*deu, options->input, /*file_required=*/true);
  deu->add_option("-m,--model", options->models,
                  "model to calibrate, NAME or NAME:k=v,k=v (repeatable; default: every model)");
  deu->add_option("-o,--output", options->output, "calibration file to write (default: print)");
  deu->callback([options] {
    if (options->input.from == "auto") options->input.from = "deu";
    const std::vector<Scenario> scenarios = app::LoadScenarios(SourceOf(options->input));
    std::vector<BacktestModel> models = DefaultBacktestModels();
    if (!options->models.empty()) {
      models.clear();
      for (const std::string& spec : options->models) models.push_back(ParseBacktestModel(spec));
    }
    CalibrateOptions calibrate;
    calibrate.source =
        "DEU I+II+III (Thomson et al. 2006, 2012; Arregui & Perarnaud 2022), "
        "capability " +
        options->input.capability + "; out-of-fold residuals, " + std::to_string(calibrate.folds) +
        " folds by proposal";
    const std::string text = WriteCalibrationJson(Calibrate(scenarios, models, calibrate));
    if (options->output.empty()) {
      std::cout << text;
    } else {
      WriteTextFileAtomically(options->output, text);
    }
  });
}

}  // namespace statecraft::cli

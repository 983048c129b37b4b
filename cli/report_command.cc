// `statecraft report [FILE | --run ID] -o report.html`: one self-contained HTML file with SVG
// charts — of a scenario (every model, the distributions, the plans, the drivers, the backtest)
// or of a saved run (what that run holds).
#include <fstream>
#include <iostream>

#include "cli/common.h"
#include "statecraft/io/calibration_format.h"
#include "cli/lever_options.h"
#include "cli/store_options.h"
#include "statecraft/core/error.h"
#include "statecraft/core/registry.h"
#include "statecraft/report/html_report.h"

namespace statecraft::cli {
namespace {

struct ReportCommandOptions {
  InputOptions input;
  std::int64_t run = 0;
  StoreOptions store;
  std::string output = "report.html";
  std::string model = "eum";
  int draws = 200;
  std::uint64_t seed = 0;
  int threads = 0;
  std::string format;
  std::string model_error = "on";
  std::string calibration;
};

}  // namespace

void AddReportCommand(CLI::App& app) {
  auto options = std::make_shared<ReportCommandOptions>();
  auto* command = app.add_subcommand(
      "report", "write a self-contained HTML report with charts (of a scenario or a saved run)");
  AddInputOptions(*command, options->input);
  auto* run = command->add_option("--run", options->run, "report a saved run (see `runs list`)");
  AddStoreOptions(*command, options->store, false);
  command->add_option("-o,--output", options->output, "the HTML file to write")
      ->default_val("report.html");
  command->add_option("-m,--model", options->model, "model of the what-if and the drivers")
      ->default_val("eum");
  command
      ->add_option("--draws", options->draws,
                   "Monte Carlo draws per model (0: no distributions, plans or drivers)")
      ->default_val(200);
  command->add_option("--seed", options->seed, "base seed")->default_val(0);
  command->add_option("--threads", options->threads, "threads (0: every core)")->default_val(0);
  AddFormatOption(*command, options->format, {"html", "json"});
  command
      ->add_option("--model-error", options->model_error,
                   "include each model's own error in intervals and probabilities: on|off")
      ->default_val("on")
      ->check(CLI::IsMember({"on", "off"}));
  command->add_option("--calibration", options->calibration,
                      "the models' errors from this file instead of the shipped one");
  command->callback([options, run] {
    if (run->count() > 0 && !options->input.file.empty()) {
      throw InputError("report: give a scenario FILE or --run ID, not both");
    }
    if (options->draws < 0) throw InputError("--draws: expected 0 or more");
    Json data;
    if (run->count() > 0) {
      const auto store = OpenStore(options->store);
      const std::optional<StoredRun> stored = store->Get(options->run);
      if (!stored) {
        throw InputError("run store " + store->path() + ": no run " + std::to_string(options->run) +
                         " (see `statecraft runs list`)");
      }
      if (stored->status != "complete") {
        throw InputError("run " + std::to_string(options->run) + " is not complete");
      }
      data = ReportDataFromStoredRun(stored->kind, stored->scenario_json, stored->result,
                                     ProgramVersion());
    } else {
      ReportOptions report;
      report.draws = options->draws;
      report.seed = options->seed;
      report.threads = options->threads;
      report.focus_model = options->model;
      report.program_version = ProgramVersion();
      Calibration calibration;
      if (options->model_error == "on") {
        calibration = options->calibration.empty() ? BuiltinCalibration()
                                                   : ReadCalibration(options->calibration);
        report.calibration = &calibration;
      }
      const ScenarioWithLevers input = LoadScenarioWithLevers(options->input);
      BuiltinModels().Get(options->model);
      data = BuildReportData(input, report);
    }
    const std::string text =
        options->format == "json" ? data.dump(2) + "\n" : RenderReportHtml(data);
    std::ofstream file(options->output, std::ios::binary);
    if (!file) throw InputError(options->output + ": cannot write this file");
    file << text;
    file.close();
    if (!file) throw InputError(options->output + ": could not write the whole file");
    std::cout << options->output << "\n";
  });
}

}  // namespace statecraft::cli

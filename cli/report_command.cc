// `statecraft report [FILE | --run ID] -o report.html`: one self-contained HTML file with SVG
// charts — of a scenario (every model, the distributions, the plans, the drivers, the backtest)
// or of a saved run (what that run holds). --answer-model, --answer-draws and --optimize-draws
// set the answer to the scenario's question as `statecraft answer` takes them.
#include "statecraft/app/report_command.h"

#include <fstream>
#include <iostream>

#include "cli/common.h"
#include "cli/lever_options.h"
#include "cli/store_options.h"
#include "statecraft/core/error.h"
#include "statecraft/report/html_report.h"

namespace statecraft::cli {
namespace {

struct ReportCommandOptions {
  InputOptions input;
  std::int64_t run = 0;
  StoreOptions store;
  std::string output = "report.html";
  std::string model = "eum";
  std::int64_t draws = 200;
  std::uint64_t seed = 0;
  std::int64_t threads = 0;
  std::vector<std::string> answer_models;
  std::int64_t answer_draws = 0;
  std::int64_t optimize_draws = 0;
  std::string format;
  bool model_error = true;
  std::shared_ptr<const Calibration> calibration;
};

}  // namespace

void AddReportCommand(CLI::App& app) {
  auto options = std::make_shared<ReportCommandOptions>();
  auto* command = app.add_subcommand(
      "report", "write a self-contained HTML report with charts (of a scenario or a saved run)");
  AddInputOptions(*command, options->input);
  auto* run = command->add_option("--run", options->run, "report a saved run (see `runs list`)");
  AddStoreOptions(*command, options->store, false);
  // A report reads the store but never writes to it; --no-save is accepted so that a script can
  // pass the same store options to every command.
  command->add_flag("--no-save", options->store.no_save,
                    "accepted for uniformity: a report never saves anything in the store");
  command->add_option("-o,--output", options->output, "the file to write; - for standard output")
      ->default_val("report.html");
  command->add_option("-m,--model", options->model, "model of the what-if and the drivers")
      ->default_val("eum");
  command
      ->add_option("--draws", options->draws,
                   "Monte Carlo draws per model (0: no distributions, plans or drivers)")
      ->default_val(200);
  command->add_option("--seed", options->seed, "base seed")->default_val(0);
  command->add_option("--threads", options->threads, "threads (0: every core)")->default_val(0);
  command->add_option("--answer-model", options->answer_models,
                      "a model of the answer to the scenario's question, NAME or NAME:k=v,k=v "
                      "(repeatable; default: every model)");
  auto* answer_draws =
      command->add_option("--answer-draws", options->answer_draws,
                          "draws per plan in the answer to the question (default: --draws)");
  auto* optimize_draws = command->add_option(
      "--optimize-draws", options->optimize_draws,
      "draws per evaluation in the answer's search for the cheapest plan (default: --draws, at "
      "most 100)");
  AddFormatOption(*command, options->format, {"html", "json"});
  AddModelErrorOptions(*command, options->model_error, options->calibration);
  command->callback([options, run, answer_draws, optimize_draws] {
    app::ReportDataRequest request;
    request.scenario = SourceOf(options->input);
    if (run->count() > 0) request.run = options->run;
    request.model = options->model;
    request.draws = options->draws;
    request.seed = options->seed;
    request.threads = options->threads;
    request.answer_models = ModelSpecs(options->answer_models);
    if (answer_draws->count() > 0) request.answer_draws = options->answer_draws;
    if (optimize_draws->count() > 0) request.optimize_draws = options->optimize_draws;
    request.model_error = options->model_error;
    request.calibration = options->calibration;
    const Json data =
        Unwrap(app::ReportData(request, *StoreOf(options->store), CommandContext(nullptr)));
    const std::string text =
        options->format == "json" ? data.dump(2) + "\n" : RenderReportHtml(data);
    if (options->output == "-") {
      std::cout << text;
      return;
    }
    std::ofstream file(options->output, std::ios::binary);
    if (!file) throw InputError(options->output + ": cannot write this file");
    file << text;
    file.close();
    if (!file) throw InputError(options->output + ": could not write the whole file");
    std::cout << options->output << "\n";
  });
}

}  // namespace statecraft::cli

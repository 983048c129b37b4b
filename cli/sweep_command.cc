// `statecraft sweep [FILE] [--model SPEC] [--plan PLAN] [--target "ISSUE<=V"] [--drivers K]
//  [--draws N] [--seed S] [--threads T] [--distribution triangular|uniform] [--format table|json]
//  [--db PATH] [--no-save] [--mpi]`
//
// A Monte Carlo of one model under one plan (the baseline by default): quantiles of every
// issue's outcome, the probability of the target, and the drivers of the variance (Spearman rank
// correlation of each sampled input with the outcome) as a tornado table.
//
// The sweep is saved in the run store as it goes, block by block (statecraft/store/saved_sweep.h),
// so that `statecraft runs resume ID` completes one killed mid-way.
#include <iostream>

#include "cli/common.h"
#include "cli/lever_options.h"
#include "cli/mpi_options.h"
#include "cli/store_options.h"
#include "statecraft/analysis/distributed.h"
#include "statecraft/analysis/sweep_error.h"
#include "statecraft/core/error.h"
#include "statecraft/io/calibration_format.h"
#include "statecraft/io/text_file.h"
#include "statecraft/store/saved_sweep.h"

namespace statecraft::cli {
namespace {

struct SweepCommandOptions {
  InputOptions input;
  std::string plan;
  std::string model;
  std::string target;
  std::string issue;
  int drivers = 10;
  UncertaintyOptions uncertainty;
  std::string format;
  StoreOptions store;
};

}  // namespace

void AddSweepCommand(CLI::App& app) {
  auto options = std::make_shared<SweepCommandOptions>();
  auto* command = app.add_subcommand(
      "sweep", "Monte Carlo of one model and plan: quantiles, probability, drivers (tornado)");
  AddInputOptions(*command, options->input);
  command->add_option("-m,--model", options->model, "model, NAME or NAME:k=v,k=v")
      ->default_val("compromise");
  command->add_option("-p,--plan", options->plan,
                      "plan name, or levers joined by '+' (default: the baseline, no lever)");
  command->add_option("--target", options->target,
                      "threshold event, e.g. \"munitions<=25\" (its issue gets the tornado)");
  command->add_option("--issue", options->issue,
                      "issue whose drivers to show (default: the target's, else the first)");
  command->add_option("--drivers", options->drivers, "rows of the tornado table")->default_val(10);
  AddUncertaintyOptions(*command, options->uncertainty, 1000);
  AddFormatOption(*command, options->format, {"table", "json"});
  AddStoreOptions(*command, options->store, true);
  AddMpiOption(*command);
  command->callback([options] {
    RunSaver saver(options->store);
    const ScenarioWithLevers input = LoadScenarioWithLevers(options->input);
    const SweepOptions sweep = options->uncertainty.ToSweepOptions();
    std::optional<Target> target;
    if (!options->target.empty()) target = ParseTarget(input.scenario, options->target);
    Plan plan{"baseline", "no lever", {}};
    if (!options->plan.empty()) plan = ParsePlanSpec(input.scenario, input.levers, options->plan);
    int driver_issue = target ? target->issue : 0;
    if (!options->issue.empty()) {
      driver_issue = input.scenario.IssueIndex(options->issue);
      if (driver_issue < 0) throw InputError("--issue: unknown issue '" + options->issue + "'");
    }
    if (options->drivers < 1) throw InputError("--drivers: expected at least 1");
    const ModelChoice model = ChosenModels({options->model}).front();
    SweepResult result;
    Json printed;
    // Saved as a resumable sweep: the run row first, then each block of draws as it is computed,
    // so that `statecraft runs resume ID` completes a sweep killed mid-way. The saved sweep
    // prints the same JSON as the unsaved one (the same summary of the same draws).
    SavedSweepRequest request;
    if (!options->input.file.empty()) {
      request.text = ReadTextFile(options->input.file);
      request.file_name = options->input.file;
      request.from = options->input.from;
      request.capability = options->input.capability;
    }
    const auto [model_name, model_params] = ParseModelSpec(options->model);
    Json params = Json::object();
    for (const auto& [name, value] : model_params) params[name] = value;
    request.models = Json::array({Json{{"name", model_name}, {"params", params}}});
    request.plan = options->plan;
    request.draws = sweep.draws;
    request.seed = sweep.seed;
    request.distribution = DistributionName(sweep.distribution);
    request.target = target ? target->text : "";
    request.drivers = options->drivers;
    request.calibration = sweep.calibration == nullptr ? Json(nullptr)
                          : options->uncertainty.calibration.empty()
                              ? Json("built in")
                              : CalibrationToJson(*sweep.calibration);
    // Under --mpi every process computes its share of each RunSweep call, so all of them must
    // make the same calls: the sweep is computed in one call and the lead process saves it
    // afterwards, whole (resumable block by block only without --mpi).
    const bool distributed = CurrentDrawDistributor() != nullptr;
    RunStore* store = distributed ? nullptr : saver.Store();
    if (store != nullptr) {
      std::int64_t id = 0;
      try {
        id = BeginSavedSweep(*store, request, ProgramVersion());
        SweepContinuation continuation;
        continuation.threads = sweep.threads;
        continuation.model_done = [&result](int, const SweepResult& whole) { result = whole; };
        printed = *ContinueSavedSweep(*store, id, continuation);
      } catch (const InputError&) {
        throw;
      } catch (const std::exception& error) {
        // The blocks saved so far stay, whole: the sweep can be completed once the store can be
        // written again. This run computes it without the store.
        if (id > 0) {
          std::cerr << "statecraft: warning: sweep run " << id << " was saved only in part ("
                    << error.what() << "); `statecraft runs resume " << id
                    << "` completes it once the store can be written\n";
        } else {
          RunSaver::Warn(error);
        }
        store = nullptr;
      }
    }
    std::string error_entry;
    const std::vector<IssueError> errors =
        BindIssueErrors(sweep.calibration, ModelLabel(model),
                        ScenarioForError(input.scenario, MakeSweepPlan(input.levers, plan)),
                        &error_entry);
    if (store == nullptr) {
      result = RunSweep(input.scenario, MakeSweepPlan(input.levers, plan), *model.info,
                        model.params, sweep);
      printed = Json{{"scenario", input.scenario.name},
                     {"model", model.info->name},
                     {"plan", plan.name},
                     {"levers", AppliedLeversToJson(ResolvePlan(input.levers, plan))}};
      printed.update(SweepToJson(input.scenario, result, sweep, target, options->drivers, errors,
                                 error_entry));
    }
    if (distributed) {
      saver.Save([&](RunStore& lead_store) {
        const std::int64_t id = BeginSavedSweep(lead_store, request, ProgramVersion());
        lead_store.SaveSweepBlock(id, model.info->name, result);
        SweepContinuation continuation;  // every draw is saved: nothing left to compute
        ContinueSavedSweep(lead_store, id, continuation);
      });
    }
    if (options->format == "json") {
      PrintJson(std::cout, printed);
      return;
    }
    std::cout << "scenario: " << input.scenario.name << "\nmodel: " << model.info->name
              << ", plan: " << plan.name << " (" << DescribeLevers(ResolvePlan(input.levers, plan))
              << "), " << sweep.draws << " draws (" << DistributionName(sweep.distribution)
              << "), seed " << sweep.seed << "\n"
              << (error_entry.empty() ? ModelErrorNote(SweepOptions{}) : ModelErrorNote(sweep))
              << "\n\n";
    std::vector<std::vector<std::string>> rows = {
        {"issue", "10%", "median", "90%", "mean", "model's own median"}};
    for (int issue = 0; issue < input.scenario.IssueCount(); ++issue) {
      const Quantiles ruled = SummarizeIssue(result, issue, errors[issue]);
      const Quantiles own = SummarizeIssue(result, issue, errors[issue], false);
      rows.push_back({input.scenario.issues[issue].name, FormatNumber(ruled.q10),
                      FormatNumber(ruled.median), FormatNumber(ruled.q90), FormatNumber(ruled.mean),
                      FormatNumber(own.median)});
    }
    PrintTable(std::cout, rows);
    if (target) {
      std::cout << "\nP(" << target->text
                << ") = " << FormatPercent(TargetProbability(result, *target, errors[target->issue]))
                << "\n";
    }
    if (result.deals_offered > 0) {
      std::cout << "deals struck in " << FormatPercent(DealStruckShare(result))
                << " of the draws\n";
    }
    std::cout << "\ndrivers of " << input.scenario.issues[driver_issue].name
              << " (Spearman rank correlation with the outcome; mean outcome when the input is in"
                 " its lowest / highest fifth)\n";
    std::vector<std::vector<std::string>> tornado = {{"input", "rho", "low fifth", "high fifth"}};
    for (const Driver& driver : Drivers(result, driver_issue, options->drivers)) {
      tornado.push_back({driver.input, FormatNumber(driver.rank_correlation, 2),
                         FormatNumber(driver.outcome_when_low),
                         FormatNumber(driver.outcome_when_high)});
    }
    PrintTable(std::cout, tornado);
  });
}

}  // namespace statecraft::cli

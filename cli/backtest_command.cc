// `statecraft backtest deu FILE [--capability equal|votes] [--model SPEC]... [--train TRAINFILE]
//                              [--model-error on|off] [--calibration FILE] [--format table|json]`
// `statecraft backtest flagship [FILE] [--model-error on|off] [--calibration FILE] [--format ...]`
//
// Scores every model (or the --model list, "NAME" or "NAME:k=v,k=v") against known outcomes, as
// points and as distributions (statecraft/analysis/scoring.h, docs/calibration.md).
#include <cmath>
#include <iostream>

#include "cli/common.h"
#include "statecraft/analysis/backtest.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/calibration_format.h"

namespace statecraft::cli {
namespace {

struct BacktestOptions {
  InputOptions input;
  std::vector<std::string> models;
  std::string format;
  std::string train;        // --train FILE: fit on it, score the FILE
  std::string calibration;  // --calibration FILE
  std::string model_error = "on";
};

std::vector<BacktestModel> ChosenModels(const std::vector<std::string>& specs) {
  if (specs.empty()) return DefaultBacktestModels();
  std::vector<BacktestModel> models;
  for (const std::string& spec : specs) models.push_back(ParseBacktestModel(spec));
  return models;
}

std::string Interval(double low, double high) {
  if (std::isnan(low)) return "n/a (one scenario)";
  return "[" + FormatNumber(low, 2) + ", " + FormatNumber(high, 2) + "]";
}

void PrintScores(const BacktestResult& result) {
  std::cout << "issues scored: " << result.issues_scored << "\n";
  std::cout << "model error: " << result.model_error << "\n";
  std::cout << "\n";
  std::vector<std::vector<std::string>> rows = {
      {"model", "MAE", "95% interval", "vs " + result.reference, "95% interval", "CRPS",
       "cover 50%", "80%", "90%"}};
  for (const auto& [threshold, share] : result.models.empty()
                                             ? std::map<int, double>{}
                                             : result.models.front().share_within) {
    rows.front().push_back("within " + std::to_string(threshold));
  }
  rows.front().push_back("out of sample");
  for (const ModelScore& score : result.models) {
    std::vector<std::string> row = {score.label, FormatNumber(score.mean_absolute_error, 2),
                                    Interval(score.interval_low, score.interval_high)};
    if (score.vs_reference) {
      row.push_back((score.vs_reference->mean > 0 ? "+" : "") +
                    FormatNumber(score.vs_reference->mean, 2));
      row.push_back(Interval(score.vs_reference->low, score.vs_reference->high));
    } else {
      row.push_back("-");
      row.push_back("-");
    }
    row.push_back(FormatNumber(score.crps, 2));
    for (const auto& [level, share] : score.coverage) {
      row.push_back(FormatNumber(100.0 * share, 1) + "%");
    }
    for (const auto& [threshold, share] : score.share_within) {
      row.push_back(FormatNumber(100.0 * share, 1) + "%");
    }
    row.push_back(score.out_of_sample ? "yes" : "no");
    rows.push_back(row);
  }
  PrintTable(std::cout, rows);
}

// The model error a backtest uses: --model-error off, --calibration FILE, or the command's own
// default (cross-validated for a dataset, the shipped calibration for the flagship).
void ChooseModelError(const BacktestOptions& options, ErrorSource default_source,
                      Calibration& calibration, statecraft::BacktestOptions& backtest) {
  calibration = options.calibration.empty() ? BuiltinCalibration()
                                            : ReadCalibration(options.calibration);
  backtest.calibration = &calibration;
  if (options.model_error == "off") {
    backtest.error_source = ErrorSource::kNone;
  } else if (!options.calibration.empty()) {
    backtest.error_source = ErrorSource::kCalibration;
  } else {
    backtest.error_source = default_source;
  }
}

void AddModelErrorOptions(CLI::App& command, BacktestOptions& options) {
  command
      .add_option("--model-error", options.model_error,
                  "score forecast distributions with the model's error (on) or points only (off)")
      ->default_val("on")
      ->check(CLI::IsMember({"on", "off"}));
  command.add_option("--calibration", options.calibration,
                     "model errors from this calibration file (statecraft calibrate) instead of "
                     "learning them");
}

// One scenario's scored issues: the coded outcome (with its range) and each model's forecast with
// its central 80 % interval.
void PrintIssueForecasts(const Scenario& scenario, const BacktestResult& result) {
  if (result.models.empty()) return;
  std::vector<std::vector<std::string>> rows = {{"issue", "coded outcome"}};
  for (const ModelScore& score : result.models) rows.front().push_back(score.label);
  const std::vector<IssueScore>& scored = result.models.front().issues;
  for (std::size_t k = 0; k < scored.size(); ++k) {
    const Issue& issue = scenario.issues[scored[k].issue];
    const Estimate& known = *issue.known_outcome;
    std::string coded = FormatNumber(known.central);
    if (known.IsRanged()) {
      coded += " [" + FormatNumber(known.Low()) + ", " + FormatNumber(known.High()) + "]";
    }
    std::vector<std::string> row = {issue.name, coded};
    for (const ModelScore& score : result.models) {
      const IssueScore& item = score.issues[k];
      row.push_back(FormatNumber(item.predicted) +
                    (item.interval_low < item.interval_high
                         ? " [" + FormatNumber(item.interval_low, 0) + "-" +
                               FormatNumber(item.interval_high, 0) + "]"
                         : ""));
    }
    rows.push_back(row);
  }
  PrintTable(std::cout, rows);
}

}  // namespace

void AddBacktestCommand(CLI::App& app) {
  auto* command = app.add_subcommand("backtest", "score the models against known outcomes");
  command->require_subcommand(1);

  auto deu = std::make_shared<BacktestOptions>();
  auto* deu_command =
      command->add_subcommand("deu", "the DEU dataset of EU legislative decisions (351 issues)");
  AddInputOptions(*deu_command, deu->input, /*file_required=*/true);
  deu_command->add_option("-m,--model", deu->models,
                          "model to score, NAME or NAME:k=v,k=v "
                          "(repeatable; default: every model)");
  AddFormatOption(*deu_command, deu->format, {"table", "json"});
  deu_command->add_option("--train", deu->train,
                          "fit the fitted models and their errors on this dataset and score FILE");
  AddModelErrorOptions(*deu_command, *deu);
  deu_command->callback([deu] {
    if (deu->input.from == "auto") deu->input.from = "deu";
    const std::vector<Scenario> scenarios = LoadScenarios(deu->input);
    statecraft::BacktestOptions options;
    Calibration calibration;
    ChooseModelError(*deu, ErrorSource::kCrossValidated, calibration, options);
    std::vector<Scenario> training;
    if (!deu->train.empty()) {
      InputOptions train_input = deu->input;
      train_input.file = deu->train;
      training = LoadScenarios(train_input);
      options.training = &training;
    }
    const BacktestResult result = Backtest(scenarios, ChosenModels(deu->models), options);
    if (deu->format == "json") {
      PrintJson(std::cout, BacktestToJson(result));
    } else {
      PrintScores(result);
    }
  });

  auto flagship = std::make_shared<BacktestOptions>();
  auto* flagship_command = command->add_subcommand(
      "flagship", "the built-in scenario's June 2024 forecast against the coded 2024-25 outcomes");
  AddInputOptions(*flagship_command, flagship->input);
  flagship_command->add_option("-m,--model", flagship->models,
                               "model to score (repeatable; default: every model)");
  AddFormatOption(*flagship_command, flagship->format, {"table", "json"});
  AddModelErrorOptions(*flagship_command, *flagship);
  flagship_command->callback([flagship] {
    const std::vector<Scenario> scenarios = {LoadScenario(flagship->input)};
    const std::vector<BacktestModel> models = ChosenModels(flagship->models);
    statecraft::BacktestOptions with_rules;
    Calibration calibration;
    ChooseModelError(*flagship, ErrorSource::kCalibration, calibration, with_rules);
    with_rules.min_actors = 1;
    statecraft::BacktestOptions without_rules = with_rules;
    without_rules.apply_decision_rules = false;
    const BacktestResult ruled = Backtest(scenarios, models, with_rules);
    const BacktestResult unruled = Backtest(scenarios, models, without_rules);
    if (flagship->format == "json") {
      PrintJson(std::cout, Json{{"with_decision_rules", BacktestToJson(ruled)},
                                {"without_decision_rules", BacktestToJson(unruled)}});
      return;
    }
    std::cout << "with decision rules\n";
    PrintScores(ruled);
    std::cout << "\n";
    PrintIssueForecasts(scenarios.front(), ruled);
    std::cout << "\nwithout decision rules\n";
    PrintScores(unruled);
    std::cout << "\n";
    PrintIssueForecasts(scenarios.front(), unruled);
  });
}

}  // namespace statecraft::cli

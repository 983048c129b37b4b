// `statecraft backtest deu FILE [--capability equal|votes] [--model SPEC]... [--train TRAINFILE]
//                              [--model-error on|off] [--calibration FILE] [--format
//                              table|json|csv]`
// `statecraft backtest flagship [FILE] [--model-error on|off] [--calibration FILE] [--format ...]`
// `statecraft backtest gallery [--model SPEC]... [--model-error on|off] [--calibration FILE]
//                             [--format table|json|csv]`
//
// Scores every model (or the --model list, "NAME" or "NAME:k=v,k=v") against known outcomes, as
// points and as distributions (statecraft/analysis/scoring.h, docs/calibration.md).
#include "statecraft/app/backtest_command.h"

#include <cmath>
#include <iostream>

#include "cli/common.h"
#include "cli/lever_options.h"
#include "cli/progress.h"
#include "cli/result_tables.h"
#include "statecraft/app/gallery_commands.h"
#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"

namespace statecraft::cli {
namespace {

struct BacktestOptions {
  InputOptions input;
  std::vector<std::string> models;
  std::string format;
  bool explain = false;
  OutputOptions output;
  std::string train;  // --train FILE: fit on it, score the FILE
  bool model_error = true;
  std::shared_ptr<const Calibration> calibration;
};

std::vector<BacktestModel> ChosenModels(const std::vector<std::string>& specs) {
  std::vector<BacktestModel> models;
  for (const std::string& spec : specs) models.push_back(ParseBacktestModel(spec));
  return models;
}

// The meanings of the distribution-score columns shared by every backtest's scores table, from
// "CRPS" on: `unit` is what errors are measured in, `thresholds` the "within" columns'.
std::vector<std::string> DistributionMeanings(const std::string& unit,
                                              const std::vector<int>& thresholds) {
  std::vector<std::string> meanings = {
      "continuous ranked probability score: the error of the whole forecast distribution, in " +
          unit + " (for a forecast without spread, its error); lower is better",
      "the share of what happened that fell inside the forecast's central 50% interval; a "
      "well-calibrated forecast covers 50%",
      "the same for the central 80% interval (a well-calibrated forecast covers 80%)",
      "the same for the central 90% interval (a well-calibrated forecast covers 90%)"};
  for (int threshold : thresholds) {
    meanings.push_back("the share of issues whose forecast lay within " +
                       std::to_string(threshold) + (unit.front() == '%' ? "" : " ") + unit +
                       " of what happened");
  }
  meanings.push_back(
      "yes: neither the model nor its error was fitted on the issues it is scored on; no: "
      "in-sample, so the scores flatter the model");
  return meanings;
}

std::vector<int> Thresholds(const std::map<int, double>& share_within) {
  std::vector<int> thresholds;
  for (const auto& [threshold, share] : share_within) thresholds.push_back(threshold);
  return thresholds;
}

std::string Interval(double low, double high) {
  if (std::isnan(low)) return "n/a (one scenario)";
  return "[" + FormatNumber(low, 2) + ", " + FormatNumber(high, 2) + "]";
}

void PrintScores(const BacktestResult& result, bool explain) {
  std::cout << "issues scored: " << result.issues_scored << "\nmodel error: " << result.model_error
            << "\n\n";
  std::vector<std::vector<std::string>> rows = {{"model", "MAE", "95% interval",
                                                 "vs " + result.reference, "95% interval", "CRPS",
                                                 "cover 50%", "80%", "90%"}};
  if (!result.models.empty()) {
    for (const auto& [threshold, share] : result.models.front().share_within) {
      rows.front().push_back("within " + std::to_string(threshold));
    }
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
  const std::string& reference = result.reference;
  std::vector<std::string> meanings = {
      "the model scored (with its parameters where they are not the defaults)",
      "mean absolute error: how far the forecast lay from what happened, on average over the "
      "issues, in scale points; lower is better",
      "the range that holds the model's true mean error with 95% confidence (issues of one "
      "scenario or proposal counted together)",
      "the model's mean error minus " + reference + "'s, in scale points: below 0, the model " +
          "came closer to what happened than " + reference,
      "the 95% interval of that difference: if it does not include 0, the difference is "
      "unlikely to be chance"};
  const std::vector<std::string> distribution = DistributionMeanings(
      "scale points",
      result.models.empty() ? std::vector<int>{} : Thresholds(result.models.front().share_within));
  meanings.insert(meanings.end(), distribution.begin(), distribution.end());
  PrintExplainedTable(std::cout, rows, meanings, explain);
}

// One scenario's scored issues: the coded outcome (with its range) and each model's forecast with
// its central 80 % interval.
void PrintIssueForecasts(const Scenario& scenario, const BacktestResult& result, bool explain) {
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
  std::vector<std::string> meanings = {
      kIssueMeaning, "what happened, as the scenario codes it, with its range where it has one"};
  for (std::size_t m = 0; m < result.models.size(); ++m) {
    meanings.push_back(
        "each model's forecast and, in brackets, its central 80% interval over the forecast "
        "distribution");
  }
  PrintExplainedTable(std::cout, rows, meanings, explain);
}

std::string IntervalText(double low, double high, const std::string& missing) {
  if (std::isnan(low)) return missing;
  return "[" + FormatNumber(low, 1) + ", " + FormatNumber(high, 1) + "]";
}

// Per model, the scores of backtest deu as means over cases, in percent of each issue's range.
void PrintGalleryDistributionScores(const GalleryBacktestResult& result, bool explain) {
  std::vector<std::vector<std::string>> rows = {
      {"model", "vs " + result.reference, "95% t-interval", "CRPS %", "cover 50%", "80%", "90%"}};
  for (const auto& [threshold, share] : result.models.front().share_within) {
    rows.front().push_back("within " + std::to_string(threshold) + "%");
  }
  rows.front().push_back("out of sample");
  for (const GalleryModelScore& score : result.models) {
    std::vector<std::string> row = {score.label};
    if (score.vs_reference) {
      row.push_back((score.vs_reference->mean > 0 ? "+" : "") +
                    FormatNumber(score.vs_reference->mean, 1));
      row.push_back(IntervalText(score.vs_reference->low, score.vs_reference->high, "n/a"));
    } else {
      row.push_back("-");
      row.push_back("-");
    }
    row.push_back(FormatNumber(score.crps, 1));
    for (const auto& [level, share] : score.coverage) {
      row.push_back(FormatNumber(100.0 * share, 0) + "%");
    }
    for (const auto& [threshold, share] : score.share_within) {
      row.push_back(FormatNumber(100.0 * share, 0) + "%");
    }
    row.push_back(score.out_of_sample ? "yes" : "no");
    rows.push_back(row);
  }
  const std::string& reference = result.reference;
  std::vector<std::string> meanings = {
      "the model scored",
      "the model's mean error minus " + reference + "'s, in % of each issue's range, averaged " +
          "over the cases: below 0, the model came closer to what happened than " + reference,
      "the 95% interval of that difference over the cases (Student t): if it does not include 0, "
      "the difference is unlikely to be chance"};
  const std::vector<std::string> distribution = DistributionMeanings(
      "% of the issue's range", Thresholds(result.models.front().share_within));
  meanings.insert(meanings.end(), distribution.begin(), distribution.end());
  PrintExplainedTable(std::cout, rows, meanings, explain);
}

// Per model: the mean error over cases (percent of each issue's range), its t-interval, and each
// case's error; then per case, every scored issue with its coded outcome and every forecast.
void PrintGalleryScores(const app::GalleryBacktestOutput& output, bool explain) {
  const GalleryBacktestResult& result = output.scores;
  std::cout << "cases with a known outcome: " << result.cases
            << ", issues scored: " << result.issues_scored
            << " (errors in % of each issue's range; each case counts once)\nmodel error: "
            << result.model_error << "\n\n";
  if (result.models.empty()) return;
  std::vector<std::vector<std::string>> rows = {{"model", "mean error %", "95% t-interval"}};
  for (const GalleryCaseScore& scored : result.models.front().cases) {
    rows.front().push_back(scored.name);
  }
  for (const GalleryModelScore& score : result.models) {
    std::vector<std::string> row = {
        score.label, FormatNumber(score.error_percent, 1),
        IntervalText(score.interval_low, score.interval_high, "n/a (one case)")};
    for (const GalleryCaseScore& scored : score.cases) {
      row.push_back(FormatNumber(scored.error_percent, 1));
    }
    rows.push_back(row);
  }
  std::vector<std::string> meanings = {
      "the model scored",
      "how far the forecast lay from what happened, in % of each issue's range, averaged over "
      "the cases (each case counts once); lower is better",
      "the range that holds the model's true mean error with 95% confidence (Student t over the "
      "cases)"};
  for (std::size_t c = 3; c < rows.front().size(); ++c) {
    meanings.push_back("the model's mean error on the case, in % of each issue's range");
  }
  PrintExplainedTable(std::cout, rows, meanings, explain);
  std::cout << "\n";
  PrintGalleryDistributionScores(result, explain);
  for (std::size_t index = 0; index < result.models.front().cases.size(); ++index) {
    const GalleryCaseScore& first = result.models.front().cases[index];
    const GalleryCase* gallery_case = nullptr;
    for (const GalleryCase& candidate : output.cases) {
      if (candidate.name == first.name) gallery_case = &candidate;
    }
    std::cout << "\n" << first.name << "\n";
    std::vector<std::vector<std::string>> issue_rows = {{"file", "issue", "coded outcome"}};
    for (const GalleryModelScore& score : result.models) issue_rows.front().push_back(score.label);
    for (std::size_t k = 0; k < first.issues.size(); ++k) {
      const Scenario& scenario = gallery_case->scenarios[first.issues[k].scenario];
      // Coded outcomes as written (8.833 years, not 8.8).
      const Estimate& known = *scenario.issues[first.issues[k].issue].known_outcome;
      std::string coded = NumberText(known.central);
      if (known.IsRanged()) {
        coded += " [" + NumberText(known.Low()) + ", " + NumberText(known.High()) + "]";
      }
      std::vector<std::string> row = {gallery_case->files[first.issues[k].scenario],
                                      scenario.issues[first.issues[k].issue].name, coded};
      for (const GalleryModelScore& score : result.models) {
        row.push_back(FormatNumber(score.cases[index].issues[k].predicted));
      }
      issue_rows.push_back(row);
    }
    std::vector<std::string> meanings = {
        "the case's scenario file", kIssueMeaning,
        "what happened, as the case codes it, with its range where it has one"};
    for (std::size_t m = 0; m < result.models.size(); ++m) {
      meanings.push_back("each model's forecast, after decision rules");
    }
    PrintExplainedTable(std::cout, issue_rows, meanings, explain);
  }
  if (!explain) std::cout << kExplainFooter;
}

// --format csv: the scores table in full precision, one row per model (`rules`: with or without
// decision rules, a first column for the flagship backtest, which scores both).
void AddScoresCsv(CsvTable& table, const BacktestResult& result, const std::string& rules) {
  if (table.header.empty()) {
    if (!rules.empty()) table.header.push_back("decision_rules");
    for (const char* name :
         {"model", "mae", "mae_low_95", "mae_high_95", "vs_reference", "vs_reference_mean",
          "vs_reference_low_95", "vs_reference_high_95", "crps"}) {
      table.header.push_back(name);
    }
    if (!result.models.empty()) {
      for (const auto& [level, share] : result.models.front().coverage) {
        table.header.push_back("coverage_" + std::to_string(level));
      }
      for (const auto& [threshold, share] : result.models.front().share_within) {
        table.header.push_back("within_" + std::to_string(threshold));
      }
    }
    table.header.push_back("out_of_sample");
  }
  auto number = [](double value) { return std::isnan(value) ? Json() : Json(value); };
  for (const ModelScore& score : result.models) {
    std::vector<Json> row;
    if (!rules.empty()) row.push_back(rules);
    row.insert(row.end(),
               {score.label, number(score.mean_absolute_error), number(score.interval_low),
                number(score.interval_high), result.reference});
    if (score.vs_reference) {
      row.insert(row.end(), {number(score.vs_reference->mean), number(score.vs_reference->low),
                             number(score.vs_reference->high)});
    } else {
      row.insert(row.end(), {Json(), Json(), Json()});
    }
    row.push_back(number(score.crps));
    for (const auto& [level, share] : score.coverage) row.push_back(number(share));
    for (const auto& [threshold, share] : score.share_within) row.push_back(number(share));
    row.push_back(score.out_of_sample);
    table.rows.push_back(row);
  }
}

CsvTable GalleryCsv(const GalleryBacktestResult& result) {
  CsvTable table{{"model", "error_percent", "error_percent_low_95", "error_percent_high_95"}, {}};
  if (result.models.empty()) return table;
  for (const GalleryCaseScore& scored : result.models.front().cases) {
    table.header.push_back(scored.name);
  }
  auto number = [](double value) { return std::isnan(value) ? Json() : Json(value); };
  for (const GalleryModelScore& score : result.models) {
    std::vector<Json> row = {score.label, number(score.error_percent), number(score.interval_low),
                             number(score.interval_high)};
    for (const GalleryCaseScore& scored : score.cases) row.push_back(number(scored.error_percent));
    table.rows.push_back(row);
  }
  return table;
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
  AddFormatOption(*deu_command, deu->format, {"table", "json", "csv"});
  AddExplainOption(*deu_command, deu->explain);
  AddProgressOptions(*deu_command, deu->output);
  deu_command->add_option("--train", deu->train,
                          "fit the fitted models and the models' errors on this dataset and "
                          "score FILE");
  AddModelErrorOptions(*deu_command, deu->model_error, deu->calibration);
  deu_command->callback([deu] {
    if (deu->input.from == "auto") deu->input.from = "deu";
    app::BacktestRequest request;
    request.scenarios = {SourceOf(deu->input)};
    request.models = ChosenModels(deu->models);
    request.model_error = deu->model_error;
    request.calibration = deu->calibration;
    if (!deu->train.empty()) {
      InputOptions train = deu->input;
      train.file = deu->train;
      request.training = {SourceOf(train)};
    }
    ProgressLine progress("backtest", "forecasts", deu->output);
    const app::BacktestOutput output =
        Unwrap(app::Backtest(request, ProgressContext(nullptr, progress)));
    progress.Finish();
    if (deu->format == "json") {
      PrintJson(std::cout, app::BacktestOutputToJson(output));
    } else if (deu->format == "csv") {
      CsvTable table;
      AddScoresCsv(table, output.scores, "");
      PrintCsv(std::cout, table);
    } else {
      PrintScores(output.scores, deu->explain);
      if (!deu->explain) std::cout << kExplainFooter;
    }
  });

  auto flagship = std::make_shared<BacktestOptions>();
  auto* flagship_command = command->add_subcommand(
      "flagship", "the built-in scenario's June 2024 forecast against the coded 2024-25 outcomes");
  AddInputOptions(*flagship_command, flagship->input);
  flagship_command->add_option("-m,--model", flagship->models,
                               "model to score (repeatable; default: every model)");
  AddFormatOption(*flagship_command, flagship->format, {"table", "json", "csv"});
  AddExplainOption(*flagship_command, flagship->explain);
  AddProgressOptions(*flagship_command, flagship->output);
  AddModelErrorOptions(*flagship_command, flagship->model_error, flagship->calibration);
  flagship_command->callback([flagship] {
    app::BacktestRequest request;
    request.scenarios = {SourceOf(flagship->input)};
    request.models = ChosenModels(flagship->models);
    request.model_error = flagship->model_error;
    request.calibration = flagship->calibration;
    request.min_actors = 1;
    request.both_rules = true;
    ProgressLine progress("backtest", "forecasts", flagship->output);
    const app::BacktestOutput output =
        Unwrap(app::Backtest(request, ProgressContext(nullptr, progress)));
    progress.Finish();
    if (output.scenarios.size() != 1) {
      throw InputError(app::SourceName(SourceOf(flagship->input)) + ": holds " +
                       std::to_string(output.scenarios.size()) +
                       " scenarios, expected one (`backtest deu` scores a dataset)");
    }
    if (flagship->format == "json") {
      PrintJson(std::cout, app::BacktestOutputToJson(output));
      return;
    }
    if (flagship->format == "csv") {
      CsvTable table;
      AddScoresCsv(table, output.scores, "with");
      AddScoresCsv(table, *output.without_decision_rules, "without");
      PrintCsv(std::cout, table);
      return;
    }
    const bool explain = flagship->explain;
    std::cout << "with decision rules\n";
    PrintScores(output.scores, explain);
    std::cout << "\n";
    PrintIssueForecasts(output.scenarios.front(), output.scores, explain);
    std::cout << "\nwithout decision rules\n";
    PrintScores(*output.without_decision_rules, explain);
    std::cout << "\n";
    PrintIssueForecasts(output.scenarios.front(), *output.without_decision_rules, explain);
    if (!explain) std::cout << kExplainFooter;
  });

  auto gallery = std::make_shared<BacktestOptions>();
  auto* gallery_command = command->add_subcommand(
      "gallery", "every built-in case with a known outcome (errors in % of each issue's range)");
  gallery_command->add_option("-m,--model", gallery->models,
                              "model to score (repeatable; default: every model)");
  AddFormatOption(*gallery_command, gallery->format, {"table", "json", "csv"});
  AddExplainOption(*gallery_command, gallery->explain);
  AddModelErrorOptions(*gallery_command, gallery->model_error, gallery->calibration);
  gallery_command->callback([gallery] {
    app::GalleryBacktestRequest request;
    request.models = ChosenModels(gallery->models);
    request.model_error = gallery->model_error;
    request.calibration = gallery->calibration;
    const app::GalleryBacktestOutput output = Unwrap(app::BacktestGallery(request));
    if (gallery->format == "json") {
      PrintJson(std::cout, app::GalleryBacktestOutputToJson(output));
    } else if (gallery->format == "csv") {
      PrintCsv(std::cout, GalleryCsv(output.scores));
    } else {
      PrintGalleryScores(output, gallery->explain);
    }
  });
}

}  // namespace statecraft::cli

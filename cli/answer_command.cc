// `statecraft answer [FILE] [--draws N] [--optimize-draws N] [--seed S] [--threads T]
//  [--model SPEC]... [--format table|json|csv]`, and `statecraft` with no command (and `make
//  demo`):
// the answer to the question the scenario declares (its `question` key; the built-in scenario
// asks whether the West can bring North Korean munitions for Russia down to token level):
//
//   1. the baseline forecast per model, with 10-90 % intervals over the draws;
//   2. each declared plan: the probability of the target per model;
//   3. per model, the cheapest plan that reaches the target with the required probability, and
//      what the opponent's best counter-levers do to it;
//   4. the backtest, when issues have known outcomes: the forecast against them;
//   5. where the models disagree, in plain words (computed with the answer, analysis/answer.h).
#include "statecraft/app/answer_command.h"

#include <cmath>
#include <iostream>

#include "cli/common.h"
#include "cli/lever_options.h"
#include "cli/progress.h"
#include "cli/result_tables.h"

namespace statecraft::cli {
namespace {

struct AnswerCommandOptions {
  InputOptions input;
  std::vector<std::string> models;
  app::Uncertainty uncertainty{500};
  std::int64_t optimize_draws = 100;
  std::string format = "table";
  bool explain = false;
  OutputOptions output;
};

std::vector<const ModelAnswer*> ModelsThatRan(const Answer& answer) {
  std::vector<const ModelAnswer*> ran;
  for (const ModelAnswer& item : answer.answers) {
    if (item.failure.empty()) ran.push_back(&item);
  }
  return ran;
}

void PrintHeading(std::ostream& out, const Scenario& scenario, const Answer& answer) {
  out << scenario.name << "\n"
      << "Question: " << answer.question.text << " (" << answer.target.text << " with "
      << FormatPercent(answer.question.probability) << " confidence"
      << (answer.question.budget ? ", budget " + FormatNumber(*answer.question.budget)
                                 : std::string())
      << ")\n";
  std::string ruled;
  for (const Issue& issue : scenario.issues) {
    if (issue.decision_rule.kind != DecisionRule::Kind::kDeciders) continue;
    std::string deciders;
    const auto& list = issue.decision_rule.deciders;
    for (std::size_t k = 0; k < list.size(); ++k) {
      deciders += (k == 0                 ? ""
                   : k + 1 == list.size() ? " and "
                                          : ", ") +
                  scenario.actors[list[k]].name;
    }
    ruled += (ruled.empty() ? "" : "; ") + issue.name + " is decided by " + deciders;
  }
  out << "Outcomes are after decision rules" << (ruled.empty() ? "" : " (" + ruled + ")")
      << "; every ranged input is sampled (" << DistributionName(answer.sweep.distribution) << "), "
      << answer.sweep.draws << " draws, seed " << answer.sweep.seed << ".\n"
      << "Probabilities and intervals are " << ModelErrorNote(answer.sweep) << ".\n";
  for (const ModelAnswer& item : answer.answers) {
    if (!item.failure.empty()) {
      out << "note: model " << item.model << " was left out: " << item.failure << "\n";
    }
  }
}

void PrintBaseline(std::ostream& out, const Scenario& scenario, const Answer& answer,
                   bool explain) {
  out << "\n1. Baseline forecast (no lever): median [10%, 90%]\n";
  std::vector<std::vector<std::string>> rows = {{"model"}};
  for (const Issue& issue : scenario.issues) rows[0].push_back(issue.name);
  std::vector<const Forecast*> central;
  for (const ModelAnswer* item : ModelsThatRan(answer)) {
    std::vector<std::string> row = {item->model};
    const WhatifCell& baseline = AnswerCell(*item, 0);
    for (std::size_t issue = 0; issue < baseline.quantiles.size(); ++issue) {
      row.push_back(FormatInterval(baseline.quantiles[issue]) +
                    SettlementMark(baseline.central, static_cast<int>(issue)));
    }
    rows.push_back(row);
    central.push_back(&baseline.central);
  }
  std::vector<std::string> status_quo = {"status quo"};
  std::vector<std::string> known = {"known outcome"};
  for (const Issue& issue : scenario.issues) {
    status_quo.push_back(issue.reference_point ? FormatNumber(issue.reference_point->central)
                                               : "-");
    known.push_back(issue.known_outcome ? FormatNumber(issue.known_outcome->central) : "-");
  }
  rows.push_back(status_quo);
  rows.push_back(known);
  std::vector<std::string> meanings = {
      "the model that forecasts; 'status quo': the issues' values today, 'known outcome': what "
      "actually happened, as the scenario declares them"};
  std::vector<std::vector<double>> medians(scenario.issues.size());
  for (std::size_t issue = 0; issue < scenario.issues.size(); ++issue) {
    meanings.push_back(
        "the outcome on the issue after decision rules, over the draws: median [10%, 90%], the "
        "middle draw and, in brackets, the values one draw in ten ends below and one in ten "
        "above");
    for (const ModelAnswer* item : ModelsThatRan(answer)) {
      medians[issue].push_back(AnswerCell(*item, 0).quantiles[issue].median);
    }
  }
  PrintExplainedTable(out, rows, meanings, explain);
  if (explain) out << "\n";
  if (const std::string note = SettlementNote(central); !note.empty()) {
    out << note << " (marked at central values)\n";
  }
  if (const std::string note = AnchorNote(scenario, medians); !note.empty()) out << "\n" << note;
}

void PrintPlans(std::ostream& out, const Scenario& scenario, const LeverSet& levers,
                const Answer& answer, bool explain) {
  const std::vector<const ModelAnswer*> ran = ModelsThatRan(answer);
  out << "\n2. Levers alone and combined: P(" << answer.target.text << ") per model, median "
      << scenario.issues[answer.target.issue].name << " in brackets\n";
  if (ran.empty()) return;
  std::vector<std::vector<std::string>> rows = {{"plan", "levers", "cost"}};
  for (const ModelAnswer* item : ran) rows[0].push_back(item->model);
  const std::vector<WhatifCase>& cases = ran.front()->whatif.cases;
  for (std::size_t plan = 0; plan < cases.size(); ++plan) {
    std::vector<std::string> row = {cases[plan].name, DescribeLevers(cases[plan].levers),
                                    FormatNumber(cases[plan].cost)};
    for (const ModelAnswer* item : ran) {
      const WhatifCell& cell = AnswerCell(*item, plan);
      row.push_back(FormatPercent(cell.target_probability.value_or(0)) + " (" +
                    FormatNumber(cell.quantiles[answer.target.issue].median, 0) + ")");
    }
    rows.push_back(row);
  }
  std::vector<std::string> meanings = {"the plan's name in the scenario ('baseline': no lever)",
                                       "the plan's levers and their magnitudes",
                                       "what the plan costs, in the scenario's cost points"};
  for (std::size_t m = 0; m < ran.size(); ++m) {
    meanings.push_back("per model, the chance of " + answer.target.text +
                       " with the plan (the share of draws that end so) and, in brackets, the "
                       "median outcome on " +
                       scenario.issues[answer.target.issue].name);
  }
  PrintExplainedTable(out, rows, meanings, explain);
  if (explain) out << "\n";
  for (const WhatifCase& declared : cases) {
    if (declared.deals.empty()) continue;
    out << "  deal in '" << declared.name
        << "' at central values: " << declared.deals.front().reason << "\n    struck in "
        << FormatPercent(DealStruckShare(declared.cells.front().sweep)) << " of the draws\n";
    break;
  }
  for (const Lever& lever : levers.levers) {
    if (!lever.excluded.empty()) {
      out << "  " << lever.name << " (" << lever.description << ") is excluded: " << lever.excluded
          << "\n";
    }
  }
}

void PrintCheapest(std::ostream& out, const LeverSet& levers, const Answer& answer, bool explain) {
  out << "\n3. Cheapest plan reaching P(" << answer.target.text
      << ") >= " << FormatPercent(answer.question.probability);
  const std::string draws = std::to_string(answer.optimize.sweep.draws) + " draws per evaluation";
  if (levers.counter.levers.empty()) {
    out << " (" << draws << ")\n";
  } else {
    out << " against " << (answer.opponent.empty() ? std::string("the opponent") : answer.opponent)
        << "'s best counter-levers (budget " << FormatNumber(levers.counter.budget) << "; " << draws
        << ")\n";
  }
  std::vector<std::vector<std::string>> rows = {
      {"model", "cheapest plan", "cost", "P without counter", "P with counter", "best counter"}};
  for (const ModelAnswer* item : ModelsThatRan(answer)) {
    if (!item->optimize) continue;
    const OptimizeResult& result = *item->optimize;
    if (result.best) {
      const PlanEvaluation& best = *result.best;
      rows.push_back(
          {item->model, DescribeLevers(best.levers), FormatNumber(best.cost),
           FormatPercent(best.probability),
           FormatPercent(best.countered_probability.value_or(best.probability)),
           best.best_counter.empty() ? "none helps" : DescribeLevers(best.best_counter)});
    } else if (!result.closest.empty()) {
      const PlanEvaluation& closest = result.closest.front();
      rows.push_back(
          {item->model, "none; closest: " + DescribeLevers(closest.levers),
           FormatNumber(closest.cost),
           FormatPercent(closest.probability) + " (median " + FormatNumber(closest.median, 0) + ")",
           FormatPercent(closest.countered_probability.value_or(closest.probability)),
           closest.best_counter.empty() ? "-" : DescribeLevers(closest.best_counter)});
    }
  }
  const std::string target = answer.target.text;
  PrintExplainedTable(
      out, rows,
      {"the model that weighs the plans",
       "the cheapest plan of levers that reaches the target ('none; closest': no plan does, the "
       "nearest shown)",
       "what the plan costs, in the scenario's cost points",
       "the chance of " + target + " with the plan if the opponent does nothing",
       "the chance of " + target + " with the plan once the opponent plays its best counter-plan",
       "the opponent's counter-plan that lowers that chance the most ('none helps': none lowers "
       "it)"},
      explain);
}

void PrintBacktest(std::ostream& out, const Scenario& scenario, const Answer& answer,
                   bool explain) {
  bool any_known = false;
  for (const Issue& issue : scenario.issues) any_known = any_known || issue.known_outcome;
  if (!any_known) return;
  out << "\n4. Backtest: the forecast (central values) against the known outcomes; absolute "
         "error, without decision rules in brackets\n";
  std::vector<std::vector<std::string>> rows = {{"model"}};
  for (const Issue& issue : scenario.issues) rows[0].push_back(issue.name);
  rows[0].push_back("mean error");
  rows[0].push_back("known outcome in 10-90%");
  for (const ModelAnswer* item : ModelsThatRan(answer)) {
    const WhatifCell& cell = AnswerCell(*item, 0);
    std::vector<std::string> row = {item->model};
    double ruled_sum = 0.0, own_sum = 0.0;
    int scored = 0, inside = 0;
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      const auto& known_outcome = scenario.issues[issue].known_outcome;
      if (!known_outcome) {
        row.push_back("-");
        continue;
      }
      const double ruled = std::abs(cell.central.ruled_outcome[issue] - known_outcome->central);
      const double own = std::abs(cell.central.outcome[issue] - known_outcome->central);
      ruled_sum += ruled;
      own_sum += own;
      ++scored;
      const Quantiles& quantiles = cell.quantiles[issue];
      inside += known_outcome->central >= quantiles.q10 && known_outcome->central <= quantiles.q90;
      row.push_back(FormatNumber(ruled) + (own != ruled ? " (" + FormatNumber(own) + ")" : ""));
    }
    row.push_back(FormatNumber(ruled_sum / scored) + " (" + FormatNumber(own_sum / scored) + ")");
    row.push_back(std::to_string(inside) + " of " + std::to_string(scored));
    rows.push_back(row);
  }
  std::vector<std::string> meanings = {"the model"};
  for (std::size_t issue = 0; issue < scenario.issues.size(); ++issue) {
    meanings.push_back(
        "how far the model's central forecast after decision rules lies from what happened, in "
        "the issue's scale points ('-': no known outcome); before the rules in brackets where "
        "they differ");
  }
  meanings.push_back(
      "the average of those distances over the issues (before the rules in "
      "brackets)");
  meanings.push_back(
      "on how many issues what happened lies between the forecast's 10% and 90% values");
  PrintExplainedTable(out, rows, meanings, explain);
}

// `alone`: `statecraft` with no command, whose footer names the command that takes --explain.
void PrintAnswer(std::ostream& out, const app::AnswerOutput& output, bool explain, bool alone) {
  const Scenario& scenario = output.input->scenario;
  const Answer& answer = output.answer;
  PrintHeading(out, scenario, answer);
  PrintBaseline(out, scenario, answer, explain);
  PrintPlans(out, scenario, output.input->levers, answer, explain);
  PrintCheapest(out, output.input->levers, answer, explain);
  PrintBacktest(out, scenario, answer, explain);
  out << "\n5. Where the models disagree\n";
  for (const std::string& line : answer.disagreements) out << "- " << line << "\n";
  const std::string target = answer.target.text;
  out << "\nCosts are analyst judgements in cost points (scenario file). More: statecraft whatif "
         "--target \""
      << target << "\", statecraft optimize --target \"" << target
      << "\" --model NAME, statecraft sweep --plan PLAN --target \"" << target
      << "\", docs/levers.md.\n";
  if (alone) {
    out << "\n(statecraft answer --explain says what each column means)\n";
  } else if (!explain) {
    out << kExplainFooter;
  }
}

// --format csv: the baseline forecast (section 1) in full precision, one row per model and issue.
void PrintAnswerCsv(std::ostream& out, const app::AnswerOutput& output) {
  const Scenario& scenario = output.input->scenario;
  CsvTable table{{"model", "issue", "median", "q10", "q90", "mean", "central"}, {}};
  for (const ModelAnswer* item : ModelsThatRan(output.answer)) {
    const WhatifCell& baseline = AnswerCell(*item, 0);
    for (std::size_t issue = 0; issue < baseline.quantiles.size(); ++issue) {
      const Quantiles& quantiles = baseline.quantiles[issue];
      table.rows.push_back({item->model, scenario.issues[issue].name, quantiles.median,
                            quantiles.q10, quantiles.q90, quantiles.mean,
                            baseline.central.ruled_outcome[issue]});
    }
  }
  PrintCsv(out, table);
}

app::AnswerRequest RequestOf(const AnswerCommandOptions& options) {
  app::AnswerRequest request;
  request.scenario = SourceOf(options.input);
  request.models = ModelSpecs(options.models);
  request.uncertainty = options.uncertainty;
  request.optimize_draws = options.optimize_draws;
  return request;
}

}  // namespace

int RunDefaultAnswer(std::ostream& out) {
  ProgressLine progress("answer", "models", ShowsProgress(OutputOptions{}));
  const app::AnswerOutput output = Unwrap(
      app::ComputeAnswer(RequestOf(AnswerCommandOptions{}), ProgressContext(nullptr, progress)));
  progress.Finish();
  PrintAnswer(out, output, false, true);
  return 0;
}

void AddAnswerCommand(CLI::App& app) {
  auto options = std::make_shared<AnswerCommandOptions>();
  auto* command = app.add_subcommand(
      "answer",
      "the answer to the question a scenario declares (`statecraft` alone: the built-in one)");
  AddInputOptions(*command, options->input);
  command->add_option("-m,--model", options->models,
                      "model, NAME or NAME:k=v,k=v (repeatable; default: every model)");
  AddUncertaintyOptions(*command, options->uncertainty, 500);
  command
      ->add_option("--optimize-draws", options->optimize_draws,
                   "draws per evaluation in the search for the cheapest plan")
      ->default_val(100);
  AddFormatOption(*command, options->format, {"table", "json", "csv"});
  AddExplainOption(*command, options->explain);
  AddProgressOptions(*command, options->output);
  command->callback([options] {
    ProgressLine progress("answer", "models", options->output);
    const app::AnswerOutput output =
        Unwrap(app::ComputeAnswer(RequestOf(*options), ProgressContext(nullptr, progress)));
    progress.Finish();
    if (options->format == "json") {
      PrintJson(std::cout, app::AnswerOutputToJson(output));
    } else if (options->format == "csv") {
      PrintAnswerCsv(std::cout, output);
    } else {
      PrintAnswer(std::cout, output, options->explain, false);
    }
  });
}

}  // namespace statecraft::cli

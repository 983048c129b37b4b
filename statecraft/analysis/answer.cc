#include "statecraft/analysis/answer.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <tuple>

#include "statecraft/analysis/answer_work.h"

namespace statecraft {
namespace {

// Spreads and moves are told in whole points; a spread of 20 points or more between models'
// baseline medians is a disagreement, and a plan "moves" the target issue when it shifts the
// median by 5 points or more.
constexpr double kDisagreementSpread = 20.0;
constexpr double kPlanMoves = 5.0;
// An actor description up to this length reads as a name ("Russia"); longer ones do not.
constexpr std::size_t kShortName = 30;

std::string Fixed(double value, int digits) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
}

std::string Percent(double probability) { return Fixed(100.0 * probability, 0) + "%"; }

std::string Join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::string LeversText(const std::vector<AppliedLever>& levers) { return DescribeLevers(levers); }

std::vector<std::string> BaselineSpreads(const Scenario& scenario,
                                         const std::vector<const ModelAnswer*>& ran) {
  std::vector<std::string> lines;
  for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
    const ModelAnswer* low = ran.front();
    const ModelAnswer* high = ran.front();
    const auto median = [issue](const ModelAnswer* item) {
      return AnswerCell(*item, 0).quantiles[issue].median;
    };
    for (const ModelAnswer* item : ran) {
      if (median(item) < median(low)) low = item;
      if (median(item) > median(high)) high = item;
    }
    const double spread = median(high) - median(low);
    if (spread >= kDisagreementSpread) {
      lines.push_back("Baseline " + scenario.issues[issue].name + ": the models disagree by " +
                      Fixed(spread, 0) + " points, from " + low->model + " (" +
                      Fixed(median(low), 1) + ") to " + high->model + " (" +
                      Fixed(median(high), 1) + ").");
    }
  }
  return lines;
}

// Plans some models say move the target issue and others say do not.
std::vector<std::string> SplitPlans(const Scenario& scenario, const Answer& answer,
                                    const std::vector<const ModelAnswer*>& ran) {
  std::vector<std::string> lines;
  const int issue = answer.target.issue;
  for (std::size_t plan = 1; plan < ran.front()->whatif.cases.size(); ++plan) {
    std::vector<std::string> moved;
    std::vector<std::string> unmoved;
    for (const ModelAnswer* item : ran) {
      const double change = AnswerCell(*item, plan).quantiles[issue].median -
                            AnswerCell(*item, 0).quantiles[issue].median;
      const std::string shown =
          std::abs(change) < 0.5 ? std::string("0") : (change > 0 ? "+" : "") + Fixed(change, 0);
      (std::abs(change) >= kPlanMoves ? moved : unmoved).push_back(item->model + " " + shown);
    }
    if (!moved.empty() && !unmoved.empty()) {
      lines.push_back("Plan '" + ran.front()->whatif.cases[plan].name + "' moves the median of " +
                      scenario.issues[issue].name + " by 5 points or more under " + Join(moved) +
                      "; not under " + Join(unmoved) + ".");
    }
  }
  return lines;
}

std::string Reachability(const Answer& answer, const std::vector<const ModelAnswer*>& ran,
                         bool countered) {
  std::vector<std::string> reach;
  std::vector<std::string> fail;
  for (const ModelAnswer* item : ran) {
    if (item->optimize && item->optimize->best) {
      reach.push_back(item->model + " (" + LeversText(item->optimize->best->levers) + ")");
    } else {
      fail.push_back(item->model);
    }
  }
  const std::string goal =
      answer.target.text + " with " + Percent(answer.question.probability) + " confidence";
  const std::string against =
      countered ? " against " +
                      (answer.opponent.empty() ? std::string("the opponent") : answer.opponent) +
                      "'s best counter"
                : "";
  if (!reach.empty() && !fail.empty()) {
    return "Target " + goal + against + ": reachable for " + Join(reach) +
           "; not reachable with the declared levers for " + Join(fail) + ".";
  }
  if (reach.empty()) {
    // With the models' own error counted, an unreachable target is a finding about what can be
    // known, not a failure of the search.
    return "No model finds a plan of the declared levers that reaches " + goal + against +
           (answer.sweep.calibration != nullptr
                ? " once each model's own error on past decisions is counted: no model is "
                  "accurate enough to promise it (with model error off, the probabilities show the "
                  "inputs' spread alone)."
                : ".");
  }
  return "Every model finds a plan that reaches " + goal + against + ": " + Join(reach) + ".";
}

}  // namespace

const WhatifCell& AnswerCell(const ModelAnswer& answer, std::size_t plan) {
  return answer.whatif.cases[plan].cells.front();
}

std::string OpponentName(const Scenario& scenario, const LeverSet& levers) {
  const std::string& owner = levers.counter.owner;
  const int actor = owner.empty() ? -1 : scenario.ActorIndex(owner);
  if (actor < 0) return owner;
  const std::string& description = scenario.actors[actor].description;
  if (!description.empty() && description.size() <= kShortName &&
      description.find('\n') == std::string::npos) {
    return description;
  }
  return owner;
}

std::vector<std::string> Disagreements(const Scenario& scenario, const Answer& answer) {
  std::vector<const ModelAnswer*> ran;
  for (const ModelAnswer& item : answer.answers) {
    if (item.failure.empty()) ran.push_back(&item);
  }
  if (ran.empty()) return {};
  std::vector<std::string> lines = BaselineSpreads(scenario, ran);
  for (std::string& line : SplitPlans(scenario, answer, ran)) lines.push_back(std::move(line));
  lines.push_back(Reachability(answer, ran, !answer.opponent.empty() || answer.optimize.budget));
  return lines;
}

std::optional<FoundPlan> ChooseFoundPlan(const Answer& answer) {
  struct Choice {
    const ModelAnswer* item;
    const PlanEvaluation* plan;
    std::string words;
    bool reached;
  };
  std::vector<Choice> choices;
  for (const ModelAnswer& item : answer.answers) {
    if (!item.failure.empty() || !item.optimize) continue;
    const OptimizeResult& result = *item.optimize;
    if (result.best) {
      choices.push_back({&item, &*result.best, DescribeLevers(result.best->levers), true});
    } else if (!result.closest.empty()) {
      const PlanEvaluation& closest = result.closest.front();
      choices.push_back({&item, &closest, DescribeLevers(closest.levers), false});
    }
  }
  if (choices.empty()) return std::nullopt;
  const auto same = [](const Choice& a, const Choice& b) {
    return a.words == b.words && a.reached == b.reached;
  };
  const auto key = [&](const Choice& choice) {
    const double chosen = static_cast<double>(std::count_if(
        choices.begin(), choices.end(), [&](const Choice& other) { return same(other, choice); }));
    const double probability = choice.plan->probability;
    return std::make_tuple(choice.reached, choice.reached ? chosen : probability,
                           choice.reached ? probability : chosen, -choice.plan->cost);
  };
  const Choice* best = &choices.front();
  for (const Choice& choice : choices) {
    if (key(choice) > key(*best)) best = &choice;
  }
  FoundPlan found;
  found.model = best->item->model;
  found.reached = best->reached;
  for (const Choice& choice : choices) {
    if (same(choice, *best)) {
      found.chosen_under.push_back(choice.item->model);
    } else {
      found.others.push_back((choice.plan->levers.empty() ? "no lever" : choice.words) + " (" +
                             choice.item->model + (choice.reached ? "" : ", closest") + ")");
    }
  }
  return found;
}

namespace {

// The found plan under every model that ran, as a what-if with the answer's draws and seeds.
void WeighFoundPlan(const Scenario& scenario, const LeverSet& levers, Answer& answer) {
  const PlanEvaluation* chosen = nullptr;
  std::vector<ModelChoice> ran;
  for (std::size_t m = 0; m < answer.answers.size(); ++m) {
    const ModelAnswer& item = answer.answers[m];
    if (!item.failure.empty()) continue;
    for (const ModelChoice& choice : answer.models) {
      if (choice.info->name == item.model) ran.push_back(choice);
    }
    if (item.model == answer.found->model && item.optimize) {
      chosen = item.optimize->best ? &*item.optimize->best : &item.optimize->closest.front();
    }
  }
  if (chosen == nullptr || ran.empty()) return;
  Plan plan{"found by the search", "the plan the search for the cheapest plan found", {}};
  for (const AppliedLever& lever : chosen->levers) {
    plan.items.push_back({lever.lever->name, lever.magnitude});
  }
  try {
    answer.found->whatif = RunWhatif(scenario, levers, {plan}, ran, answer.sweep, answer.target);
  } catch (const SweepCancelled&) {
    answer.cancelled = true;
  } catch (const std::exception&) {
    // Every model that ran weighed these levers in its search; should one still fail on the
    // plan, the found plan is named without its what-if.
    answer.found->whatif = WhatifResult{};
  }
}

}  // namespace

Answer ComputeAnswer(const Scenario& scenario, const LeverSet& levers, const Question& question,
                     const AnswerOptions& options) {
  Answer answer;
  answer.question = question;
  answer.target = ParseTarget(scenario, question.target);
  answer.opponent = OpponentName(scenario, levers);
  answer.sweep = options.sweep;
  answer.optimize.sweep = options.sweep;
  answer.optimize.sweep.draws = options.optimize_draws;
  answer.optimize.target = answer.target;
  answer.optimize.probability = question.probability;
  answer.optimize.budget = question.budget;
  answer.optimize.runners_up = options.runners_up;
  answer.optimize.cancelled = options.cancelled;
  answer.models = options.models.empty() ? AllModels() : options.models;
  AnswerWork work(scenario, levers, answer, options);
  work.Run();
  if (answer.cancelled) return answer;
  answer.found = ChooseFoundPlan(answer);
  if (answer.found) {
    WeighFoundPlan(scenario, levers, answer);
    if (answer.cancelled) return answer;
  }
  answer.disagreements = Disagreements(scenario, answer);
  return answer;
}

}  // namespace statecraft

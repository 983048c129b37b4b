// The answer to a scenario's question (core/scenario.h, Question): what `statecraft answer`, the
// API's POST /api/answer and Python's statecraft.answer() give, and what `statecraft` prints for
// the built-in scenario.
//
// For every model: the baseline and each declared plan as a what-if (point forecasts and Monte
// Carlo quantiles, the probability of the question's target), and the cheapest plan of the
// declared levers that meets the target with the required probability against the opponent's
// best counter-levers within its budget (Optimize). Then, in plain sentences, where the models
// disagree: baselines that differ widely, plans that move the target issue under some models and
// not others, and which models find a plan that reaches the target. A model that cannot run on
// the scenario is reported as a failure, not allowed to hide the others.
#ifndef STATECRAFT_ANALYSIS_ANSWER_H_
#define STATECRAFT_ANALYSIS_ANSWER_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "statecraft/analysis/model_choice.h"
#include "statecraft/analysis/optimize.h"
#include "statecraft/analysis/whatif.h"

namespace statecraft {

struct AnswerOptions {
  SweepOptions sweep;        // the what-ifs' draws, seed, threads and distribution
  int optimize_draws = 100;  // draws per evaluation in the search for the cheapest plan
  int runners_up = 2;
  std::vector<ModelChoice> models;  // empty: every registered model
  // Called after each model with (models done, models in all); may be empty.
  std::function<void(int, int)> progress;
  // Polled between models and inside the search; true stops the answer (cancelled is set).
  std::function<bool()> cancelled;
};

struct ModelAnswer {
  std::string model;
  std::string failure;  // non-empty: the model could not run on this scenario
  WhatifResult whatif;  // the baseline and every declared plan, this model only
  std::optional<OptimizeResult> optimize;
};

// The plan the answer is about, the one its first screen names: of the plans the models' searches
// find, the cheapest plan that reaches the target which most models choose (then the likelier,
// then the cheaper); when no model's plan reaches it, the closest plan with the highest
// probability (then the most chosen, then the cheaper). It is weighed again as a what-if under
// every model that ran, with the declared plans' draws and seeds, so that each model's
// probability of it can stand beside theirs.
struct FoundPlan {
  std::string model;  // a model whose search chose it (the first of chosen_under)
  bool reached = false;
  std::vector<std::string> chosen_under;  // the models whose search chose this plan
  std::vector<std::string> others;        // "PLAN (MODEL)" or "PLAN (MODEL, closest)"
  WhatifResult whatif;  // cases: the baseline, then this plan; one cell per model that ran
};

struct Answer {
  Question question;
  Target target;
  std::string
      opponent;  // how the sentences name the counter-levers' owner ("Russia"); may be empty
  SweepOptions sweep;
  OptimizeOptions optimize;  // the search's settings (its draws, target, probability, budget)
  std::vector<ModelChoice> models;
  std::vector<ModelAnswer> answers;        // one per model, in order
  std::vector<std::string> disagreements;  // plain sentences, computed with the answer
  std::optional<FoundPlan> found;          // none when no model's search weighed a plan
  bool cancelled = false;
};

// Answers the question on the scenario and its levers. InputError when the question's target
// does not fit the scenario.
Answer ComputeAnswer(const Scenario& scenario, const LeverSet& levers, const Question& question,
                     const AnswerOptions& options);

// The what-if cell of a model that ran, for plan k (0: the baseline).
const WhatifCell& AnswerCell(const ModelAnswer& answer, std::size_t plan);

// The plan the answer is about (FoundPlan), without its what-if; none when no search weighed a
// plan.
std::optional<FoundPlan> ChooseFoundPlan(const Answer& answer);

// Where the models agree and disagree, in plain sentences (see the file comment).
std::vector<std::string> Disagreements(const Scenario& scenario, const Answer& answer);

// How the answer names the opponent: the owner actor's description when it is a short name
// ("Russia"), else the actor's name; empty without an owner.
std::string OpponentName(const Scenario& scenario, const LeverSet& levers);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_ANSWER_H_

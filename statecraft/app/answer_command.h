// answer: the answer to the question a scenario declares (analysis/answer.h) — what `statecraft
// answer [FILE]`, POST /api/answer and statecraft.answer() give, and what `statecraft` alone
// prints for the built-in scenario.
#ifndef STATECRAFT_APP_ANSWER_COMMAND_H_
#define STATECRAFT_APP_ANSWER_COMMAND_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "statecraft/analysis/answer.h"
#include "statecraft/app/checks.h"
#include "statecraft/app/context.h"
#include "statecraft/app/outcome.h"
#include "statecraft/app/scenario_source.h"

namespace statecraft::app {

struct AnswerRequest {
  ScenarioSource scenario;
  std::vector<ModelSpec> models;      // empty: every model
  Uncertainty uncertainty{500};       // the what-ifs' draws per plan and model
  std::int64_t optimize_draws = 100;  // draws per evaluation in the search for the cheapest plan
};

struct PreparedAnswer {
  std::shared_ptr<const ScenarioWithLevers> input;
  Question question;
  AnswerOptions options;
};

struct AnswerOutput {
  std::shared_ptr<const ScenarioWithLevers> input;
  Answer answer;
};

// Bad input when the scenario declares no `question`.
Outcome<PreparedAnswer> PrepareAnswer(const AnswerRequest& request);
// One step per model.
Outcome<AnswerOutput> ComputeAnswer(const PreparedAnswer& prepared, const Context& context);
Outcome<AnswerOutput> ComputeAnswer(const AnswerRequest& request, const Context& context);
// {"scenario", "question", "target", "required_probability", "budget"?, "opponent"?, "draws",
//  "optimize_draws", "seed", "models": {model: {"whatif": [plans], "optimize"} | {"failure"}},
//  "disagreements": [sentences]}
Json AnswerOutputToJson(const AnswerOutput& output);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_ANSWER_COMMAND_H_

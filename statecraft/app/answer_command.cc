#include "statecraft/app/answer_command.h"

#include "statecraft/app/lever_json.h"

namespace statecraft::app {
namespace {

// {"model", "reached", "chosen_under", "others", "path", "plan", "levers", "cost", "models":
// {model: what-if cell}}: "path" is the JSON pointer, within the answer, of the search's
// evaluation of the plan (its cost, probability and best counter); "models" its what-if under
// every model that ran.
Json FoundPlanToJson(const FoundPlan& found, const Scenario& scenario, const SweepOptions& sweep) {
  Json out{{"model", found.model},
           {"reached", found.reached},
           {"chosen_under", found.chosen_under},
           {"others", found.others}};
  out["path"] = "/models/" + found.model + "/optimize/" + (found.reached ? "best" : "closest/0");
  if (found.whatif.cases.size() == 2) {
    const Json plan = WhatifToJson(scenario, found.whatif, sweep)["plans"][1];
    for (const char* key : {"plan", "levers", "cost", "models"}) {
      if (plan.contains(key)) out[key] = plan[key];
    }
  }
  return out;
}

}  // namespace

Outcome<PreparedAnswer> PrepareAnswer(const AnswerRequest& request) {
  return Guard([&] {
    PreparedAnswer prepared;
    prepared.options.sweep = ToSweepOptions(request.uncertainty);
    CheckRange("optimize_draws", request.optimize_draws, 1, kMaxDraws);
    prepared.options.optimize_draws = static_cast<int>(request.optimize_draws);
    prepared.options.models = ChooseModels(request.models);
    prepared.input =
        std::make_shared<const ScenarioWithLevers>(LoadScenarioWithLevers(request.scenario));
    if (!prepared.input->scenario.question) {
      ErrorLocation location;
      location.key = "question";
      throw InputError(ScenarioName(prepared.input->scenario) +
                           ": declares no question; `answer` needs a top-level 'question' key, "
                           "{text, target, probability, budget} (docs/scenario-format.md)",
                       location);
    }
    prepared.question = *prepared.input->scenario.question;
    return prepared;
  });
}

Outcome<AnswerOutput> ComputeAnswer(const PreparedAnswer& prepared, const Context& context) {
  return Guard([&] {
    AnswerOptions options = prepared.options;
    options.progress = context.progress;
    options.cancelled = context.cancelled;
    options.sweep.cancelled = context.cancelled;  // stops within a few draws
    AnswerOutput output{prepared.input,
                        statecraft::ComputeAnswer(prepared.input->scenario, prepared.input->levers,
                                                  prepared.question, options)};
    if (output.answer.cancelled) throw RequestError(ErrorCode::kCancelled, "cancelled");
    // The answer keeps its options; the hook belongs to this call's context only.
    output.answer.sweep.cancelled = nullptr;
    output.answer.optimize.sweep.cancelled = nullptr;
    return output;
  });
}

Outcome<AnswerOutput> ComputeAnswer(const AnswerRequest& request, const Context& context) {
  Outcome<PreparedAnswer> prepared = PrepareAnswer(request);
  if (!prepared.ok()) return prepared.error();
  return ComputeAnswer(prepared.value(), context);
}

Json AnswerOutputToJson(const AnswerOutput& output) {
  const Answer& answer = output.answer;
  const Scenario& scenario = output.input->scenario;
  Json out;
  out["scenario"] = scenario.name;
  out["question"] = answer.question.text;
  out["target"] = answer.target.text;
  out["required_probability"] = answer.question.probability;
  if (answer.question.budget) out["budget"] = *answer.question.budget;
  if (!answer.opponent.empty()) out["opponent"] = answer.opponent;
  out["draws"] = answer.sweep.draws;
  out["optimize_draws"] = answer.optimize.sweep.draws;
  out["seed"] = answer.sweep.seed;
  std::vector<std::string> labels;
  for (const ModelAnswer& item : answer.answers) labels.push_back(item.model);
  out["model_error"] = ModelErrorToJson(answer.sweep, scenario, labels);
  Json models = Json::object();
  for (std::size_t m = 0; m < answer.answers.size(); ++m) {
    const ModelAnswer& item = answer.answers[m];
    if (!item.failure.empty()) {
      models[item.model] = {{"failure", item.failure}};
      continue;
    }
    Json entry;
    entry["whatif"] = WhatifToJson(scenario, item.whatif, answer.sweep)["plans"];
    if (item.optimize) {
      entry["optimize"] = OptimizeToJson(*item.optimize, answer.optimize, {answer.models[m]});
    }
    models[item.model] = entry;
  }
  out["models"] = models;
  if (answer.found) out["found_plan"] = FoundPlanToJson(*answer.found, scenario, answer.sweep);
  out["disagreements"] = answer.disagreements;
  return out;
}

}  // namespace statecraft::app

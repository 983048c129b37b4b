// The request layer's contract: errors as values with codes and locations, the shared limits,
// the JSON decoders the API and Python use, and commands giving the same result whatever the
// scenario's source.
#include <gtest/gtest.h>

#include "statecraft/app/json_requests.h"
#include "statecraft/io/builtin_scenario.h"

namespace statecraft::app {
namespace {

TEST(OutcomeTest, GuardTurnsWhatIsThrownIntoCodes) {
  const auto bad = Guard([]() -> int { FailField("draws", "found 0, expected 1"); });
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(bad.error().message, "draws: found 0, expected 1");
  EXPECT_EQ(bad.error().location.key, "draws");
  const auto missing = Guard([]() -> int { throw RequestError(ErrorCode::kNotFound, "no run"); });
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  const auto internal = Guard([]() -> int { throw std::runtime_error("boom"); });
  EXPECT_EQ(internal.error().code, ErrorCode::kInternal);
  EXPECT_STREQ(ErrorCodeName(ErrorCode::kConflict), "conflict");
  EXPECT_EQ(Guard([] { return 3; }).value(), 3);
}

TEST(ChecksTest, TheLimitsEveryClientShares) {
  Uncertainty uncertainty;
  uncertainty.draws = kMaxDraws + 1;
  const auto draws = Guard([&] { return ToSweepOptions(uncertainty); });
  EXPECT_EQ(draws.error().message, "draws: found 1000001, expected an integer from 1 to 1000000");
  uncertainty.draws = 5;
  uncertainty.threads = 3;
  uncertainty.distribution = "uniform";
  EXPECT_EQ(ToSweepOptions(uncertainty).threads, 3);
  EXPECT_THROW(CheckRequiredProbability("probability", 0.0), InputError);
  EXPECT_NO_THROW(CheckRequiredProbability("probability", 1.0));
  EXPECT_THROW(CheckBudget("budget", -0.5), InputError);
  EXPECT_NO_THROW(CheckBudget("budget", std::nullopt));
}

TEST(JsonRequestsTest, DecodesFieldsAndRefusesWhatItDoesNotKnow) {
  const SweepRequest sweep = DecodeSweepRequest(Json::parse(
      R"({"model": {"name": "eum", "params": {"rounds": 3, "capitulation": false}},
          "draws": 10, "seed": 4, "plan": "L2"})"));
  ASSERT_EQ(sweep.models.size(), 1u);
  EXPECT_EQ(sweep.models[0].name, "eum");
  EXPECT_EQ(sweep.models[0].params, (ParamAssignments{{"rounds", "3"}, {"capitulation", "false"}}));
  EXPECT_EQ(sweep.uncertainty.draws, 10);
  EXPECT_EQ(sweep.uncertainty.seed, 4u);
  EXPECT_EQ(sweep.scenario.kind, ScenarioSource::Kind::kBuiltin);

  const RunRequest run = DecodeRunRequest(Json::parse(R"({"model": "eum:rounds=5"})"));
  EXPECT_EQ(run.model.name, "eum");
  EXPECT_EQ(run.model.params, (ParamAssignments{{"rounds", "5"}}));

  try {
    DecodeRunRequest(Json::parse(R"({"modle": "eum"})"));
    FAIL() << "an unknown key was accepted";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()),
              "modle: unknown key, expected one of document, model, params, seed, plan, save");
    EXPECT_EQ(error.location().key, "modle");
  }
  EXPECT_THROW(DecodeRunRequest(Json::parse(R"({"seed": -1})")), InputError);
  EXPECT_THROW(DecodeWhatifRequest(Json::parse(R"({"plans": "relief"})")), InputError);
  EXPECT_THROW(DecodeCompareRequest(Json::parse(R"({"models": []})")), InputError);
  EXPECT_THROW(DecodeValidateRequest(Json::parse(R"({"document": 3})")), InputError);
  EXPECT_TRUE(DecodeSave(Json::parse(R"({"save": true})"), false));
  EXPECT_THROW(DecodeSave(Json::parse(R"({"save": "yes"})"), false), InputError);

  // The exhaustive optimize search: a boolean, false unless asked for.
  EXPECT_FALSE(DecodeOptimizeRequest(Json::parse(R"({"target": "munitions<=25"})")).exhaustive);
  EXPECT_TRUE(
      DecodeOptimizeRequest(Json::parse(R"({"target": "munitions<=25", "exhaustive": true})"))
          .exhaustive);
  try {
    DecodeOptimizeRequest(Json::parse(R"({"exhaustive": "yes"})"));
    FAIL() << "a string was accepted for exhaustive";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()), "exhaustive: found \"yes\", expected true or false");
  }
}

TEST(CommandsTest, TheSameScenarioFromAnySourceGivesTheSameResult) {
  RunRequest request;
  request.model = ParseModelSpec("median");
  const Json builtin = RunToJson(app::Run(request, Context{}).value());
  request.scenario = ScenarioSource::Text(BuiltinScenarioText(), "copy.yaml");
  EXPECT_EQ(RunToJson(app::Run(request, Context{}).value()), builtin);
  request.scenario = ScenarioSource::Given(BuiltinScenarioWithLevers());
  EXPECT_EQ(RunToJson(app::Run(request, Context{}).value()), builtin);
}

TEST(CommandsTest, AnswerNeedsAQuestionAndAnswersAnyScenarioThatHasOne) {
  AnswerRequest request;
  request.scenario =
      ScenarioSource::File(std::string(STATECRAFT_SOURCE_DIR) + "/tests/scenarios/two_actors.json");
  const Outcome<AnswerOutput> none = ComputeAnswer(request, Context{});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(none.error().location.key, "question");

  request.scenario = ScenarioSource::File(std::string(STATECRAFT_SOURCE_DIR) +
                                          "/tests/scenarios/truce_question.yaml");
  request.models = {ParseModelSpec("median"), ParseModelSpec("compromise")};
  request.uncertainty.draws = 20;
  request.optimize_draws = 10;
  int steps = 0;
  Context context;
  context.progress = [&steps](int done, int total) {
    EXPECT_EQ(total, 2);
    steps = done;
  };
  const Outcome<AnswerOutput> answer = ComputeAnswer(request, context);
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ(steps, 2);
  const Json json = AnswerOutputToJson(answer.value());
  EXPECT_EQ(json["target"], "truce>=60");
  EXPECT_EQ(json["required_probability"], 0.7);
  EXPECT_EQ(json["budget"], 8.0);
  EXPECT_EQ(json["opponent"], "North");
  EXPECT_EQ(json["models"].size(), 2u);
  EXPECT_FALSE(json["disagreements"].empty());

  context.cancelled = [] { return true; };
  EXPECT_EQ(ComputeAnswer(request, context).error().code, ErrorCode::kCancelled);
}

TEST(CommandsTest, ModelsWriteNoUnboundedLimit) {
  const Json models = ModelsOutputToJson(Models({}).value());
  for (const Json& model : models["models"]) {
    for (const Json& param : model["params"]) {
      if (param.contains("max")) {
        EXPECT_LT(param["max"].get<double>(), 1e299) << param.dump();
      }
      if (param.contains("min")) {
        EXPECT_GT(param["min"].get<double>(), -1e299) << param.dump();
      }
    }
  }
}

}  // namespace
}  // namespace statecraft::app

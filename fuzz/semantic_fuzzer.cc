// libFuzzer target: valid scenarios with levers and plans built from the fuzz input, and every
// registered model run on them. Where the text readers' targets ask whether a file is read or
// refused cleanly, this one asks whether what a valid file describes is computed soundly: 1–7
// actors, 1–3 issues with scales anywhere in the double range (±1.7e308, widths of 1e-300),
// positions, saliences and capabilities from 0 to 1.7e308, ranges, issue-specific capabilities,
// missing stakes and decision rules; then 0–4 levers of every effect type on actors and issues
// the scenario has, and 0–3 plans of them. Each model runs on the baseline and under each plan
// that validates (a point forecast, and a sweep of two draws for one model).
//
// What must hold: every outcome, after decision rules, finite and within its issue's scale — or
// an InputError. Anything else (a crash, a sanitizer report, another exception, NaN, an outcome
// off the scale) is a finding.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "statecraft/analysis/run.h"
#include "statecraft/analysis/sweep.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/core/error.h"
#include "statecraft/core/exact_scale.h"
#include "statecraft/core/registry.h"
#include "statecraft/levers/lever.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

constexpr double kLargest = std::numeric_limits<double>::max();

// A magnitude: ordinary numbers most of the time, the ends of the double range often.
double Magnitude(FuzzedDataProvider& input) {
  switch (input.ConsumeIntegralInRange(0, 5)) {
    case 0:
      return 0.0;
    case 1:
      return kLargest / input.ConsumeIntegralInRange(1, 4);
    case 2:
      return std::ldexp(1.0, input.ConsumeIntegralInRange(-1070, 1023));
    case 3:
      return input.ConsumeFloatingPointInRange(0.0, kLargest);
    default:
      return input.ConsumeIntegralInRange(0, 1000) / 10.0;
  }
}

double Fraction(FuzzedDataProvider& input) {
  switch (input.ConsumeIntegralInRange(0, 3)) {
    case 0:
      return 0.0;
    case 1:
      return 1.0;
    default:
      return input.ConsumeProbability<double>();
  }
}

Estimate MaybeRanged(FuzzedDataProvider& input, double central, double low, double high) {
  if (!input.ConsumeBool()) return Estimate(central);
  const double below = ScalePosition(Fraction(input), low, central);
  const double above = ScalePosition(Fraction(input), central, high);
  return Estimate(below, central, above);
}

Issue MakeIssue(FuzzedDataProvider& input, int index) {
  Issue issue;
  issue.name = "issue" + std::to_string(index);
  double low = 0.0;
  double high = 100.0;
  switch (input.ConsumeIntegralInRange(0, 3)) {
    case 0:
      break;
    case 1:  // the widest scale there is
      low = -kLargest;
      high = kLargest;
      break;
    case 2: {  // anywhere, of any width
      const double sign = input.ConsumeBool() ? 1.0 : -1.0;
      low = sign * Magnitude(input);
      high = low + Magnitude(input);
      if (!std::isfinite(high)) high = kLargest;
      break;
    }
    default:
      low = -Magnitude(input);
      high = Magnitude(input);
  }
  if (!(low < high)) high = std::nextafter(low, kLargest);
  issue.scale_low = low;
  issue.scale_high = high;
  if (input.ConsumeBool()) {
    issue.reference_point =
        MaybeRanged(input, ScalePosition(Fraction(input), low, high), low, high);
  }
  return issue;
}

Scenario MakeScenario(FuzzedDataProvider& input) {
  Scenario scenario;
  scenario.name = "fuzz";
  const int actors = input.ConsumeIntegralInRange(1, 7);
  const int issues = input.ConsumeIntegralInRange(1, 3);
  for (int a = 0; a < actors; ++a) {
    const double capability = Magnitude(input);
    scenario.actors.push_back(
        {"actor" + std::to_string(a), "", MaybeRanged(input, capability, 0.0, kLargest)});
  }
  for (int i = 0; i < issues; ++i) scenario.issues.push_back(MakeIssue(input, i));
  scenario.ResizeStakes();
  for (int i = 0; i < issues; ++i) {
    const Issue& issue = scenario.issues[i];
    const int required = input.ConsumeIntegralInRange(0, actors - 1);
    for (int a = 0; a < actors; ++a) {
      if (a != required && input.ConsumeIntegralInRange(0, 4) == 0) continue;
      Stake stake;
      const double position = ScalePosition(Fraction(input), issue.scale_low, issue.scale_high);
      stake.position = MaybeRanged(input, position, issue.scale_low, issue.scale_high);
      stake.salience = MaybeRanged(input, Fraction(input), 0.0, 1.0);
      if (input.ConsumeIntegralInRange(0, 4) == 0) stake.capability = Estimate(Magnitude(input));
      scenario.SetStake(a, i, stake);
    }
    if (input.ConsumeIntegralInRange(0, 3) == 0) {
      scenario.issues[i].decision_rule.kind = DecisionRule::Kind::kDeciders;
      for (int a = 0; a < actors; ++a) {
        if (scenario.HasStake(a, i) && input.ConsumeBool()) {
          scenario.issues[i].decision_rule.deciders.push_back(a);
        }
      }
      if (scenario.issues[i].decision_rule.deciders.empty()) {
        scenario.issues[i].decision_rule.deciders.push_back(required);
      }
    }
  }
  return scenario;
}

std::vector<std::string> SomeOf(FuzzedDataProvider& input, const std::vector<std::string>& names) {
  std::vector<std::string> picked;
  for (const auto& name : names) {
    if (input.ConsumeBool()) picked.push_back(name);
  }
  return picked;
}

Lever MakeLever(FuzzedDataProvider& input, const Scenario& scenario, int index) {
  std::vector<std::string> actors;
  for (const Actor& actor : scenario.actors) actors.push_back(actor.name);
  std::vector<std::string> issues;
  for (const Issue& issue : scenario.issues) issues.push_back(issue.name);
  Lever lever;
  lever.name = "L" + std::to_string(index);
  const double central = (input.ConsumeBool() ? -1.0 : 1.0) * Magnitude(input);
  lever.magnitude = input.ConsumeBool()
                        ? Estimate(central)
                        : Estimate(central - Magnitude(input), central, central + Magnitude(input));
  if (!std::isfinite(lever.magnitude.Low()) || !std::isfinite(lever.magnitude.High())) {
    lever.magnitude = Estimate(central);
  }
  const int effects = input.ConsumeIntegralInRange(1, 3);
  for (int k = 0; k < effects; ++k) {
    Effect effect;
    effect.type = static_cast<EffectType>(
        input.ConsumeIntegralInRange(0, static_cast<int>(EffectType::kDeal)));
    effect.actors = SomeOf(input, actors);
    effect.issues = SomeOf(input, issues);
    if (input.ConsumeBool()) effect.amount = Magnitude(input);
    if (input.ConsumeBool()) effect.unit = input.ConsumeBool() ? -1.0 : 0.01;
    switch (effect.type) {
      case EffectType::kAddActor: {
        effect.new_actor.name = "new" + std::to_string(index) + "_" + std::to_string(k);
        effect.new_actor.capability = Estimate(Magnitude(input));
        for (const Issue& issue : scenario.issues) {
          if (!input.ConsumeBool()) continue;
          Stake stake;
          stake.position = ScalePosition(Fraction(input), issue.scale_low, issue.scale_high);
          stake.salience = Fraction(input);
          effect.new_stakes.emplace_back(issue.name, stake);
        }
        break;
      }
      case EffectType::kSetDecisionRule:
        effect.rule_kind =
            input.ConsumeBool() ? DecisionRule::Kind::kDeciders : DecisionRule::Kind::kCollective;
        if (effect.rule_kind == DecisionRule::Kind::kDeciders)
          effect.deciders = SomeOf(input, actors);
        break;
      case EffectType::kDeal:
        effect.give = {SomeOf(input, actors),
                       issues[input.ConsumeIntegralInRange<std::size_t>(0, issues.size() - 1)],
                       std::nullopt};
        effect.take = {
            SomeOf(input, actors),
            issues[input.ConsumeIntegralInRange<std::size_t>(0, issues.size() - 1)],
            input.ConsumeBool() ? std::optional<double>(Magnitude(input)) : std::nullopt};
        break;
      default:
        break;
    }
    lever.effects.push_back(effect);
  }
  return lever;
}

// The scenario of a finding, with every number to 17 digits, so that it can be replayed.
void PrintScenario(const Scenario& scenario) {
  for (const Issue& issue : scenario.issues) {
    std::fprintf(stderr, "issue %s [%.17g, %.17g] rule %s\n", issue.name.c_str(), issue.scale_low,
                 issue.scale_high,
                 issue.decision_rule.kind == DecisionRule::Kind::kDeciders ? "deciders" : "all");
  }
  for (int a = 0; a < scenario.ActorCount(); ++a) {
    const Estimate& capability = scenario.actors[a].capability;
    std::fprintf(stderr, "%s capability %.17g [%.17g, %.17g]\n", scenario.actors[a].name.c_str(),
                 capability.central, capability.Low(), capability.High());
    for (int i = 0; i < scenario.IssueCount(); ++i) {
      if (!scenario.HasStake(a, i)) continue;
      const Stake& stake = scenario.StakeOf(a, i);
      std::fprintf(stderr, "  %s position %.17g [%.17g, %.17g] salience %.17g capability %.17g\n",
                   scenario.issues[i].name.c_str(), stake.position.central, stake.position.Low(),
                   stake.position.High(), stake.salience.central, scenario.Capability(a, i));
    }
  }
}

[[noreturn]] void Finding(const std::string& what, const std::string& model,
                          const Scenario& scenario, const std::vector<double>& outcomes = {}) {
  std::fprintf(stderr, "%s: %s\n", model.c_str(), what.c_str());
  for (double outcome : outcomes) std::fprintf(stderr, "outcome %.17g\n", outcome);
  PrintScenario(scenario);
  std::abort();
}

// Every outcome after decision rules finite and on its issue's scale.
void CheckOutcomes(const Scenario& scenario, const std::vector<double>& outcomes,
                   const std::string& model) {
  if (outcomes.size() != scenario.issues.size()) {
    Finding("wrong number of outcomes", model, scenario, outcomes);
  }
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const Issue& issue = scenario.issues[i];
    if (!std::isfinite(outcomes[i])) {
      Finding("an outcome that is not finite", model, scenario, outcomes);
    }
    if (outcomes[i] < issue.scale_low || outcomes[i] > issue.scale_high) {
      Finding("an outcome off its issue's scale", model, scenario, outcomes);
    }
  }
}

}  // namespace
}  // namespace statecraft

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace statecraft;
  FuzzedDataProvider input(data, size);
  const Scenario scenario = MakeScenario(input);
  try {
    scenario.Validate();
  } catch (const InputError&) {
    return 0;  // the generator aims at valid scenarios; the readers' targets cover the others
  }
  LeverSet levers;
  const int lever_count = input.ConsumeIntegralInRange(0, 4);
  for (int k = 0; k < lever_count; ++k) {
    Lever lever = MakeLever(input, scenario, k);
    try {
      ValidateLever(scenario, lever);
      levers.levers.push_back(std::move(lever));
    } catch (const InputError&) {
    }
  }
  std::vector<Plan> plans = {Plan{"baseline", "", {}}};
  const int plan_count = levers.levers.empty() ? 0 : input.ConsumeIntegralInRange(0, 3);
  for (int k = 0; k < plan_count; ++k) {
    Plan plan{"P" + std::to_string(k), "", {}};
    for (const Lever& lever : levers.levers) {
      if (input.ConsumeBool()) plan.items.push_back({lever.name, std::nullopt});
    }
    try {
      ValidatePlan(scenario, levers, plan);
      plans.push_back(std::move(plan));
    } catch (const InputError&) {
    }
  }
  const auto& models = BuiltinModels().models();
  const std::size_t swept = input.ConsumeIntegralInRange<std::size_t>(0, models.size() - 1);
  const std::uint64_t seed = input.ConsumeIntegral<std::uint64_t>();
  for (std::size_t m = 0; m < models.size(); ++m) {
    const ModelInfo& info = models[m];
    const ModelChoice model{&info, ResolveParams(info.name, info.params, {})};
    for (const Plan& plan : plans) {
      try {
        // Levers never change a scale: the outcomes are checked against the scenario's.
        const Forecast forecast =
            RunWithLevers(scenario, model, {}, ResolvePlan(levers, plan), seed);
        CheckOutcomes(scenario, forecast.ruled_outcome, info.name + " under " + plan.name);
        if (m != swept) continue;
        SweepOptions options;
        options.draws = 2;
        options.threads = 1;
        options.seed = seed;
        const SweepResult result =
            RunSweep(scenario, MakeSweepPlan(levers, plan), info, model.params, options);
        for (int draw = 0; draw < result.draws; ++draw) {
          std::vector<double> outcomes(result.outcomes.begin() + draw * result.issue_count,
                                       result.outcomes.begin() + (draw + 1) * result.issue_count);
          CheckOutcomes(scenario, outcomes, info.name + " sweep under " + plan.name);
        }
      } catch (const InputError&) {
      } catch (const std::exception& error) {
        Finding(std::string("an exception that is not an InputError: ") + error.what(),
                info.name + " under " + plan.name, scenario);
      }
    }
  }
  return 0;
}

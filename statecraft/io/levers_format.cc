#include "statecraft/io/levers_format.h"

#include <cmath>
#include <functional>
#include <sstream>

#include "statecraft/core/error.h"
#include "statecraft/core/spelling.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/csv.h"
#include "statecraft/io/native_format.h"
#include "statecraft/io/text_file.h"

namespace statecraft {
namespace {

std::vector<std::string> ReadNames(const NodeReader& node) {
  std::vector<std::string> names;
  if (node.IsScalar()) {
    names.push_back(node.String());
    return names;
  }
  node.RequireSequence();
  for (std::size_t k = 0; k < node.Size(); ++k) names.push_back(node.Element(k).String());
  return names;
}

void ReadDealSide(const NodeReader& node, DealSide& side) {
  node.RequireMap({"actors", "issue", "up_to"});
  side.actors = ReadNames(node.Child("actors"));
  side.issue = node.Child("issue").String();
  if (node.Has("up_to")) {
    const NodeReader up_to = node.Child("up_to");
    side.up_to = up_to.Number();
    if (*side.up_to <= 0) up_to.Expected("a positive amount");
  }
}

Stake ReadStake(const NodeReader& node, double salience_scale) {
  node.RequireMap({"position", "salience", "capability", "source"});
  Stake stake;
  stake.position = node.Child("position").ReadEstimate();
  const NodeReader salience = node.Child("salience");
  stake.salience = salience.ReadEstimate();
  // Divided, as the scenario's own stakes are (native_format.cc).
  stake.salience.central /= salience_scale;
  if (stake.salience.low) *stake.salience.low /= salience_scale;
  if (stake.salience.high) *stake.salience.high /= salience_scale;
  if (stake.salience.Low() < 0 || stake.salience.High() > 1.0 + 1e-12) {
    salience.Expected("a salience within the file's salience_scale");
  }
  if (node.Has("capability")) stake.capability = node.Child("capability").ReadEstimate();
  if (node.Has("source")) stake.source = node.Child("source").String();
  return stake;
}

Effect ReadEffect(const NodeReader& node, double salience_scale) {
  node.RequireMap({"type", "actors", "issues", "amount", "factor", "actor", "stakes", "rule",
                   "deciders", "give", "take"});
  Effect effect;
  const NodeReader type = node.Child("type");
  const auto parsed = EffectTypeFromName(type.String());
  if (!parsed) type.Expected("an effect type: " + EffectTypeNames());
  effect.type = *parsed;
  if (node.Has("actors")) effect.actors = ReadNames(node.Child("actors"));
  if (node.Has("issues")) effect.issues = ReadNames(node.Child("issues"));
  if (node.Has("amount")) effect.amount = node.Child("amount").Number();
  // A factor turns the lever's magnitude into this effect's amount: -1 makes a "how far down"
  // magnitude a downward shift. Salience amounts are on the file's salience scale, so their unit
  // also brings them to [0, 1].
  if (node.Has("factor")) effect.unit = node.Child("factor").Number();
  if (effect.type == EffectType::kShiftSalience || effect.type == EffectType::kSetSalience) {
    effect.unit /= salience_scale;
  }
  switch (effect.type) {
    case EffectType::kAddActor: {
      const NodeReader actor = node.Child("actor");
      actor.RequireMap({"name", "description", "capability"});
      effect.new_actor.name = actor.Child("name").String();
      if (actor.Has("description"))
        effect.new_actor.description = actor.Child("description").String();
      if (actor.Has("capability"))
        effect.new_actor.capability = actor.Child("capability").ReadEstimate();
      if (node.Has("stakes")) {
        const NodeReader stakes = node.Child("stakes");
        if (!stakes.IsMap()) stakes.Expected("a map from issue name to stake");
        for (const auto& [issue, stake] : stakes.Entries()) {
          effect.new_stakes.emplace_back(issue, ReadStake(stake, salience_scale));
        }
      }
      break;
    }
    case EffectType::kSetDecisionRule: {
      if (node.Has("deciders")) {
        effect.rule_kind = DecisionRule::Kind::kDeciders;
        effect.deciders = ReadNames(node.Child("deciders"));
      } else {
        const NodeReader rule = node.Child("rule");
        if (rule.String() != "collective") rule.Expected("'collective' (or give 'deciders')");
      }
      break;
    }
    case EffectType::kDeal:
      ReadDealSide(node.Child("give"), effect.give);
      ReadDealSide(node.Child("take"), effect.take);
      break;
    default:
      break;
  }
  return effect;
}

Lever ReadLever(const NodeReader& node, const Scenario& scenario, double salience_scale) {
  node.RequireMap({"name", "description", "basis", "unit", "magnitude", "steps", "cost", "excluded",
                   "effects"});
  Lever lever;
  lever.name = node.Child("name").String();
  if (node.Has("description")) lever.description = node.Child("description").String();
  if (node.Has("basis")) lever.basis = node.Child("basis").String();
  if (node.Has("unit")) lever.unit = node.Child("unit").String();
  if (node.Has("excluded")) {
    lever.excluded = node.Child("excluded").String();
    if (lever.excluded.empty()) node.Child("excluded").Expected("the reason the lever is excluded");
  }
  if (node.Has("magnitude")) lever.magnitude = node.Child("magnitude").ReadEstimate();
  if (node.Has("cost")) {
    const NodeReader cost = node.Child("cost");
    auto read_cost = [](const NodeReader& node) {
      const double value = node.Number();
      if (value < 0) node.Expected("a cost >= 0");
      return value;
    };
    if (cost.IsMap()) {
      cost.RequireMap({"fixed", "per_unit"});
      if (cost.Has("fixed")) lever.fixed_cost = read_cost(cost.Child("fixed"));
      if (cost.Has("per_unit")) lever.cost_per_unit = read_cost(cost.Child("per_unit"));
    } else {
      lever.fixed_cost = read_cost(cost);
    }
  }
  if (node.Has("steps")) {
    const NodeReader steps = node.Child("steps");
    steps.RequireSequence();
    for (std::size_t k = 0; k < steps.Size(); ++k) {
      const NodeReader step = steps.Element(k);
      const double value = step.Number();
      try {
        CheckMagnitude(lever, value);
      } catch (const InputError& error) {
        step.Fail(error.what());
      }
      lever.steps.push_back(value);
    }
  }
  if (lever.excluded.empty() || node.Has("effects")) {
    const NodeReader effects = node.Child("effects");
    effects.RequireSequence();
    for (std::size_t k = 0; k < effects.Size(); ++k) {
      lever.effects.push_back(ReadEffect(effects.Element(k), salience_scale));
    }
  }
  try {
    ValidateLever(scenario, lever);
  } catch (const InputError& error) {
    node.Fail(error.what());
  }
  return lever;
}

std::vector<Lever> ReadLeverList(const NodeReader& node, const Scenario& scenario,
                                 double salience_scale) {
  node.RequireSequence();
  std::vector<Lever> levers;
  for (std::size_t k = 0; k < node.Size(); ++k) {
    const NodeReader item = node.Element(k);
    Lever lever = ReadLever(item, scenario, salience_scale);
    for (const Lever& earlier : levers) {
      if (earlier.name == lever.name)
        item.Child("name").Fail("lever '" + lever.name + "' declared twice");
    }
    levers.push_back(std::move(lever));
  }
  return levers;
}

PlanItem ReadPlanItem(const NodeReader& node) {
  if (node.IsScalar()) return PlanItem{node.String(), std::nullopt};
  if (node.IsMap() && node.Size() == 1) {
    const auto entries = node.Entries();
    return PlanItem{entries.front().first, entries.front().second.Number()};
  }
  node.Expected("a lever name or {LEVER: MAGNITUDE}");
}

// "L2=20+L5" → its items, each "NAME" or "NAME=MAGNITUDE", each passed to `check` (when given) as
// soon as it is read; `what` ("plan", "counter-levers") names the spec in the message for a
// magnitude that is not a number.
std::vector<PlanItem> SplitLeverSpec(const std::string& what, const std::string& spec,
                                     const std::function<void(const PlanItem&)>& check = {}) {
  std::vector<PlanItem> items;
  std::stringstream parts(spec);
  std::string part;
  while (std::getline(parts, part, '+')) {
    const auto equals = part.find('=');
    PlanItem item{part.substr(0, equals), std::nullopt};
    if (equals != std::string::npos) {
      item.magnitude = ParseNumber(part.substr(equals + 1));
      if (!item.magnitude) {
        throw InputError(what + " \"" + spec + "\": found '" + part.substr(equals + 1) +
                         "' as the magnitude of '" + item.lever + "', expected a number");
      }
    }
    if (check) check(item);
    items.push_back(item);
  }
  return items;
}

double SalienceScale(const NodeReader& root) {
  if (!root.Has("salience_scale")) return 1.0;
  return root.Child("salience_scale").Number();
}

}  // namespace

LeverSet ReadLeverSections(const NodeReader& root, const Scenario& scenario) {
  LeverSet set;
  const double salience_scale = SalienceScale(root);
  if (root.Has("levers"))
    set.levers = ReadLeverList(root.Child("levers"), scenario, salience_scale);
  if (root.Has("counter_levers")) {
    const NodeReader counter = root.Child("counter_levers");
    counter.RequireMap({"owner", "budget", "description", "levers"});
    if (counter.Has("owner")) {
      const NodeReader owner = counter.Child("owner");
      set.counter.owner = owner.String();
      if (scenario.ActorIndex(set.counter.owner) < 0) owner.Expected("an actor of the scenario");
    }
    if (counter.Has("description")) set.counter.description = counter.Child("description").String();
    if (counter.Has("budget")) {
      const NodeReader budget = counter.Child("budget");
      set.counter.budget = budget.Number();
      if (set.counter.budget < 0) budget.Expected("a budget >= 0");
    }
    set.counter.levers = ReadLeverList(counter.Child("levers"), scenario, salience_scale);
    for (std::size_t k = 0; k < set.counter.levers.size(); ++k) {
      if (set.FindLever(set.counter.levers[k].name) != nullptr) {
        counter.Child("levers").Element(k).Child("name").Fail(
            "counter-lever '" + set.counter.levers[k].name + "' has the name of a lever");
      }
    }
  }
  if (root.Has("plans")) {
    const NodeReader plans = root.Child("plans");
    plans.RequireSequence();
    for (std::size_t k = 0; k < plans.Size(); ++k) {
      const NodeReader item = plans.Element(k);
      item.RequireMap({"name", "description", "levers"});
      Plan plan;
      plan.name = item.Child("name").String();
      if (item.Has("description")) plan.description = item.Child("description").String();
      const NodeReader levers = item.Child("levers");
      levers.RequireSequence();
      for (std::size_t j = 0; j < levers.Size(); ++j)
        plan.items.push_back(ReadPlanItem(levers.Element(j)));
      if (set.FindPlan(plan.name) != nullptr)
        item.Child("name").Fail("plan '" + plan.name + "' declared twice");
      try {
        ValidatePlan(scenario, set, plan);
      } catch (const InputError& error) {
        item.Fail(error.what());
      }
      set.plans.push_back(std::move(plan));
    }
  }
  return set;
}

ScenarioWithLevers ParseScenarioWithLevers(const std::string& raw_text,
                                           const std::string& file_name,
                                           const ReadOptions& options) {
  const std::string text = CheckText(raw_text, file_name);
  const std::string format =
      options.format == "auto" ? DetectFormat(text, file_name) : options.format;
  if (format != "yaml" && format != "json") {
    std::vector<Scenario> scenarios = ParseScenarios(text, file_name, options);
    if (scenarios.size() != 1) {
      throw InputError(file_name + ": holds " + std::to_string(scenarios.size()) +
                       " scenarios, expected one");
    }
    return {std::move(scenarios.front()), {}};
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InputError(file_name + ":1:1: found an empty file, expected a scenario");
  }
  const NodeReader root = ParseYamlText(text, file_name);
  ScenarioWithLevers result;
  result.scenario = ReadNativeScenario(root);
  result.levers = ReadLeverSections(root, result.scenario);
  return result;
}

ScenarioWithLevers ReadScenarioWithLevers(const std::string& path, const ReadOptions& options) {
  return ParseScenarioWithLevers(ReadTextFile(path), path, options);
}

ScenarioWithLevers BuiltinScenarioWithLevers() {
  return ParseScenarioWithLevers(BuiltinScenarioText(), BuiltinScenarioFileName());
}

Plan ParsePlanSpec(const Scenario& scenario, const LeverSet& levers, const std::string& spec) {
  if (const Plan* plan = levers.FindPlan(spec)) return *plan;
  Plan plan;
  plan.name = spec;
  plan.items = SplitLeverSpec("plan", spec, [&](const PlanItem& item) {
    if (levers.FindLever(item.lever) == nullptr) {
      std::string plans;
      std::vector<std::string> known;
      for (const Plan& declared : levers.plans) {
        plans += (plans.empty() ? "" : ", ") + declared.name;
        known.push_back(declared.name);
      }
      std::string names;
      for (const Lever& lever : levers.levers) {
        names += (names.empty() ? "" : ", ") + lever.name;
        known.push_back(lever.name);
      }
      throw InputError("plan \"" + spec + "\": unknown plan or lever '" + item.lever + "'; " +
                       DidYouMean(item.lever, known) +
                       "plans: " + (plans.empty() ? "none" : plans) +
                       "; levers: " + (names.empty() ? "none" : names) +
                       " (combine levers with '+', set a magnitude with '=')");
    }
  });
  if (plan.items.empty()) throw InputError("plan \"\": expected a plan or lever name");
  ValidatePlan(scenario, levers, plan);
  return plan;
}

std::vector<AppliedLever> ParseCounterSpec(const Scenario& scenario, const LeverSet& levers,
                                           const std::string& spec) {
  Plan plan;
  plan.name = "counter " + spec;
  plan.items = SplitLeverSpec("counter-levers", spec);
  if (plan.items.empty()) throw InputError("counter-levers \"\": expected a counter-lever name");
  ValidatePlan(scenario, levers, plan, /*counter=*/true);
  return ResolvePlan(levers, plan, /*counter=*/true);
}

}  // namespace statecraft

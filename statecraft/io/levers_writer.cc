#include "statecraft/io/levers_writer.h"

#include "statecraft/core/number_text.h"
#include "statecraft/io/native_format.h"

namespace statecraft {
namespace {

// The scenario writer declares saliences on 0–100.
constexpr double kWrittenSalienceScale = 100.0;

bool IsSalienceAmount(EffectType type) {
  return type == EffectType::kShiftSalience || type == EffectType::kSetSalience;
}

Json DealSideDocument(const DealSide& side) {
  Json out;
  out["actors"] = side.actors;
  out["issue"] = side.issue;
  if (side.up_to) out["up_to"] = *side.up_to;
  return out;
}

Json StakeDocument(const Stake& stake) {
  Json out;
  out["position"] = EstimateDocument(stake.position);
  out["salience"] = EstimateDocument(stake.salience, kWrittenSalienceScale);
  if (stake.capability) out["capability"] = EstimateDocument(*stake.capability);
  if (!stake.source.empty()) out["source"] = stake.source;
  return out;
}

Json EffectDocument(const Effect& effect) {
  Json out;
  out["type"] = EffectTypeName(effect.type);
  if (!effect.actors.empty()) out["actors"] = effect.actors;
  if (!effect.issues.empty()) out["issues"] = effect.issues;
  if (effect.amount) out["amount"] = *effect.amount;
  // The reader folds the file's salience scale into the unit of salience amounts; the written
  // factor is what reads back to the same unit on the 0–100 scale.
  const double factor = IsSalienceAmount(effect.type)
                            ? ValueOnScale(effect.unit, kWrittenSalienceScale)
                            : effect.unit;
  if (factor != 1.0) out["factor"] = factor;
  switch (effect.type) {
    case EffectType::kAddActor: {
      Json actor;
      actor["name"] = effect.new_actor.name;
      if (!effect.new_actor.description.empty()) {
        actor["description"] = effect.new_actor.description;
      }
      actor["capability"] = EstimateDocument(effect.new_actor.capability);
      out["actor"] = actor;
      if (!effect.new_stakes.empty()) {
        Json stakes = Json::object();
        for (const auto& [issue, stake] : effect.new_stakes) stakes[issue] = StakeDocument(stake);
        out["stakes"] = stakes;
      }
      break;
    }
    case EffectType::kSetDecisionRule:
      if (effect.rule_kind == DecisionRule::Kind::kDeciders) {
        out["deciders"] = effect.deciders;
      } else {
        out["rule"] = "collective";
      }
      break;
    case EffectType::kDeal:
      out["give"] = DealSideDocument(effect.give);
      out["take"] = DealSideDocument(effect.take);
      break;
    default:
      break;
  }
  return out;
}

Json LeverDocument(const Lever& lever) {
  Json out;
  out["name"] = lever.name;
  if (!lever.description.empty()) out["description"] = lever.description;
  if (!lever.basis.empty()) out["basis"] = lever.basis;
  if (!lever.unit.empty()) out["unit"] = lever.unit;
  out["magnitude"] = EstimateDocument(lever.magnitude);
  if (!lever.steps.empty()) out["steps"] = lever.steps;
  if (lever.cost_per_unit != 0.0) {
    out["cost"] = {{"fixed", lever.fixed_cost}, {"per_unit", lever.cost_per_unit}};
  } else if (lever.fixed_cost != 0.0) {
    out["cost"] = lever.fixed_cost;
  }
  if (!lever.excluded.empty()) out["excluded"] = lever.excluded;
  if (!lever.effects.empty()) {
    out["effects"] = Json::array();
    for (const Effect& effect : lever.effects) out["effects"].push_back(EffectDocument(effect));
  }
  return out;
}

Json LeverListDocument(const std::vector<Lever>& levers) {
  Json out = Json::array();
  for (const Lever& lever : levers) out.push_back(LeverDocument(lever));
  return out;
}

Json PlanDocument(const Plan& plan) {
  Json out;
  out["name"] = plan.name;
  if (!plan.description.empty()) out["description"] = plan.description;
  out["levers"] = Json::array();
  for (const PlanItem& item : plan.items) {
    if (item.magnitude) {
      Json entry = Json::object();
      entry[item.lever] = *item.magnitude;
      out["levers"].push_back(entry);
    } else {
      out["levers"].push_back(item.lever);
    }
  }
  return out;
}

}  // namespace

Json ScenarioWithLeversDocument(const ScenarioWithLevers& input) {
  Json document = ScenarioDocument(input.scenario);
  const LeverSet& levers = input.levers;
  if (!levers.levers.empty()) document["levers"] = LeverListDocument(levers.levers);
  if (!levers.plans.empty()) {
    document["plans"] = Json::array();
    for (const Plan& plan : levers.plans) document["plans"].push_back(PlanDocument(plan));
  }
  const CounterLevers& counter = levers.counter;
  if (!counter.levers.empty() || !counter.owner.empty()) {
    Json section;
    if (!counter.owner.empty()) section["owner"] = counter.owner;
    section["budget"] = counter.budget;
    if (!counter.description.empty()) section["description"] = counter.description;
    section["levers"] = LeverListDocument(counter.levers);
    document["counter_levers"] = section;
  }
  return document;
}

std::string WriteScenarioWithLeversYaml(const ScenarioWithLevers& input) {
  return DocumentYaml(ScenarioWithLeversDocument(input));
}

std::string WriteScenarioWithLeversJson(const ScenarioWithLevers& input) {
  return DocumentJson(ScenarioWithLeversDocument(input));
}

}  // namespace statecraft

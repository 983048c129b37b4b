#include "statecraft/levers/lever.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "statecraft/core/error.h"
#include "statecraft/levers/effect_kinds.h"

namespace statecraft {
namespace {

using lever_internal::JoinNames;

struct EffectName {
  EffectType type;
  const char* name;
};

constexpr EffectName kEffectNames[] = {
    {EffectType::kShiftPosition, "shift_position"},
    {EffectType::kSetPosition, "set_position"},
    {EffectType::kShiftSalience, "shift_salience"},
    {EffectType::kScaleSalience, "scale_salience"},
    {EffectType::kSetSalience, "set_salience"},
    {EffectType::kShiftCapability, "shift_capability"},
    {EffectType::kScaleCapability, "scale_capability"},
    {EffectType::kSetCapability, "set_capability"},
    {EffectType::kAddActor, "add_actor"},
    {EffectType::kRemoveActor, "remove_actor"},
    {EffectType::kSetDecisionRule, "set_decision_rule"},
    {EffectType::kDeal, "deal"},
};

}  // namespace

const char* EffectTypeName(EffectType type) {
  for (const auto& entry : kEffectNames) {
    if (entry.type == type) return entry.name;
  }
  return "unknown";
}

std::optional<EffectType> EffectTypeFromName(const std::string& name) {
  for (const auto& entry : kEffectNames) {
    if (name == entry.name) return entry.type;
  }
  return std::nullopt;
}

std::string EffectTypeNames() {
  std::vector<std::string> names;
  for (const auto& entry : kEffectNames) names.push_back(entry.name);
  return JoinNames(names);
}

double Lever::Cost(double magnitude_value) const {
  return fixed_cost + cost_per_unit * std::abs(magnitude_value);
}

std::vector<double> Lever::Steps() const {
  if (!steps.empty()) return steps;
  std::vector<double> values = {magnitude.Low(), magnitude.central, magnitude.High()};
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

const Lever* LeverSet::FindLever(const std::string& name) const {
  for (const Lever& lever : levers) {
    if (lever.name == name) return &lever;
  }
  return nullptr;
}

const Lever* LeverSet::FindCounterLever(const std::string& name) const {
  for (const Lever& lever : counter.levers) {
    if (lever.name == name) return &lever;
  }
  return nullptr;
}

const Plan* LeverSet::FindPlan(const std::string& name) const {
  for (const Plan& plan : plans) {
    if (plan.name == name) return &plan;
  }
  return nullptr;
}

std::vector<AppliedLever> ResolvePlan(const LeverSet& levers, const Plan& plan, bool counter) {
  std::vector<AppliedLever> resolved;
  for (const PlanItem& item : plan.items) {
    const Lever* lever =
        counter ? levers.FindCounterLever(item.lever) : levers.FindLever(item.lever);
    resolved.push_back({lever, item.magnitude.value_or(lever->magnitude.central)});
  }
  return resolved;
}

double PlanCost(const std::vector<AppliedLever>& levers) {
  double cost = 0.0;
  for (const AppliedLever& applied : levers) cost += applied.lever->Cost(applied.magnitude);
  return cost;
}

std::string DescribeLevers(const std::vector<AppliedLever>& levers) {
  if (levers.empty()) return "baseline";
  std::string text;
  for (const AppliedLever& applied : levers) {
    std::ostringstream item;
    item << applied.lever->name << " " << applied.magnitude;
    text += (text.empty() ? "" : ", ") + item.str();
  }
  return text;
}

}  // namespace statecraft

// Checking levers and plans against a scenario (lever.h: ValidateLever, CheckMagnitude,
// ValidatePlan): every name resolved, every amount within its range, no two levers of a plan
// setting the same value differently. Each failure is an InputError naming the lever.
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "statecraft/core/error.h"
#include "statecraft/levers/effect_kinds.h"
#include "statecraft/levers/lever.h"

namespace statecraft {
namespace {

using lever_internal::Attribute;
using lever_internal::AttributeOf;
using lever_internal::JoinNames;
using lever_internal::Operation;
using lever_internal::OperationOf;

std::string ActorList(const Scenario& scenario) {
  std::vector<std::string> names;
  for (const Actor& actor : scenario.actors) names.push_back(actor.name);
  return JoinNames(names);
}

std::string IssueList(const Scenario& scenario) {
  std::vector<std::string> names;
  for (const Issue& issue : scenario.issues) names.push_back(issue.name);
  return JoinNames(names);
}

std::string Prefix(const Lever& lever) { return "lever '" + lever.name + "': "; }

// Actor names may refer to actors that earlier effects of the same lever add.
int RequireActor(const Scenario& scenario, const Lever& lever, const std::string& name,
                 const std::set<std::string>& added) {
  const int index = scenario.ActorIndex(name);
  if (index < 0 && !added.count(name)) {
    throw InputError(Prefix(lever) + "unknown actor '" + name +
                     "'; actors: " + ActorList(scenario));
  }
  return index;
}

int RequireIssue(const Scenario& scenario, const Lever& lever, const std::string& name) {
  const int index = scenario.IssueIndex(name);
  if (index < 0) {
    throw InputError(Prefix(lever) + "unknown issue '" + name +
                     "'; issues: " + IssueList(scenario));
  }
  return index;
}

// The values a plan sets, for contradiction checks: (attribute, actor, issue).
using ValueKey = std::tuple<int, std::string, std::string>;

}  // namespace

void ValidateLever(const Scenario& scenario, const Lever& lever) {
  if (!lever.excluded.empty()) return;
  if (lever.effects.empty()) throw InputError(Prefix(lever) + "no effects");
  if (lever.magnitude.Low() > lever.magnitude.central ||
      lever.magnitude.central > lever.magnitude.High()) {
    throw InputError(Prefix(lever) + "magnitude range is not ordered low <= central <= high");
  }
  for (double step : lever.steps) CheckMagnitude(lever, step);
  std::set<std::string> added;
  for (const Effect& effect : lever.effects) {
    const std::string type = EffectTypeName(effect.type);
    if (AttributeOf(effect.type) != Attribute::kNone) {
      if (effect.actors.empty()) throw InputError(Prefix(lever) + type + " names no actor");
      std::vector<int> issues;
      for (const auto& name : effect.issues) issues.push_back(RequireIssue(scenario, lever, name));
      for (const auto& name : effect.actors) {
        const int actor = RequireActor(scenario, lever, name, added);
        if (actor < 0) continue;
        for (int issue : issues) {
          if (!scenario.HasStake(actor, issue)) {
            throw InputError(Prefix(lever) + type + ": actor '" + name +
                             "' has no stake on issue '" + scenario.issues[issue].name + "'");
          }
        }
      }
      if (OperationOf(effect.type) == Operation::kScale) {
        const double low = effect.amount.value_or(lever.magnitude.Low()) * effect.unit;
        if (low < 0.0) throw InputError(Prefix(lever) + type + " by a negative factor");
      }
      continue;
    }
    switch (effect.type) {
      case EffectType::kAddActor: {
        if (effect.new_actor.name.empty())
          throw InputError(Prefix(lever) + "add_actor names no actor");
        if (scenario.ActorIndex(effect.new_actor.name) >= 0 || added.count(effect.new_actor.name)) {
          throw InputError(Prefix(lever) + "add_actor: actor '" + effect.new_actor.name +
                           "' already exists");
        }
        for (const auto& [issue_name, stake] : effect.new_stakes) {
          const int issue = RequireIssue(scenario, lever, issue_name);
          const Issue& declared = scenario.issues[issue];
          if (stake.position.central < declared.scale_low ||
              stake.position.central > declared.scale_high) {
            throw InputError(Prefix(lever) + "add_actor: position on '" + issue_name +
                             "' outside the issue's scale");
          }
        }
        added.insert(effect.new_actor.name);
        break;
      }
      case EffectType::kRemoveActor:
        if (effect.actors.empty()) throw InputError(Prefix(lever) + "remove_actor names no actor");
        for (const auto& name : effect.actors) RequireActor(scenario, lever, name, added);
        break;
      case EffectType::kSetDecisionRule:
        if (effect.issues.empty()) {
          throw InputError(Prefix(lever) + "set_decision_rule names no issue");
        }
        for (const auto& name : effect.issues) RequireIssue(scenario, lever, name);
        for (const auto& name : effect.deciders) RequireActor(scenario, lever, name, added);
        if (effect.rule_kind == DecisionRule::Kind::kDeciders && effect.deciders.empty()) {
          throw InputError(Prefix(lever) + "set_decision_rule: deciders lists no actor");
        }
        break;
      case EffectType::kDeal: {
        for (const DealSide* side : {&effect.give, &effect.take}) {
          if (side->actors.empty()) throw InputError(Prefix(lever) + "deal: a side names no actor");
          const int issue = RequireIssue(scenario, lever, side->issue);
          for (const auto& name : side->actors) RequireActor(scenario, lever, name, added);
          (void)issue;
        }
        if (effect.give.issue == effect.take.issue) {
          throw InputError(Prefix(lever) + "deal: both sides move on issue '" + effect.give.issue +
                           "'; a deal links two different issues");
        }
        // Each side needs a stake on both issues: it gives on one and gains on the other.
        for (const DealSide* side : {&effect.give, &effect.take}) {
          for (const auto& name : side->actors) {
            const int actor = scenario.ActorIndex(name);
            if (actor < 0) continue;
            for (const auto& issue_name : {effect.give.issue, effect.take.issue}) {
              if (!scenario.HasStake(actor, scenario.IssueIndex(issue_name))) {
                throw InputError(Prefix(lever) + "deal: actor '" + name +
                                 "' has no stake on issue '" + issue_name + "'");
              }
            }
          }
        }
        break;
      }
      default:
        break;
    }
  }
}

void CheckMagnitude(const Lever& lever, double magnitude) {
  const double low = lever.magnitude.Low();
  const double high = lever.magnitude.High();
  // A relative tolerance: steps written with decimals must not fail on rounding.
  const double tolerance = 1e-9 * std::max(1.0, std::abs(high - low));
  if (!std::isfinite(magnitude) || magnitude < low - tolerance || magnitude > high + tolerance) {
    std::ostringstream message;
    message << Prefix(lever) << "magnitude " << magnitude << " is outside its declared range ["
            << low << ", " << high << "]";
    throw InputError(message.str());
  }
}

void ValidatePlan(const Scenario& scenario, const LeverSet& levers, const Plan& plan,
                  bool counter) {
  const std::string owner = "plan '" + plan.name + "': ";
  std::set<std::string> used;
  std::map<ValueKey, std::string> set_values;   // a value some lever sets → that lever
  std::map<ValueKey, std::string> any_changes;  // any value some lever changes → that lever
  std::map<std::string, std::string> removed;   // actor → the lever removing it
  std::map<std::string, std::string> touched;   // actor → a lever changing it
  std::map<std::string, std::string> rules;     // issue → the lever setting its rule
  std::map<std::string, std::string> added;     // actor → the lever adding it
  auto contradiction = [&](const std::string& first, const std::string& second,
                           const std::string& what) {
    throw InputError(owner + "levers '" + first + "' and '" + second + "' contradict each other (" +
                     what + ")");
  };
  for (const PlanItem& item : plan.items) {
    const Lever* lever =
        counter ? levers.FindCounterLever(item.lever) : levers.FindLever(item.lever);
    if (lever == nullptr) {
      std::vector<std::string> names;
      for (const Lever& known : counter ? levers.counter.levers : levers.levers) {
        names.push_back(known.name);
      }
      throw InputError(owner + "unknown " + std::string(counter ? "counter-lever" : "lever") +
                       " '" + item.lever +
                       "'; declared: " + (names.empty() ? std::string("none") : JoinNames(names)));
    }
    if (!lever->excluded.empty()) {
      throw InputError(owner + "lever '" + lever->name + "' is excluded: " + lever->excluded);
    }
    if (!used.insert(lever->name).second) {
      throw InputError(owner + "lever '" + lever->name + "' appears twice");
    }
    if (item.magnitude) CheckMagnitude(*lever, *item.magnitude);
    ValidateLever(scenario, *lever);
    for (const Effect& effect : lever->effects) {
      const Attribute attribute = AttributeOf(effect.type);
      if (attribute != Attribute::kNone) {
        for (const auto& actor : effect.actors) {
          touched.emplace(actor, lever->name);
          if (removed.count(actor)) {
            contradiction(removed[actor], lever->name, "one removes actor '" + actor + "'");
          }
          std::vector<std::string> issues = effect.issues;
          if (issues.empty()) issues.push_back("*");
          for (const auto& issue : issues) {
            const ValueKey key{static_cast<int>(attribute), actor, issue};
            const bool sets = OperationOf(effect.type) == Operation::kSet;
            auto previous_set = set_values.find(key);
            if (previous_set != set_values.end() && previous_set->second != lever->name) {
              contradiction(previous_set->second, lever->name,
                            "both change a value the first one sets: " + actor + " on " + issue);
            }
            auto previous = any_changes.find(key);
            if (sets && previous != any_changes.end() && previous->second != lever->name) {
              contradiction(previous->second, lever->name,
                            "both change a value the second one sets: " + actor + " on " + issue);
            }
            if (sets) set_values.emplace(key, lever->name);
            any_changes.emplace(key, lever->name);
          }
        }
      } else if (effect.type == EffectType::kRemoveActor) {
        for (const auto& actor : effect.actors) {
          if (touched.count(actor) && touched[actor] != lever->name) {
            contradiction(touched[actor], lever->name, "one removes actor '" + actor + "'");
          }
          if (removed.count(actor)) {
            contradiction(removed[actor], lever->name, "both remove actor '" + actor + "'");
          }
          removed.emplace(actor, lever->name);
        }
      } else if (effect.type == EffectType::kAddActor) {
        const std::string& actor = effect.new_actor.name;
        if (added.count(actor))
          contradiction(added[actor], lever->name, "both add '" + actor + "'");
        added.emplace(actor, lever->name);
      } else if (effect.type == EffectType::kSetDecisionRule) {
        for (const auto& issue : effect.issues) {
          if (rules.count(issue) && rules[issue] != lever->name) {
            contradiction(rules[issue], lever->name,
                          "both set the decision rule of '" + issue + "'");
          }
          rules.emplace(issue, lever->name);
        }
      } else if (effect.type == EffectType::kDeal) {
        for (const DealSide* side : {&effect.give, &effect.take}) {
          for (const auto& actor : side->actors) {
            touched.emplace(actor, lever->name);
            if (removed.count(actor)) {
              contradiction(removed[actor], lever->name, "one removes actor '" + actor + "'");
            }
          }
        }
      }
    }
  }
}

}  // namespace statecraft

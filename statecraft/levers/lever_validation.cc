// Checking levers and plans against a scenario (lever.h: ValidateLever, CheckMagnitude,
// ValidatePlan): every name resolved, every amount within its range, no two levers of a plan
// setting the same value differently. Each failure is an InputError naming the lever.
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"
#include "statecraft/levers/effect_kinds.h"
#include "statecraft/levers/lever.h"

namespace statecraft {
namespace {

using lever_internal::Attribute;
using lever_internal::AttributeOf;
using lever_internal::JoinNames;
using lever_internal::kLargestCapability;
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

// An estimate's low, central and high value all finite and within [low, high].
bool Within(const Estimate& estimate, double low, double high) {
  for (double value : {estimate.Low(), estimate.central, estimate.High()}) {
    if (!std::isfinite(value) || value < low || value > high) return false;
  }
  return true;
}

// add_actor: a new name; capabilities (its own, the amount or the magnitude that sets it, and its
// stakes' own) finite and >= 0; stakes on declared issues with positions, low to high, on the
// issue's scale.
void CheckAddedActor(const Scenario& scenario, const Lever& lever, const Effect& effect,
                     const std::set<std::string>& added) {
  const std::string& name = effect.new_actor.name;
  if (name.empty()) throw InputError(Prefix(lever) + "add_actor names no actor");
  if (scenario.ActorIndex(name) >= 0 || added.count(name)) {
    throw InputError(Prefix(lever) + "add_actor: actor '" + name + "' already exists");
  }
  const std::string expected = ", expected a finite capability >= 0";
  if (!Within(effect.new_actor.capability, 0.0, kLargestCapability)) {
    throw InputError(Prefix(lever) + "add_actor: actor '" + name + "' has capability " +
                     NumberText(effect.new_actor.capability.Low()) + expected);
  }
  // The magnitude (or the amount) becomes the new actor's capability when the lever is ranged.
  const double lowest = effect.amount ? *effect.amount : lever.magnitude.Low();
  if ((effect.amount || lever.magnitude.IsRanged()) && lowest < 0.0) {
    throw InputError(Prefix(lever) + "add_actor: the " + (effect.amount ? "amount" : "magnitude") +
                     " sets the capability of '" + name + "' and reaches " + NumberText(lowest) +
                     expected);
  }
  for (const auto& [issue_name, stake] : effect.new_stakes) {
    const Issue& declared = scenario.issues[RequireIssue(scenario, lever, issue_name)];
    if (!Within(stake.position, declared.scale_low, declared.scale_high)) {
      throw InputError(Prefix(lever) + "add_actor: position on '" + issue_name +
                       "' outside the issue's scale [" + NumberText(declared.scale_low) + ", " +
                       NumberText(declared.scale_high) + "]");
    }
    if (stake.capability && !Within(*stake.capability, 0.0, kLargestCapability)) {
      throw InputError(Prefix(lever) + "add_actor: capability on '" + issue_name + "' is " +
                       NumberText(stake.capability->Low()) + expected);
    }
  }
}

// set_decision_rule: declared issues; deciders that exist (or that the lever adds) and hold a
// position on every issue they decide, as a scenario's deciders must.
void CheckDecisionRule(const Scenario& scenario, const Lever& lever, const Effect& effect,
                       const std::map<std::string, std::set<std::string>>& added_stakes) {
  if (effect.issues.empty()) throw InputError(Prefix(lever) + "set_decision_rule names no issue");
  if (effect.rule_kind == DecisionRule::Kind::kDeciders && effect.deciders.empty()) {
    throw InputError(Prefix(lever) + "set_decision_rule: deciders lists no actor");
  }
  std::set<std::string> added;
  for (const auto& entry : added_stakes) added.insert(entry.first);
  for (const auto& issue_name : effect.issues) {
    const int issue = RequireIssue(scenario, lever, issue_name);
    for (const auto& name : effect.deciders) {
      const int actor = RequireActor(scenario, lever, name, added);
      const bool holds = actor >= 0 ? scenario.HasStake(actor, issue)
                                    : added_stakes.at(name).count(issue_name) > 0;
      if (!holds) {
        throw InputError(Prefix(lever) + "set_decision_rule: decider '" + name +
                         "' has no position on issue '" + issue_name + "'");
      }
    }
  }
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
  std::map<std::string, std::set<std::string>> added_stakes;  // added actor → its issues
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
      case EffectType::kAddActor:
        CheckAddedActor(scenario, lever, effect, added);
        added.insert(effect.new_actor.name);
        for (const auto& [issue_name, stake] : effect.new_stakes) {
          added_stakes[effect.new_actor.name].insert(issue_name);
        }
        break;
      case EffectType::kRemoveActor:
        if (effect.actors.empty()) throw InputError(Prefix(lever) + "remove_actor names no actor");
        for (const auto& name : effect.actors) RequireActor(scenario, lever, name, added);
        break;
      case EffectType::kSetDecisionRule:
        if (effect.issues.empty()) {
          throw InputError(Prefix(lever) + "set_decision_rule names no issue");
        }
        CheckDecisionRule(scenario, lever, effect, added_stakes);
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
  std::vector<const Lever*> applied;
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
    if (item.magnitude) {
      try {
        CheckMagnitude(*lever, *item.magnitude);
      } catch (const InputError& error) {
        throw InputError(owner + error.what());
      }
    }
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
    applied.push_back(lever);
  }
  const std::vector<const Lever*> none;
  if (auto problem =
          IssueLeftWithoutPositions(scenario, counter ? applied : none, counter ? none : applied)) {
    throw InputError(owner + *problem);
  }
}

std::optional<std::string> IssueLeftWithoutPositions(const Scenario& scenario,
                                                     const std::vector<const Lever*>& counter,
                                                     const std::vector<const Lever*>& levers) {
  // Who holds a position on each issue, as levers take actors out and add new ones.
  std::vector<std::set<std::string>> holders(scenario.issues.size());
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      if (scenario.HasStake(actor, issue)) holders[issue].insert(scenario.actors[actor].name);
    }
  }
  std::vector<std::vector<std::string>> taken_out(scenario.issues.size());  // "A (by lever 'L')"
  auto apply = [&](const Lever& lever, const std::string& kind) -> std::optional<std::string> {
    const std::string who = kind + " '" + lever.name + "'";
    for (const Effect& effect : lever.effects) {
      if (effect.type == EffectType::kRemoveActor) {
        for (const auto& name : effect.actors) {
          for (std::size_t issue = 0; issue < holders.size(); ++issue) {
            if (holders[issue].erase(name) > 0) taken_out[issue].push_back(name + " by " + who);
          }
        }
      } else if (effect.type == EffectType::kAddActor) {
        for (const auto& [issue_name, stake] : effect.new_stakes) {
          const int issue = scenario.IssueIndex(issue_name);
          if (issue >= 0) holders[issue].insert(effect.new_actor.name);
        }
      }
    }
    for (std::size_t issue = 0; issue < holders.size(); ++issue) {
      if (!holders[issue].empty()) continue;
      return who + " takes out the last actor with a position on issue '" +
             scenario.issues[issue].name + "' (" + JoinNames(taken_out[issue]) +
             "); expected every issue to keep at least one actor with a position";
    }
    return std::nullopt;
  };
  for (const Lever* lever : counter) {
    if (auto problem = apply(*lever, "counter-lever")) return problem;
  }
  for (const Lever* lever : levers) {
    if (auto problem = apply(*lever, "lever")) return problem;
  }
  return std::nullopt;
}

}  // namespace statecraft

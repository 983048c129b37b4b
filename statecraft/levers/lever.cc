#include "statecraft/levers/lever.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "statecraft/core/error.h"

namespace statecraft {
namespace {

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

enum class Attribute { kPosition, kSalience, kCapability, kNone };
enum class Operation { kShift, kScale, kSet };

Attribute AttributeOf(EffectType type) {
  switch (type) {
    case EffectType::kShiftPosition:
    case EffectType::kSetPosition:
      return Attribute::kPosition;
    case EffectType::kShiftSalience:
    case EffectType::kScaleSalience:
    case EffectType::kSetSalience:
      return Attribute::kSalience;
    case EffectType::kShiftCapability:
    case EffectType::kScaleCapability:
    case EffectType::kSetCapability:
      return Attribute::kCapability;
    default:
      return Attribute::kNone;
  }
}

Operation OperationOf(EffectType type) {
  switch (type) {
    case EffectType::kSetPosition:
    case EffectType::kSetSalience:
    case EffectType::kSetCapability:
      return Operation::kSet;
    case EffectType::kScaleSalience:
    case EffectType::kScaleCapability:
      return Operation::kScale;
    default:
      return Operation::kShift;
  }
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

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

void SetPoint(Estimate& estimate, double value) {
  estimate.central = value;
  estimate.low.reset();
  estimate.high.reset();
}

// Applies one operation to an estimate, range included, holding every value to [low, high].
void Modify(Estimate& estimate, Operation operation, double amount, double low, double high) {
  auto change = [&](double value) {
    switch (operation) {
      case Operation::kShift:
        value += amount;
        break;
      case Operation::kScale:
        value *= amount;
        break;
      case Operation::kSet:
        value = amount;
        break;
    }
    return std::clamp(value, low, high);
  };
  if (operation == Operation::kSet) {
    SetPoint(estimate, change(estimate.central));
    return;
  }
  estimate.central = change(estimate.central);
  if (estimate.low) estimate.low = change(*estimate.low);
  if (estimate.high) estimate.high = change(*estimate.high);
}

// The issues an effect touches for one actor: the listed ones, or every issue with a stake.
std::vector<int> EffectIssues(const Scenario& scenario, const Effect& effect, int actor) {
  std::vector<int> issues;
  if (effect.issues.empty()) {
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      if (scenario.HasStake(actor, issue)) issues.push_back(issue);
    }
    return issues;
  }
  for (const auto& name : effect.issues) issues.push_back(scenario.IssueIndex(name));
  return issues;
}

void ApplyAttributeEffect(Scenario& scenario, const Effect& effect, double amount) {
  const Attribute attribute = AttributeOf(effect.type);
  const Operation operation = OperationOf(effect.type);
  for (const auto& actor_name : effect.actors) {
    const int actor = scenario.ActorIndex(actor_name);
    // An actor another lever (say, the opponent's) took out has nothing left to change.
    if (actor < 0) continue;
    if (attribute == Attribute::kCapability && effect.issues.empty()) {
      Modify(scenario.actors[actor].capability, operation, amount, 0.0, HUGE_VAL);
      continue;
    }
    for (int issue : EffectIssues(scenario, effect, actor)) {
      if (!scenario.HasStake(actor, issue)) continue;
      Stake& stake = scenario.MutableStake(actor, issue);
      switch (attribute) {
        case Attribute::kPosition:
          Modify(stake.position, operation, amount, scenario.issues[issue].scale_low,
                 scenario.issues[issue].scale_high);
          break;
        case Attribute::kSalience:
          Modify(stake.salience, operation, amount, 0.0, 1.0);
          break;
        case Attribute::kCapability:
          if (!stake.capability) stake.capability = scenario.actors[actor].capability;
          Modify(*stake.capability, operation, amount, 0.0, HUGE_VAL);
          break;
        case Attribute::kNone:
          break;
      }
    }
  }
}

void AddActor(Scenario& scenario, const Effect& effect, std::optional<double> capability) {
  const int issue_count = scenario.IssueCount();
  Actor actor = effect.new_actor;
  if (capability) SetPoint(actor.capability, *capability);
  scenario.actors.push_back(actor);
  // Stakes are actor-major, so the new actor's stakes are appended at the end.
  scenario.stakes.resize(scenario.actors.size() * issue_count);
  const int index = scenario.ActorCount() - 1;
  for (const auto& [issue_name, stake] : effect.new_stakes) {
    scenario.SetStake(index, scenario.IssueIndex(issue_name), stake);
  }
}

void RemoveActor(Scenario& scenario, int removed) {
  const int issue_count = scenario.IssueCount();
  scenario.actors.erase(scenario.actors.begin() + removed);
  scenario.stakes.erase(
      scenario.stakes.begin() + static_cast<std::ptrdiff_t>(removed) * issue_count,
      scenario.stakes.begin() + static_cast<std::ptrdiff_t>(removed + 1) * issue_count);
  for (Issue& issue : scenario.issues) {
    std::vector<int> deciders;
    for (int decider : issue.decision_rule.deciders) {
      if (decider != removed) deciders.push_back(decider > removed ? decider - 1 : decider);
    }
    issue.decision_rule.deciders = deciders;
    if (issue.decision_rule.kind == DecisionRule::Kind::kDeciders && deciders.empty()) {
      issue.decision_rule.kind = DecisionRule::Kind::kCollective;
    }
  }
}

// The mean position and salience of a group on an issue (members without a stake left out).
void GroupStance(const Scenario& scenario, const std::vector<std::string>& actors, int issue,
                 double* position, double* salience) {
  double position_sum = 0.0;
  double salience_sum = 0.0;
  int count = 0;
  for (const auto& name : actors) {
    const int actor = scenario.ActorIndex(name);
    if (actor < 0 || !scenario.HasStake(actor, issue)) continue;
    position_sum += scenario.Position(actor, issue);
    salience_sum += scenario.Salience(actor, issue);
    ++count;
  }
  *position = count > 0 ? position_sum / count : NAN;
  *salience = count > 0 ? salience_sum / count : 0.0;
}

// Moves each member of `actors` on `issue` by up to `amount` toward `target`, never past it.
void MoveToward(Scenario& scenario, const std::vector<std::string>& actors, int issue,
                double target, double amount) {
  for (const auto& name : actors) {
    const int actor = scenario.ActorIndex(name);
    if (actor < 0 || !scenario.HasStake(actor, issue)) continue;
    Stake& stake = scenario.MutableStake(actor, issue);
    const double from = stake.position.central;
    const double step = std::min(amount, std::abs(target - from));
    Modify(stake.position, Operation::kShift, target >= from ? step : -step,
           scenario.issues[issue].scale_low, scenario.issues[issue].scale_high);
  }
}

std::string FormatAmount(double value) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(1);
  out << value;
  return out.str();
}

// The deal: A (give.actors) moves on issue p toward B's position if B (take.actors) moves on
// issue q toward A's. Utilities are linear in the share of each issue's range moved (as in
// Stokman's exchange model, where every scale is 0-100): with group saliences s (mean over
// members) and δp = Δp / range(p), δq = Δq / range(q), A gains s_A(q)·δq and loses s_A(p)·δp; B
// gains s_B(p)·δp and loses s_B(q)·δq. Both gain only if s_A(p)/s_A(q) < s_B(p)/s_B(q): each side
// must value what it gets more, relative to what it gives, than the other side does. The deal is
// then struck at the equal-gain rate δq/δp = (s_A(p) + s_B(p)) / (s_A(q) + s_B(q)), which lies
// between those two ratios, for the largest volume both caps allow; otherwise it is refused.
// Measuring moves as shares of the range makes the deal scale-invariant: mapping an issue by
// x ↦ a·x + b (a > 0), with the caps in that issue's units, maps the result in the same way.
// The lever's magnitude is in the units of issue p; where it caps side B (no take.up_to) it is
// carried over to issue q at the same share of the range.
DealReport ApplyDeal(Scenario& scenario, const Lever& lever, const Effect& effect,
                     double magnitude) {
  DealReport report;
  report.lever = lever.name;
  const int p = scenario.IssueIndex(effect.give.issue);
  const int q = scenario.IssueIndex(effect.take.issue);
  // range(q) / range(p): exactly 1 when both issues share a scale length, so 0-100 scenarios
  // give the same numbers as before the ranges entered.
  const double range_ratio = (scenario.issues[q].scale_high - scenario.issues[q].scale_low) /
                             (scenario.issues[p].scale_high - scenario.issues[p].scale_low);
  const double give_cap = effect.give.up_to.value_or(magnitude);
  const double take_cap = effect.take.up_to.value_or(magnitude * range_ratio);
  double a_position_p, a_salience_p, a_position_q, a_salience_q;
  double b_position_p, b_salience_p, b_position_q, b_salience_q;
  GroupStance(scenario, effect.give.actors, p, &a_position_p, &a_salience_p);
  GroupStance(scenario, effect.give.actors, q, &a_position_q, &a_salience_q);
  GroupStance(scenario, effect.take.actors, p, &b_position_p, &b_salience_p);
  GroupStance(scenario, effect.take.actors, q, &b_position_q, &b_salience_q);
  const std::string a_names = JoinNames(effect.give.actors);
  const std::string b_names = JoinNames(effect.take.actors);
  const std::string p_name = effect.give.issue;
  const std::string q_name = effect.take.issue;
  const std::string saliences =
      "salience " + a_names + ": " + p_name + " " + FormatAmount(100 * a_salience_p) + ", " +
      q_name + " " + FormatAmount(100 * a_salience_q) + "; " + b_names + ": " + p_name + " " +
      FormatAmount(100 * b_salience_p) + ", " + q_name + " " + FormatAmount(100 * b_salience_q);
  if (give_cap <= 0.0 || take_cap <= 0.0) {
    report.reason = "refused: nothing offered";
    return report;
  }
  if (a_salience_q <= 0.0 || b_salience_p <= 0.0 ||
      a_salience_p * b_salience_q >= b_salience_p * a_salience_q) {
    report.reason = "refused: " + b_names + " values " + q_name + " relative to " + p_name +
                    " at least as much as " + a_names +
                    " do, so no amounts leave both better off (" + saliences + ")";
    return report;
  }
  // Δq per unit of Δp, in the issues' own units.
  const double rate =
      (a_salience_p + b_salience_p) / (a_salience_q + b_salience_q) * range_ratio;
  double give = std::min(give_cap, take_cap / rate);
  double take = rate * give;
  // Neither side moves past the other: the volume is limited by the distance between them.
  const double distance_p = std::abs(b_position_p - a_position_p);
  const double distance_q = std::abs(a_position_q - b_position_q);
  if (give > distance_p) {
    give = distance_p;
    take = rate * give;
  }
  if (take > distance_q) {
    take = distance_q;
    give = take / rate;
  }
  if (give <= 0.0 || take <= 0.0) {
    report.reason = "refused: the two sides already agree on " + p_name + " or " + q_name;
    return report;
  }
  MoveToward(scenario, effect.give.actors, p, b_position_p, give);
  MoveToward(scenario, effect.take.actors, q, a_position_q, take);
  report.struck = true;
  report.give_amount = give;
  report.take_amount = take;
  report.reason = "struck: " + a_names + " move " + FormatAmount(give) + " on " + p_name +
                  " toward " + b_names + ", who move " + FormatAmount(take) + " on " + q_name +
                  " (equal-gain rate " + FormatAmount(take / give / range_ratio * 100) +
                  "%; " + saliences + ")";
  return report;
}

// The values a plan sets, for contradiction checks: (attribute, actor, issue).
using ValueKey = std::tuple<int, std::string, std::string>;

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

void ApplyLever(Scenario& scenario, const Lever& lever, double magnitude,
                std::vector<DealReport>* deals) {
  for (const Effect& effect : lever.effects) {
    const double amount = effect.amount.value_or(magnitude) * effect.unit;
    if (AttributeOf(effect.type) != Attribute::kNone) {
      ApplyAttributeEffect(scenario, effect, amount);
      continue;
    }
    switch (effect.type) {
      case EffectType::kAddActor:
        AddActor(scenario, effect,
                 effect.amount ? effect.amount
                               : (lever.magnitude.IsRanged() ? std::optional<double>(magnitude)
                                                             : std::nullopt));
        break;
      case EffectType::kRemoveActor:
        for (const auto& name : effect.actors) {
          const int actor = scenario.ActorIndex(name);
          if (actor >= 0) RemoveActor(scenario, actor);
        }
        break;
      case EffectType::kSetDecisionRule:
        for (const auto& issue_name : effect.issues) {
          DecisionRule& rule = scenario.issues[scenario.IssueIndex(issue_name)].decision_rule;
          rule.kind = effect.rule_kind;
          rule.deciders.clear();
          for (const auto& name : effect.deciders) {
            const int actor = scenario.ActorIndex(name);
            if (actor >= 0) rule.deciders.push_back(actor);
          }
          if (rule.kind == DecisionRule::Kind::kDeciders && rule.deciders.empty()) {
            rule.kind = DecisionRule::Kind::kCollective;
          }
        }
        break;
      case EffectType::kDeal: {
        DealReport report = ApplyDeal(scenario, lever, effect, magnitude);
        if (deals != nullptr) deals->push_back(std::move(report));
        break;
      }
      default:
        break;
    }
  }
}

void ApplyLevers(Scenario& scenario, const std::vector<AppliedLever>& levers,
                 std::vector<DealReport>* deals) {
  for (const AppliedLever& applied : levers) {
    ApplyLever(scenario, *applied.lever, applied.magnitude, deals);
  }
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

// Applying levers to a scenario (lever.h: ApplyLever, ApplyLevers): shifting, scaling or setting
// positions, saliences and capabilities, adding and removing actors, changing decision rules,
// and striking deals at the equal-gain rate.
#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "statecraft/core/error.h"
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
      Modify(scenario.actors[actor].capability, operation, amount, 0.0, kLargestCapability);
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
          Modify(*stake.capability, operation, amount, 0.0, kLargestCapability);
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
  if (!std::isfinite(position_sum)) {
    // Positions near the ends of the double range (a scale of ±1e308): summed as halves.
    position_sum = 0.0;
    for (const auto& name : actors) {
      const int actor = scenario.ActorIndex(name);
      if (actor >= 0 && scenario.HasStake(actor, issue)) {
        position_sum += scenario.Position(actor, issue) / 2;
      }
    }
    *position = 2 * (position_sum / count);
    *salience = salience_sum / count;
    return;
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
  const double rate = (a_salience_p + b_salience_p) / (a_salience_q + b_salience_q) * range_ratio;
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
                  " (equal-gain rate " + FormatAmount(take / give / range_ratio * 100) + "%; " +
                  saliences + ")";
  return report;
}

}  // namespace

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

}  // namespace statecraft

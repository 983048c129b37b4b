// Levers: named, parameterised Scenario → Scenario transforms with a cost.
//
// A Lever is what an analyst declares: a name, a basis, one magnitude with its declared range
// (low / central / high, in the lever's own unit), a cost as a function of the magnitude, and
// one or more typed effects that all read that magnitude. A Plan is a list of levers, each at a
// chosen magnitude (or at its uncertain magnitude, which uncertainty analyses sample).
// Counter-levers are levers owned by the opponent, with a budget.
//
// Effect types (docs/levers.md has the file syntax):
//   shift_position, set_position        position += m / = m, held to the issue's scale
//   shift_salience, scale_salience, set_salience       held to [0, 1]
//   shift_capability, scale_capability, set_capability held to ≥ 0; on the listed issues the
//                                       stake's own capability, or the actor's when no issue
//                                       is listed
//   add_actor, remove_actor             a new actor with its stakes; an actor taken out
//   set_decision_rule                   an issue becomes collective or decided by deciders
//   deal                                A moves on issue p toward B by up to Δp only if B moves
//                                       on issue q toward A by up to Δq (see ApplyDeal)
// An effect's amount is its own fixed `amount` when it gives one, else the lever's magnitude,
// times the effect's unit factor (salience amounts are declared on the file's salience scale).
#ifndef STATECRAFT_LEVERS_LEVER_H_
#define STATECRAFT_LEVERS_LEVER_H_

#include <optional>
#include <string>
#include <vector>

#include "statecraft/core/estimate.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

enum class EffectType {
  kShiftPosition,
  kSetPosition,
  kShiftSalience,
  kScaleSalience,
  kSetSalience,
  kShiftCapability,
  kScaleCapability,
  kSetCapability,
  kAddActor,
  kRemoveActor,
  kSetDecisionRule,
  kDeal,
};

const char* EffectTypeName(EffectType type);
// nullopt when unknown.
std::optional<EffectType> EffectTypeFromName(const std::string& name);
// "shift_position, set_position, ..." for error messages.
std::string EffectTypeNames();

// One side of a deal: these actors move on this issue toward the other side's position.
struct DealSide {
  std::vector<std::string> actors;
  std::string issue;
  std::optional<double> up_to;  // the most they move; the lever's magnitude when absent
};

struct Effect {
  EffectType type = EffectType::kShiftPosition;
  std::vector<std::string> actors;
  std::vector<std::string> issues;  // empty: every issue the actor has a stake in
  std::optional<double> amount;     // fixed amount; the lever's magnitude when absent
  // amount × unit is applied: 1/salience_scale for salience amounts, times the effect's
  // declared factor (-1 turns a "how far down" magnitude into a downward shift).
  double unit = 1.0;

  // add_actor: the actor (its capability is `amount` or the magnitude when the lever has one
  // and the actor gives none) and its stakes by issue name.
  Actor new_actor;
  std::vector<std::pair<std::string, Stake>> new_stakes;

  // set_decision_rule: collective, or the named deciders.
  DecisionRule::Kind rule_kind = DecisionRule::Kind::kCollective;
  std::vector<std::string> deciders;

  // deal: `give` (A on issue p) and `take` (B on issue q).
  DealSide give;
  DealSide take;
};

struct Lever {
  std::string name;
  std::string description;
  std::string basis;  // evidence or reasoning behind the encoding
  std::string unit;   // what the magnitude measures, for reports ("salience points")
  // The declared magnitude: central, and the range [low, high] a plan may choose from or an
  // uncertainty analysis samples from. A lever without a range has only its central magnitude.
  Estimate magnitude = Estimate(1.0);
  std::vector<double> steps;  // the magnitudes optimize tries; default low, central, high
  double fixed_cost = 0.0;    // cost = fixed_cost + cost_per_unit × |magnitude|
  double cost_per_unit = 0.0;
  std::string excluded;  // non-empty: why the lever is not an option; it is never applied
  std::vector<Effect> effects;

  double Cost(double magnitude_value) const;
  // steps, or low/central/high without duplicates.
  std::vector<double> Steps() const;
};

struct PlanItem {
  std::string lever;
  std::optional<double> magnitude;  // absent: the lever's central magnitude, or a draw from its
                                    // range in uncertainty analyses
};

struct Plan {
  std::string name;
  std::string description;
  std::vector<PlanItem> items;
};

struct CounterLevers {
  std::string owner;  // the opponent, an actor name (for reports)
  double budget = 0.0;
  std::string description;
  std::vector<Lever> levers;
};

// Everything a scenario file declares beyond the scenario itself.
struct LeverSet {
  std::vector<Lever> levers;
  std::vector<Plan> plans;
  CounterLevers counter;

  // nullptr when unknown.
  const Lever* FindLever(const std::string& name) const;
  const Lever* FindCounterLever(const std::string& name) const;
  const Plan* FindPlan(const std::string& name) const;
};

// What applying a deal did.
struct DealReport {
  std::string lever;
  bool struck = false;
  double give_amount = 0.0;  // how far A moved on issue p
  double take_amount = 0.0;  // how far B moved on issue q
  std::string reason;        // a sentence: why struck at these amounts, or why refused
};

// Throws InputError (a sentence naming the lever) when the lever names an unknown actor or
// issue, an actor without a stake where the effect needs one, or is otherwise inconsistent with
// the scenario.
void ValidateLever(const Scenario& scenario, const Lever& lever);

// Throws InputError when `magnitude` lies outside the lever's declared range.
void CheckMagnitude(const Lever& lever, double magnitude);

// Resolves a plan against the declared levers (or counter-levers when `counter` is true): every
// lever known and not excluded, every magnitude in its range, no lever twice, no two levers that
// contradict each other (two set_ effects on one value, an effect on an actor another lever
// removes, two decision rules for one issue, one actor added twice), and no issue left without
// an actor with a position (IssueLeftWithoutPositions). Throws InputError.
void ValidatePlan(const Scenario& scenario, const LeverSet& levers, const Plan& plan,
                  bool counter = false);

// An issue needs at least one actor with a position: without one it has no outcome. Applying
// `counter` and then `levers` (in order) may take every such actor out (remove_actor); this says
// which lever does it, on which issue, and who was taken out by whom, or gives nullopt when every
// issue keeps an actor with a position. Which actors exist does not depend on magnitudes, so one
// check covers every draw of a sweep.
std::optional<std::string> IssueLeftWithoutPositions(const Scenario& scenario,
                                                     const std::vector<const Lever*>& counter,
                                                     const std::vector<const Lever*>& levers);

// Applies the lever at `magnitude` to the scenario in place. Appends a report for each deal.
void ApplyLever(Scenario& scenario, const Lever& lever, double magnitude,
                std::vector<DealReport>* deals = nullptr);

// A lever with the magnitude it is applied at.
struct AppliedLever {
  const Lever* lever = nullptr;
  double magnitude = 0.0;
};

// Applies levers in order.
void ApplyLevers(Scenario& scenario, const std::vector<AppliedLever>& levers,
                 std::vector<DealReport>* deals = nullptr);

// The plan's levers at their given or central magnitudes (the plan must have been validated).
std::vector<AppliedLever> ResolvePlan(const LeverSet& levers, const Plan& plan,
                                      bool counter = false);

double PlanCost(const std::vector<AppliedLever>& levers);

// "L1 15, L3 40" for reports; "baseline" when empty.
std::string DescribeLevers(const std::vector<AppliedLever>& levers);

}  // namespace statecraft

#endif  // STATECRAFT_LEVERS_LEVER_H_

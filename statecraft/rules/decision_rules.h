// Decision rules: who actually decides an issue.
//
// A model predicts where the group as a whole would settle. When an issue is decided by a few
// actors jointly (DecisionRule::kDeciders: a bilateral sale needs buyer and seller), no outcome
// outside the interval spanned by the deciders' positions after bargaining can be agreed — any
// point outside it is worse for every decider than the nearest end — so the outcome is held to
// that Pareto interval. Outsiders act only by moving the deciders (levers).
#ifndef STATECRAFT_RULES_DECISION_RULES_H_
#define STATECRAFT_RULES_DECISION_RULES_H_

#include <vector>

#include "statecraft/core/forecast.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

// The outcome per issue after the scenario's decision rules, from the forecast's outcome and the
// positions of its last round.
std::vector<double> ApplyDecisionRules(const Scenario& scenario, const Forecast& forecast);

}  // namespace statecraft

#endif  // STATECRAFT_RULES_DECISION_RULES_H_

#include "statecraft/rules/decision_rules.h"

#include <algorithm>
#include <cmath>

namespace statecraft {

std::vector<double> ApplyDecisionRules(const Scenario& scenario, const Forecast& forecast) {
  std::vector<double> ruled = forecast.outcome;
  if (forecast.rounds.empty()) return ruled;
  const std::vector<double>& final_positions = forecast.rounds.back().positions;
  const int issue_count = scenario.IssueCount();
  for (int issue = 0; issue < issue_count; ++issue) {
    const DecisionRule& rule = scenario.issues[issue].decision_rule;
    if (rule.kind != DecisionRule::Kind::kDeciders) continue;
    double low = HUGE_VAL;
    double high = -HUGE_VAL;
    for (int decider : rule.deciders) {
      const double position = final_positions[decider * issue_count + issue];
      if (std::isnan(position)) continue;
      low = std::min(low, position);
      high = std::max(high, position);
    }
    if (low <= high) ruled[issue] = std::clamp(ruled[issue], low, high);
  }
  return ruled;
}

}  // namespace statecraft

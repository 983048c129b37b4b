#include "statecraft/core/forecast.h"

#include <limits>

namespace statecraft {

std::vector<double> InputPositions(const Scenario& scenario) {
  const int actor_count = scenario.ActorCount();
  const int issue_count = scenario.IssueCount();
  std::vector<double> positions(static_cast<std::size_t>(actor_count) * issue_count,
                                std::numeric_limits<double>::quiet_NaN());
  for (int actor = 0; actor < actor_count; ++actor) {
    for (int issue = 0; issue < issue_count; ++issue) {
      if (scenario.HasStake(actor, issue)) {
        positions[actor * issue_count + issue] = scenario.Position(actor, issue);
      }
    }
  }
  return positions;
}

}  // namespace statecraft

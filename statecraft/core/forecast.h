// Forecast: what a model run yields — positions round by round and a predicted outcome per issue.
//
// Round 0 holds the input positions. Positions are actor-major (actor * issue_count + issue);
// an actor without a stake on an issue has NaN there, and output layers leave it out. Each
// model documents what its "outcome" per round is (weighted median, weighted mean, ...), and
// may attach its own detail per round (risk exponents, offers, exchanges) and per run.
#ifndef STATECRAFT_CORE_FORECAST_H_
#define STATECRAFT_CORE_FORECAST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "statecraft/core/detail.h"
#include "statecraft/core/params.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

struct Round {
  std::vector<double> positions;  // actor-major, NaN where the actor has no stake
  std::vector<double> outcome;    // one per issue, on the issue's own scale
  Detail detail;                  // model-specific keys, an object or null
};

// Whether an issue's outcome settled, for models that iterate until their positions settle. A
// model whose rounds can cycle says so here, so that a forecast which depends on where the rounds
// stop is never shown as a plain point: [low, high] is the range the outcome keeps moving in.
struct Settlement {
  bool settled = true;
  double low = 0.0;
  double high = 0.0;
  int period = 0;  // the length of the cycle the state fell into; 0 when none was found
};

struct Forecast {
  std::string model;
  ParamValues params;
  std::uint64_t seed = 0;
  std::vector<Round> rounds;
  // The model's prediction per issue (usually the last round's outcome).
  std::vector<double> outcome;
  // The outcome after decision rules (equal to `outcome` for collective issues).
  std::vector<double> ruled_outcome;
  Detail detail;  // model-specific keys for the whole run, an object or null
  // One per issue for models whose rounds may not settle (eum); empty for the others, whose
  // outcomes are final.
  std::vector<Settlement> settlement;
};

// The scenario's central positions, actor-major, NaN where an actor has no stake: the positions
// of round 0.
std::vector<double> InputPositions(const Scenario& scenario);

}  // namespace statecraft

#endif  // STATECRAFT_CORE_FORECAST_H_

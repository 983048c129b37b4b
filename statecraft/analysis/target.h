// Targets: a threshold event on one issue's outcome ("munitions<=25"), which what-ifs, sweeps
// and optimisations report the probability of, and the required probability of reaching it.
#ifndef STATECRAFT_ANALYSIS_TARGET_H_
#define STATECRAFT_ANALYSIS_TARGET_H_

#include <string>

#include "statecraft/core/scenario.h"

namespace statecraft {

// A threshold event on one issue's outcome: "munitions<=25", "sanctions > 60".
struct Target {
  int issue = 0;
  bool at_most = true;  // below the value (true) or above it (false)
  bool strict = false;  // "<" or ">": the value itself does not meet the target
  double value = 0.0;
  std::string text;  // as the user wrote it, without spaces: "munitions<=25"

  bool Met(double outcome) const {
    if (at_most) return strict ? outcome < value : outcome <= value;
    return strict ? outcome > value : outcome >= value;
  }
};

// Parses the one grammar of targets: ISSUE, then "<=", ">=", "<" or ">" with their meanings,
// then a finite decimal number on the issue's scale (spaces allowed around each part). InputError
// naming what was found and what was expected otherwise: nothing, no comparison, an unknown
// issue, a value that is not a decimal number ("0x10", "lots", "") or off the scale.
Target ParseTarget(const Scenario& scenario, const std::string& text);

// Checks a required probability: InputError unless 0 < p <= 1 (1: every draw must meet it).
void CheckProbability(double probability);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_TARGET_H_

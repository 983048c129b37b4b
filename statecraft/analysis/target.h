// Targets: a threshold event on one issue's outcome ("munitions<=25"), which what-ifs, sweeps
// and optimisations report the probability of, and the required probability of reaching it.
#ifndef STATECRAFT_ANALYSIS_TARGET_H_
#define STATECRAFT_ANALYSIS_TARGET_H_

#include <string>

#include "statecraft/core/scenario.h"

namespace statecraft {

// A threshold event on one issue's outcome: "munitions<=25", "sanctions >= 60".
struct Target {
  int issue = 0;
  bool at_most = true;  // outcome ≤ value (true) or ≥ value (false)
  double value = 0.0;
  std::string text;  // as the user wrote it, normalised: "munitions<=25"

  bool Met(double outcome) const { return at_most ? outcome <= value : outcome >= value; }
};

// Parses "ISSUE<=VALUE" or "ISSUE>=VALUE" (spaces allowed; "<" and ">" are read as "<=" and
// ">="). InputError on an unknown issue or an unparsable expression.
Target ParseTarget(const Scenario& scenario, const std::string& text);

// Checks a required probability: InputError unless 0 < p <= 1 (1: every draw must meet it).
void CheckProbability(double probability);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_TARGET_H_

// Folds by scenario for cross-validation: issues of one scenario (DEU: one legislative proposal)
// are decided together, so a split never separates them. Scenarios are dealt to the folds in a
// fixed pseudo-random order of their names (splitmix64 of an FNV-1a hash), so the folds do not
// depend on the order of a file, and a fold never holds two scenarios more than another.
#ifndef STATECRAFT_CORE_FOLDS_H_
#define STATECRAFT_CORE_FOLDS_H_

#include <vector>

#include "statecraft/core/scenario.h"

namespace statecraft {

// The fold (0..folds-1) of each scenario.
std::vector<int> AssignFolds(const std::vector<Scenario>& scenarios, int folds);

}  // namespace statecraft

#endif  // STATECRAFT_CORE_FOLDS_H_

// Model: one family of collective-decision theory, configured by typed parameters and run on a
// scenario's central values. A model instance is immutable once created and may be run from
// several threads at once; Run must be deterministic for a given scenario and seed.
#ifndef STATECRAFT_CORE_MODEL_H_
#define STATECRAFT_CORE_MODEL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "statecraft/core/forecast.h"
#include "statecraft/core/params.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

class Model {
 public:
  virtual ~Model() = default;
  // Fills rounds, outcome and detail of the forecast. The caller sets model, params and seed and
  // applies decision rules. Throws InputError when the scenario does not suit the model (say,
  // fewer than two actors on an issue where the model needs two) and the model cannot define a
  // result for it.
  virtual Forecast Run(const Scenario& scenario, std::uint64_t seed) const = 0;
  // What a Monte Carlo draw reads: the outcome and the final positions (the last round), the
  // same numbers as Run gives. Models whose per-round detail is costly override it to skip it.
  virtual Forecast RunOutcome(const Scenario& scenario, std::uint64_t seed) const {
    return Run(scenario, seed);
  }
};

struct ModelInfo {
  std::string name;
  std::string summary;      // one line for `statecraft models`: the method, in the field's terms
  std::string description;  // one plain line for an analyst: what the model assumes actors do
  std::vector<ParamSpec> params;
  bool uses_seed = false;  // false: the result never depends on the seed
  std::function<std::unique_ptr<Model>(const ParamValues&)> create;
  // Models fitted on decisions with known outcomes (empty for the others): fits the model on the
  // issues of `training` that have a known outcome, with `params` for everything not fitted, and
  // returns the fitted parameters as assignments (name, value) that `create` takes. Deterministic;
  // any choice of features or hyper-parameters is made inside, on `training` alone, so that a
  // backtest that fits it on some folds scores it honestly on the others.
  std::function<std::vector<std::pair<std::string, std::string>>(
      const std::vector<Scenario>& training, const ParamValues& params)>
      fit;
};

}  // namespace statecraft

#endif  // STATECRAFT_CORE_MODEL_H_

// Choosing a model: a registered name and parameter assignments → the model with its resolved
// parameters. Every client (CLI, HTTP API, Python), the saved sweeps and the backtests choose
// models here and nowhere else, so the messages are the same everywhere: an unknown model names
// the known ones, and a bad parameter reads "model 'eum': unknown parameter 'round'; valid
// parameters: ...".
#ifndef STATECRAFT_ANALYSIS_MODEL_CHOICE_H_
#define STATECRAFT_ANALYSIS_MODEL_CHOICE_H_

#include <string>
#include <vector>

#include "statecraft/analysis/run.h"
#include "statecraft/core/model.h"
#include "statecraft/core/params.h"

namespace statecraft {

// A model as a user names it: its registry name and parameter assignments in the text a user
// types ("rounds", "10").
struct ModelSpec {
  std::string name;
  ParamAssignments params;
};

// A model to run with its resolved parameters.
struct ModelChoice {
  const ModelInfo* info = nullptr;
  ParamValues params;
};

// "NAME" or "NAME:k=v,k=v" → its spec (the model is not looked up here); InputError for an
// assignment without '='.
ModelSpec ParseModelSpec(const std::string& text);

// The registered model with its parameters resolved (defaults filled in); InputError naming the
// known models or the valid parameters.
ModelChoice ChooseModel(const ModelSpec& spec);

// Each spec chosen in order; every registered model at its defaults when `specs` is empty.
std::vector<ModelChoice> ChooseModels(const std::vector<ModelSpec>& specs);

// Every registered model at its defaults.
std::vector<ModelChoice> AllModels();

// How a model is labelled in calibrations and backtests: its name, then its parameters that
// differ from the defaults ("eum", "exchange:rounds=10").
std::string ModelLabel(const ModelChoice& model);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_MODEL_CHOICE_H_

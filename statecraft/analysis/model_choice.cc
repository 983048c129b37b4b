#include "statecraft/analysis/model_choice.h"

#include <sstream>

#include "statecraft/models/builtin.h"

namespace statecraft {

ModelSpec ParseModelSpec(const std::string& text) {
  const auto colon = text.find(':');
  ModelSpec spec{text.substr(0, colon), {}};
  if (colon != std::string::npos) {
    std::stringstream rest(text.substr(colon + 1));
    std::string assignment;
    while (std::getline(rest, assignment, ',')) {
      if (!assignment.empty()) spec.params.push_back(SplitParamAssignment(assignment));
    }
  }
  return spec;
}

ModelChoice ChooseModel(const ModelSpec& spec) {
  const ModelInfo& info = BuiltinModels().Get(spec.name);
  return ModelChoice{&info, ResolveParams("model '" + info.name + "'", info.params, spec.params)};
}

std::vector<ModelChoice> ChooseModels(const std::vector<ModelSpec>& specs) {
  if (specs.empty()) return AllModels();
  std::vector<ModelChoice> models;
  for (const ModelSpec& spec : specs) models.push_back(ChooseModel(spec));
  return models;
}

std::vector<ModelChoice> AllModels() {
  std::vector<ModelChoice> models;
  for (const ModelInfo& info : BuiltinModels().models()) models.push_back(ChooseModel({info.name}));
  return models;
}

std::string ModelLabel(const ModelChoice& model) {
  const ParamValues defaults =
      ResolveParams("model '" + model.info->name + "'", model.info->params, {});
  std::string changed;
  for (const ParamValues::Entry& entry : model.params.entries()) {
    for (const ParamValues::Entry& standard : defaults.entries()) {
      if (standard.name == entry.name && standard.text != entry.text) {
        changed += (changed.empty() ? "" : ",") + entry.name + "=" + entry.text;
      }
    }
  }
  return changed.empty() ? model.info->name : model.info->name + ":" + changed;
}

}  // namespace statecraft

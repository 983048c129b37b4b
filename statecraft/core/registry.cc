#include "statecraft/core/registry.h"

#include <stdexcept>

#include "statecraft/core/error.h"
#include "statecraft/core/spelling.h"

namespace statecraft {

void ModelRegistry::Add(ModelInfo info) {
  if (Find(info.name) != nullptr) {
    throw std::logic_error("model '" + info.name + "' registered twice");
  }
  models_.push_back(std::move(info));
}

const ModelInfo* ModelRegistry::Find(const std::string& name) const {
  for (const auto& info : models_) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

const ModelInfo& ModelRegistry::Get(const std::string& name) const {
  if (const ModelInfo* info = Find(name)) return *info;
  std::string known;
  std::vector<std::string> names;
  for (const auto& info : models_) {
    known += (known.empty() ? "" : ", ") + info.name;
    names.push_back(info.name);
  }
  throw InputError("unknown model '" + name + "'; " + DidYouMean(name, names) +
                   "known models: " + known);
}

}  // namespace statecraft

// ModelRegistry: the models a program knows, by name. The models shipped with statecraft are in
// BuiltinModels() (statecraft/models/builtin.h); a program may build a registry of its own.
#ifndef STATECRAFT_CORE_REGISTRY_H_
#define STATECRAFT_CORE_REGISTRY_H_

#include <string>
#include <vector>

#include "statecraft/core/model.h"

namespace statecraft {

class ModelRegistry {
 public:
  // Throws std::logic_error on a duplicate name (a programming error).
  void Add(ModelInfo info);
  // nullptr when unknown.
  const ModelInfo* Find(const std::string& name) const;
  // Throws InputError naming the known models when unknown.
  const ModelInfo& Get(const std::string& name) const;
  const std::vector<ModelInfo>& models() const { return models_; }

 private:
  std::vector<ModelInfo> models_;
};

}  // namespace statecraft

#endif  // STATECRAFT_CORE_REGISTRY_H_

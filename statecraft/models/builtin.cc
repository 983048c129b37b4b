// Every model shipped with statecraft, registered explicitly: one line per model family.
#include "statecraft/core/registry.h"
#include "statecraft/models/baseline/baseline.h"

namespace statecraft {

void RegisterBuiltinModels(ModelRegistry& registry) {
  RegisterBaselineModels(registry);
}

}  // namespace statecraft

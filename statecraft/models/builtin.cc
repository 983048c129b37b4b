// Every model shipped with statecraft, registered explicitly: one line per model family.
#include "statecraft/models/builtin.h"

#include "statecraft/models/baseline/baseline.h"
#include "statecraft/models/choice/choice.h"
#include "statecraft/models/eum/eum.h"
#include "statecraft/models/exchange/exchange.h"
#include "statecraft/models/smp/smp.h"

namespace statecraft {

void RegisterBuiltinModels(ModelRegistry& registry) {
  RegisterBaselineModels(registry);
  RegisterExchangeModel(registry);
  RegisterSmpModel(registry);
  RegisterEumModel(registry);
  RegisterChoiceModel(registry);
}

const ModelRegistry& BuiltinModels() {
  static const ModelRegistry registry = [] {
    ModelRegistry built;
    RegisterBuiltinModels(built);
    return built;
  }();
  return registry;
}

}  // namespace statecraft

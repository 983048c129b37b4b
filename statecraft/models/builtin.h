// The models shipped with statecraft. BuiltinModels() is the registry of all of them, registered
// explicitly in builtin.cc (one line per model family); clients — the CLI, the web server,
// Python, the conformance tests — list and run models through it, and so pick up a new model
// by themselves.
#ifndef STATECRAFT_MODELS_BUILTIN_H_
#define STATECRAFT_MODELS_BUILTIN_H_

#include "statecraft/core/registry.h"

namespace statecraft {

// Adds every built-in model to `registry`.
void RegisterBuiltinModels(ModelRegistry& registry);

// The registry of built-in models, filled on first use.
const ModelRegistry& BuiltinModels();

}  // namespace statecraft

#endif  // STATECRAFT_MODELS_BUILTIN_H_

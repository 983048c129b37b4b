// The built-in scenario (scenarios/russia-dprk-2024.yaml), compiled into the program so that
// `statecraft run` works from any directory.
#ifndef STATECRAFT_IO_BUILTIN_SCENARIO_H_
#define STATECRAFT_IO_BUILTIN_SCENARIO_H_

#include <string>

namespace statecraft {

const std::string& BuiltinScenarioText();
// The name errors and reports give it: "russia-dprk-2024.yaml (built in)".
const std::string& BuiltinScenarioFileName();

}  // namespace statecraft

#endif  // STATECRAFT_IO_BUILTIN_SCENARIO_H_

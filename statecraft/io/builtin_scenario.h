// The built-in scenarios: every file under scenarios/ — the flagship (russia-dprk-2024.yaml) and
// the gallery of classic cases — compiled into the program, so that `statecraft run` and
// `statecraft run --scenario NAME` work from any directory.
#ifndef STATECRAFT_IO_BUILTIN_SCENARIO_H_
#define STATECRAFT_IO_BUILTIN_SCENARIO_H_

#include <string>
#include <vector>

namespace statecraft {

struct BuiltinScenario {
  std::string name;       // the file's name without ".yaml": "ec-car-emissions"
  std::string case_name;  // the case it belongs to: the files of one study share it
  std::string file_name;  // how errors and reports name it: "ec-car-emissions.yaml (built in)"
  std::string text;       // the file's YAML, byte for byte
};

// Every built-in scenario: the flagship first, then by name.
const std::vector<BuiltinScenario>& BuiltinScenarios();

// The built-in scenario called `name`, or nullptr.
const BuiltinScenario* FindBuiltinScenario(const std::string& name);

// The names of the built-in scenarios, comma-separated, for messages that list the choices.
std::string BuiltinScenarioNames();

// The flagship's text and the name errors and reports give it:
// "russia-dprk-2024.yaml (built in)".
const std::string& BuiltinScenarioText();
const std::string& BuiltinScenarioFileName();

}  // namespace statecraft

#endif  // STATECRAFT_IO_BUILTIN_SCENARIO_H_

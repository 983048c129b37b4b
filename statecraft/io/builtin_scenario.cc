#include "statecraft/io/builtin_scenario.h"

#include <string_view>
#include <utility>

namespace statecraft {
namespace detail {
const std::vector<std::pair<std::string, std::string>>& BuiltinScenarioFiles();
}  // namespace detail

namespace {

// Studies whose data come in several files: each file is one scenario, the study one case, so
// that a backtest over cases counts the study once. Every other file is a case of its own.
constexpr std::pair<std::string_view, std::string_view> kSharedCases[] = {
    {"china-oil-reform-2014-policy", "china-oil-reform-2014"},
    {"china-oil-reform-2014-competition", "china-oil-reform-2014"},
    {"china-oil-reform-2014-both", "china-oil-reform-2014"},
};

std::string CaseOf(const std::string& name) {
  for (const auto& [file, case_name] : kSharedCases) {
    if (file == name) return std::string(case_name);
  }
  return name;
}

}  // namespace

const std::vector<BuiltinScenario>& BuiltinScenarios() {
  static const std::vector<BuiltinScenario> scenarios = [] {
    std::vector<BuiltinScenario> all;
    for (const auto& [name, text] : detail::BuiltinScenarioFiles()) {
      all.push_back({name, CaseOf(name), name + ".yaml (built in)", text});
    }
    return all;
  }();
  return scenarios;
}

const BuiltinScenario* FindBuiltinScenario(const std::string& name) {
  for (const BuiltinScenario& scenario : BuiltinScenarios()) {
    if (scenario.name == name) return &scenario;
  }
  return nullptr;
}

std::string BuiltinScenarioNames() {
  std::string names;
  for (const BuiltinScenario& scenario : BuiltinScenarios()) {
    names += (names.empty() ? "" : ", ") + scenario.name;
  }
  return names;
}

const std::string& BuiltinScenarioText() { return BuiltinScenarios().front().text; }

const std::string& BuiltinScenarioFileName() { return BuiltinScenarios().front().file_name; }

}  // namespace statecraft

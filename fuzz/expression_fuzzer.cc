// libFuzzer target: the expressions users type against the built-in scenario, as the CLI and the
// HTTP API read them. The first byte picks the reader, the rest is the expression:
//   0  a plan ("china", "L2=20+L5"): parsed, resolved and applied; the result must validate
//   1  counter-levers ("R2=20+R3"): parsed and applied; the result must validate
//   2  a target ("munitions<=25")
//   3  model parameters, one NAME=VALUE per line, for each built-in model
// Anything but a result or an InputError is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "statecraft/analysis/sweep.h"
#include "statecraft/core/error.h"
#include "statecraft/core/params.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/levers/lever.h"
#include "statecraft/models/builtin.h"

namespace {

// Levers that passed validation must leave a valid scenario: an InputError here is a finding.
void MustStayValid(const statecraft::Scenario& scenario) {
  try {
    scenario.Validate();
  } catch (const statecraft::InputError& error) {
    std::fprintf(stderr, "validated levers made an invalid scenario: %s\n", error.what());
    std::abort();
  }
}

void ReadPlan(const statecraft::ScenarioWithLevers& input, const std::string& text) {
  const statecraft::Plan plan = statecraft::ParsePlanSpec(input.scenario, input.levers, text);
  statecraft::Scenario scenario = input.scenario;
  statecraft::ApplyLevers(scenario, statecraft::ResolvePlan(input.levers, plan));
  MustStayValid(scenario);
}

void ReadCounter(const statecraft::ScenarioWithLevers& input, const std::string& text) {
  const auto levers = statecraft::ParseCounterSpec(input.scenario, input.levers, text);
  statecraft::Scenario scenario = input.scenario;
  statecraft::ApplyLevers(scenario, levers);
  MustStayValid(scenario);
}

void ReadParams(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> given;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    given.push_back(statecraft::SplitParamAssignment(line));
  }
  for (const statecraft::ModelInfo& info : statecraft::BuiltinModels().models()) {
    try {
      statecraft::ResolveParams(info.name, info.params, given);
    } catch (const statecraft::InputError&) {
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const statecraft::ScenarioWithLevers input = statecraft::BuiltinScenarioWithLevers();
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    switch (data[0] % 4) {
      case 0:
        ReadPlan(input, text);
        break;
      case 1:
        ReadCounter(input, text);
        break;
      case 2:
        statecraft::ParseTarget(input.scenario, text);
        break;
      default:
        ReadParams(text);
        break;
    }
  } catch (const statecraft::InputError&) {
    // A clear refusal is the expected answer to most inputs.
  }
  return 0;
}

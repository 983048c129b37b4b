// libFuzzer target: a native YAML scenario with its lever sections (levers, plans,
// counter_levers), then every declared plan resolved and applied. Applying a validated plan must
// leave a valid scenario; anything but that or an InputError — a crash, a sanitizer report,
// another exception — is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "statecraft/core/error.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/levers/lever.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  statecraft::ScenarioWithLevers input;
  try {
    input = statecraft::ParseScenarioWithLevers(text, "fuzz-input.yaml");
  } catch (const statecraft::InputError&) {
    return 0;  // A clear refusal is the expected answer to most inputs.
  }
  for (const statecraft::Plan& plan : input.levers.plans) {
    statecraft::Scenario scenario = input.scenario;
    try {
      statecraft::ValidatePlan(scenario, input.levers, plan);
    } catch (const statecraft::InputError&) {
      continue;
    }
    statecraft::ApplyLevers(scenario, statecraft::ResolvePlan(input.levers, plan));
    try {
      scenario.Validate();
    } catch (const statecraft::InputError& error) {
      std::fprintf(stderr, "plan '%s' made an invalid scenario: %s\n", plan.name.c_str(),
                   error.what());
      std::abort();
    }
  }
  return 0;
}

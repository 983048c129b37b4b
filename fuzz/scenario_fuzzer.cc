// libFuzzer target: one scenario reader on arbitrary bytes. The format is fixed at compile time
// (STATECRAFT_FUZZ_FORMAT), so each input path has its own target and corpus. Any outcome but a
// scenario or an InputError — a crash, a sanitizer report, another exception — is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "statecraft/core/error.h"
#include "statecraft/io/scenario_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  statecraft::ReadOptions options;
  options.format = STATECRAFT_FUZZ_FORMAT;
  try {
    const auto scenarios = statecraft::ParseScenarios(text, "fuzz-input", options);
    for (const auto& scenario : scenarios) scenario.Validate();
  } catch (const statecraft::InputError&) {
    // A clear refusal is the expected answer to most inputs.
  }
  return 0;
}

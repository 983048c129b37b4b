// Writing the lever sections (levers, plans, counter_levers; syntax in docs/levers.md) back in
// the native format, so that converting or saving a scenario keeps everything its file declared.
// Salience amounts are written on the 0–100 scale the scenario writer declares
// (`salience_scale: 100`), and a written file reads back to the same levers.
#ifndef STATECRAFT_IO_LEVERS_WRITER_H_
#define STATECRAFT_IO_LEVERS_WRITER_H_

#include <string>

#include "statecraft/io/json_output.h"
#include "statecraft/io/levers_format.h"

namespace statecraft {

// The scenario's document with its lever sections (only the sections that declare something).
Json ScenarioWithLeversDocument(const ScenarioWithLevers& input);

std::string WriteScenarioWithLeversYaml(const ScenarioWithLevers& input);
std::string WriteScenarioWithLeversJson(const ScenarioWithLevers& input);

}  // namespace statecraft

#endif  // STATECRAFT_IO_LEVERS_WRITER_H_

// The `levers`, `plans` and `counter_levers` sections of a native scenario file (syntax in
// docs/levers.md), reading a scenario together with them, and the plan and counter-lever specs
// users type ("L2=20+L5"). The JSON of the lever analyses is the request layer's
// (statecraft/app/lever_json.h).
//
//   levers:
//     - name: L2
//       description: "Understanding with China"
//       basis: "..."
//       unit: "position of China on munitions"
//       magnitude: [15, 20, 25]          # low, central, high: the declared range
//       steps: [15, 25]                  # what optimize tries (default: low, central, high)
//       cost: {fixed: 3, per_unit: 0}    # or a number (a fixed cost)
//       excluded: "why not an option"    # optional: declared but never applied
//       effects:
//         - {type: set_position, actors: [CHN], issues: [munitions]}   # amount = magnitude
//         - {type: set_salience, actors: [CHN], issues: [munitions], amount: 60}
//   plans:
//     - {name: china, description: "...", levers: [L2, {L1: 15}]}
//   counter_levers:
//     owner: RUS
//     budget: 6
//     levers: [ ...same form as levers... ]
//
// Salience amounts of shift_salience and set_salience (and saliences of add_actor stakes) are on
// the file's salience_scale; scale_* amounts are factors.
#ifndef STATECRAFT_IO_LEVERS_FORMAT_H_
#define STATECRAFT_IO_LEVERS_FORMAT_H_

#include <string>
#include <vector>

#include "statecraft/core/scenario.h"
#include "statecraft/io/json_output.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/io/yaml_node.h"
#include "statecraft/levers/lever.h"

namespace statecraft {

struct ScenarioWithLevers {
  Scenario scenario;
  LeverSet levers;
};

// Reads the lever sections of a parsed native file, checking every name against the scenario
// (errors located at the offending node).
LeverSet ReadLeverSections(const NodeReader& root, const Scenario& scenario);

// A scenario and its levers from text: native YAML/JSON files may declare levers; files of other
// formats yield a scenario without levers.
ScenarioWithLevers ParseScenarioWithLevers(const std::string& text, const std::string& file_name,
                                           const ReadOptions& options = {});
ScenarioWithLevers ReadScenarioWithLevers(const std::string& path, const ReadOptions& options = {});
// The built-in scenario with its levers.
ScenarioWithLevers BuiltinScenarioWithLevers();

// A plan from a command line: a declared plan's name, or levers joined by '+', each "NAME" (at
// its open magnitude) or "NAME=MAGNITUDE" ("L2=20+L5"). Validated against the scenario.
Plan ParsePlanSpec(const Scenario& scenario, const LeverSet& levers, const std::string& spec);

// Counter-levers from a command line: "R2=20+R3" (each at the given or its central magnitude).
std::vector<AppliedLever> ParseCounterSpec(const Scenario& scenario, const LeverSet& levers,
                                           const std::string& spec);

}  // namespace statecraft

#endif  // STATECRAFT_IO_LEVERS_FORMAT_H_

// Shared pieces of the Python bindings: the wrapped value types, the JSON → Python conversion,
// and one Bind* function per area (each in its own file, all called from module.cc).
//
// The bindings are a thin client (no model logic in any client): they parse Python arguments, call
// the library with the GIL released, and convert results. Every dict a result returns is built from
// the same JSON the CLI prints, so the two cannot drift apart.
#ifndef STATECRAFT_PYTHON_BINDINGS_H_
#define STATECRAFT_PYTHON_BINDINGS_H_

#include <pybind11/pybind11.h>

#include <memory>
#include <string>
#include <vector>

#include "statecraft/analysis/run.h"
#include "statecraft/core/forecast.h"
#include "statecraft/core/scenario.h"
#include "statecraft/io/json_output.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/io/scenario_reader.h"

namespace statecraft::python {

namespace py = pybind11;

// A validated scenario, shared (never modified) between the Python objects that refer to it.
struct PyScenario {
  std::shared_ptr<const Scenario> scenario;
  // Where it came from ("russia-dprk-2024.yaml (built in)", a path, "<dict>"), for repr().
  std::string origin;
  // The text it was read from and how, so that the lever analyses can read the file's levers,
  // plans and counter-levers exactly as the CLI's whatif/sweep/optimize do (and a file whose
  // lever sections are broken still loads for run, as in the CLI). Null for one scenario of a
  // dataset holding several, which declares no levers.
  std::shared_ptr<const std::string> text;
  ReadOptions read;
};

// One model run: the forecast and the scenario it was made on.
struct PyResult {
  std::shared_ptr<const Scenario> scenario;
  Forecast forecast;
};

// nlohmann ordered JSON → Python objects (dicts keep the JSON's key order).
py::object JsonToPython(const Json& json);

// A Python value as the text a user would type for a model parameter: True → "true",
// 2 → "2", 0.1 → "0.1" (the shortest text that reads back to the same double).
std::string ParamText(const py::handle& value);

// **params → ordered name/value assignments.
ParamAssignments ParamsFromKwargs(const py::dict& params);

// Accepts a PyScenario, a path (str or os.PathLike), a dict in the native schema, or None (the
// built-in scenario). Raises ValueError (through InputError) on a bad one.
PyScenario ToScenario(const py::handle& value);

// The scenario with the levers, plans and counter-levers its text declares, read as the CLI's
// lever commands read a file (cli/lever_options.cc, LoadScenarioWithLevers); none for a scenario
// built in Python or taken from a dataset.
ScenarioWithLevers ScenarioAndLevers(const PyScenario& scenario);

// The built-in scenario.
PyScenario BuiltinScenario();

void BindScenario(py::module_& module);
void BindRun(py::module_& module);
void BindBacktest(py::module_& module);
void BindLevers(py::module_& module);

}  // namespace statecraft::python

#endif  // STATECRAFT_PYTHON_BINDINGS_H_

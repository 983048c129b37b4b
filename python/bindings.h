// Shared pieces of the Python bindings: the wrapped value types, the JSON → Python conversion,
// and one Bind* function per area (each in its own file, all called from module.cc).
//
// The bindings are a thin client: they turn Python arguments into the request layer's requests
// (statecraft/app; keyword arguments become the same JSON fields the HTTP API reads), run them
// with the GIL released, and convert results. Every dict a result returns is the request layer's
// JSON, the same the CLI prints and the API answers, so the clients cannot drift apart. A failed
// request raises by its error code (RaiseError).
#ifndef STATECRAFT_PYTHON_BINDINGS_H_
#define STATECRAFT_PYTHON_BINDINGS_H_

#include <pybind11/pybind11.h>

#include <memory>
#include <string>
#include <vector>

#include "statecraft/analysis/run.h"
#include "statecraft/app/context.h"
#include "statecraft/app/outcome.h"
#include "statecraft/app/scenario_source.h"
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

// Python objects → JSON: None, bool, int, float, str, dicts with str keys, lists and tuples, and
// numpy scalars; TypeError for anything else.
Json PythonToJson(const py::handle& value);

// Raises the Python exception of a request layer error: statecraft.InputError (a ValueError)
// for bad input, statecraft.NotFoundError (a LookupError), statecraft.ConflictError (a
// RuntimeError), RuntimeError for an internal error. The exception carries `code` and
// `location` (a dict of file, line, column and key, as known).
[[noreturn]] void RaiseError(const app::Error& error);

// The result of a request, or its error raised.
template <typename T>
T Unwrap(app::Outcome<T> outcome) {
  if (!outcome.ok()) RaiseError(outcome.error());
  return std::move(outcome).value();
}

// Runs `work` (a request) with the GIL released; its outcome is unwrapped after, with the GIL.
template <typename Work>
auto Released(Work&& work) {
  py::gil_scoped_release release;
  return work();
}

// A command's outcome as its JSON (written by `write`), or its error: for writing the JSON while
// the GIL is still released.
template <typename T, typename Writer>
app::Outcome<Json> JsonOf(const app::Outcome<T>& outcome, Writer write) {
  if (!outcome.ok()) return outcome.error();
  return write(outcome.value());
}

// A command's scenario argument as a request's source: None → the built-in scenario, a path
// (str or os.PathLike) → the file, a dict → a native document (as the HTTP API's "document"), a
// Scenario → its text (or the scenario itself when it has none). TypeError for anything else.
app::ScenarioSource SourceOf(const py::handle& scenario);

// **params → ordered name/value assignments, each value as the text a user would type (True →
// "true", 2 → "2", 0.1 → "0.1"), as the API's JSON values become (app/json_requests.h).
ParamAssignments ParamsFromKwargs(const py::dict& params);

// A request's fields from keyword arguments, as JSON (None values are left out); the request
// layer decodes them as it decodes the HTTP API's bodies (app/json_requests.h).
Json FieldsOf(const py::dict& fields);

// The context of a command run from Python: the program's version as the CLI records it, and no
// saving (Python saves nothing).
app::Context CommandContext();

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
void BindRuns(py::module_& module);
// Registers InputError, NotFoundError and ConflictError on the module (module.cc).
void BindErrors(py::module_& module);

}  // namespace statecraft::python

#endif  // STATECRAFT_PYTHON_BINDINGS_H_

// The _statecraft extension module: error translation and the registration of every binding.
// The public API is the `statecraft` package (python/statecraft/__init__.py), which re-exports
// these names and adds the pandas helpers.
#include <pybind11/pybind11.h>

#include <exception>

#include "python/bindings.h"
#include "statecraft/core/error.h"
#include "statecraft/core/version.h"

namespace statecraft::python {
namespace {

// The exception classes, created once by BindErrors.
PyObject* input_error_class = nullptr;
PyObject* not_found_class = nullptr;
PyObject* conflict_class = nullptr;

py::dict LocationDict(const ErrorLocation& location) {
  py::dict out;
  if (!location.file.empty()) out["file"] = location.file;
  if (location.line > 0) out["line"] = location.line;
  if (location.column > 0) out["column"] = location.column;
  if (!location.key.empty()) out["key"] = location.key;
  return out;
}

void SetError(const app::Error& error) {
  PyObject* type = PyExc_RuntimeError;
  switch (error.code) {
    case app::ErrorCode::kBadInput:
      type = input_error_class;
      break;
    case app::ErrorCode::kNotFound:
      type = not_found_class;
      break;
    case app::ErrorCode::kConflict:
      type = conflict_class;
      break;
    default:
      break;
  }
  py::object instance = py::reinterpret_borrow<py::object>(type)(error.message);
  instance.attr("code") = app::ErrorCodeName(error.code);
  instance.attr("location") = LocationDict(error.location);
  PyErr_SetObject(type, instance.ptr());
}

// What escapes a binding: a user-fixable input problem becomes statecraft.InputError (a
// ValueError) with exactly the message the CLI prints after "statecraft: error: "; a request
// layer error keeps its code; anything else becomes RuntimeError.
void TranslateErrors(std::exception_ptr error) {
  try {
    if (error) std::rethrow_exception(error);
  } catch (const py::error_already_set&) {
    throw;
  } catch (const py::builtin_exception&) {
    throw;
  } catch (...) {
    SetError(app::CurrentError());
  }
}

}  // namespace

void RaiseError(const app::Error& error) {
  SetError(error);
  throw py::error_already_set();
}

void BindErrors(py::module_& module) {
  const auto make = [&module](const char* name, PyObject* base, const char* doc) {
    PyObject* type =
        PyErr_NewExceptionWithDoc((std::string("statecraft.") + name).c_str(), doc, base, nullptr);
    module.add_object(name, py::reinterpret_borrow<py::object>(type));
    return type;
  };
  input_error_class = make("InputError", PyExc_ValueError,
                           "Bad input: a malformed scenario, an unknown model or parameter, a "
                           "value out of range. `code` is 'bad_input'; `location` says where.");
  not_found_class = make("NotFoundError", PyExc_LookupError,
                         "What the request names does not exist (a saved run). `code` is "
                         "'not_found'.");
  conflict_class = make("ConflictError", PyExc_RuntimeError,
                        "The request conflicts with the state of what it names (a report of a "
                        "run still running, resuming a run that is not a sweep). `code` is "
                        "'conflict'.");
}

PYBIND11_MODULE(_statecraft, module) {
  module.doc() =
      "statecraft's compiled core: scenarios, models, runs and analyses. Import `statecraft`, "
      "not this module.";
  module.attr("__version__") = kProgramVersion;
  BindErrors(module);
  py::register_local_exception_translator(&TranslateErrors);
  BindScenario(module);
  BindRun(module);
  BindBacktest(module);
  BindLevers(module);
  BindRuns(module);
}

}  // namespace statecraft::python

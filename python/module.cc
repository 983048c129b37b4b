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

// A user-fixable input problem becomes ValueError with exactly the message the CLI prints after
// "statecraft: error: "; anything else escaping the library becomes RuntimeError.
void TranslateErrors(std::exception_ptr error) {
  try {
    if (error) std::rethrow_exception(error);
  } catch (const InputError& input_error) {
    PyErr_SetString(PyExc_ValueError, input_error.what());
  } catch (const py::error_already_set&) {
    throw;
  } catch (const py::builtin_exception&) {
    throw;
  } catch (const std::exception& other) {
    PyErr_SetString(PyExc_RuntimeError, other.what());
  }
}

}  // namespace

PYBIND11_MODULE(_statecraft, module) {
  module.doc() =
      "statecraft's compiled core: scenarios, models, runs and analyses. Import `statecraft`, "
      "not this module.";
  module.attr("__version__") = kProgramVersion;
  py::register_local_exception_translator(&TranslateErrors);
  BindScenario(module);
  BindRun(module);
  BindBacktest(module);
  BindLevers(module);
}

}  // namespace statecraft::python

// Models and runs in Python: the registry's models with their parameters, run() and compare(),
// and Result — a forecast with its outcome as a dict, its trajectory as numpy arrays, and
// to_dict() equal to the CLI's `run --format json`.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <limits>

#include "python/bindings.h"
#include "statecraft/analysis/run.h"
#include "statecraft/models/builtin.h"

namespace statecraft::python {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

py::dict IssueDict(const Scenario& scenario, const std::vector<double>& values) {
  py::dict out;
  for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
    out[py::str(scenario.issues[issue].name)] = values[issue];
  }
  return out;
}

py::array_t<double> VectorArray(const std::vector<double>& values) {
  py::array_t<double> array(static_cast<py::ssize_t>(values.size()));
  auto view = array.mutable_unchecked<1>();
  for (std::size_t k = 0; k < values.size(); ++k) view(k) = values[k];
  return array;
}

// The same text as `statecraft models --format json`, one item per model.
py::dict ModelToDict(const ModelInfo& info) {
  return JsonToPython(ModelInfoToJson(info)).cast<py::dict>();
}

PyResult RunOne(const PyScenario& scenario, const std::string& model, std::uint64_t seed,
                const ParamAssignments& params) {
  const ModelInfo& info = BuiltinModels().Get(model);
  py::gil_scoped_release release;
  return PyResult{scenario.scenario, RunModel(info, *scenario.scenario, params, seed)};
}

}  // namespace

py::object JsonToPython(const Json& json) {
  switch (json.type()) {
    case Json::value_t::null:
      return py::none();
    case Json::value_t::boolean:
      return py::bool_(json.get<bool>());
    case Json::value_t::number_integer:
      return py::int_(json.get<std::int64_t>());
    case Json::value_t::number_unsigned:
      return py::int_(json.get<std::uint64_t>());
    case Json::value_t::number_float: {
      // As the CLI's JSON text writes it: a value that is not finite (an undefined interval) is
      // null.
      const double value = json.get<double>();
      if (!std::isfinite(value)) return py::none();
      return py::float_(value);
    }
    case Json::value_t::string:
      return py::str(json.get_ref<const std::string&>());
    case Json::value_t::array: {
      py::list list;
      for (const Json& item : json) list.append(JsonToPython(item));
      return list;
    }
    case Json::value_t::object: {
      py::dict object;
      for (const auto& [key, value] : json.items()) object[py::str(key)] = JsonToPython(value);
      return object;
    }
    default:
      return py::none();
  }
}

std::string ParamText(const py::handle& value) {
  if (py::isinstance<py::bool_>(value)) return value.cast<bool>() ? "true" : "false";
  const std::string type_name = py::str(py::type::of(value).attr("__name__")).cast<std::string>();
  if (type_name == "bool_") return PyObject_IsTrue(value.ptr()) == 1 ? "true" : "false";
  if (py::isinstance<py::float_>(value)) return py::repr(value).cast<std::string>();
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  return py::str(value).cast<std::string>();
}

ParamAssignments ParamsFromKwargs(const py::dict& params) {
  ParamAssignments out;
  for (const auto& [name, value] : params) {
    out.emplace_back(name.cast<std::string>(), ParamText(value));
  }
  return out;
}

void BindRun(py::module_& module) {
  py::class_<PyResult>(module, "Result",
                       "One model run: outcome per issue, positions round by round, and the "
                       "model's own detail. to_dict() equals `statecraft run --format json`.")
      .def_property_readonly("model", [](const PyResult& r) { return r.forecast.model; })
      .def_property_readonly("seed", [](const PyResult& r) { return r.forecast.seed; })
      .def_property_readonly(
          "params",
          [](const PyResult& r) {
            return JsonToPython(DetailToJson(r.forecast.params.ToDetail()));
          },
          "The resolved parameters, defaults included.")
      .def_property_readonly("scenario",
                             [](const PyResult& r) {
                               return PyScenario{r.scenario, "", nullptr, {}};
                             })
      .def_property_readonly("actors",
                             [](const PyResult& r) {
                               std::vector<std::string> names;
                               for (const Actor& actor : r.scenario->actors) {
                                 names.push_back(actor.name);
                               }
                               return names;
                             })
      .def_property_readonly("issues",
                             [](const PyResult& r) {
                               std::vector<std::string> names;
                               for (const Issue& issue : r.scenario->issues) {
                                 names.push_back(issue.name);
                               }
                               return names;
                             })
      .def_property_readonly(
          "outcome",
          [](const PyResult& r) {
            return IssueDict(*r.scenario, r.forecast.ruled_outcome.empty()
                                              ? r.forecast.outcome
                                              : r.forecast.ruled_outcome);
          },
          "{issue: predicted value}, after decision rules.")
      .def_property_readonly(
          "unconstrained_outcome",
          [](const PyResult& r) { return IssueDict(*r.scenario, r.forecast.outcome); },
          "{issue: the model's own prediction}, before decision rules.")
      .def_property_readonly(
          "outcome_array",
          [](const PyResult& r) {
            return VectorArray(r.forecast.ruled_outcome.empty() ? r.forecast.outcome
                                                                : r.forecast.ruled_outcome);
          },
          "The outcome after decision rules, one value per issue in issue order.")
      .def_property_readonly(
          "rounds", [](const PyResult& r) { return r.forecast.rounds.size() - 1; },
          "Rounds the model played (round 0, the input positions, not counted).")
      .def_property_readonly(
          "positions",
          [](const PyResult& r) {
            const auto rounds = static_cast<py::ssize_t>(r.forecast.rounds.size());
            const int actors = r.scenario->ActorCount();
            const int issues = r.scenario->IssueCount();
            py::array_t<double> array(
                {rounds, static_cast<py::ssize_t>(actors), static_cast<py::ssize_t>(issues)});
            auto view = array.mutable_unchecked<3>();
            for (py::ssize_t t = 0; t < rounds; ++t) {
              const std::vector<double>& positions = r.forecast.rounds[t].positions;
              for (int actor = 0; actor < actors; ++actor) {
                for (int issue = 0; issue < issues; ++issue) {
                  view(t, actor, issue) = positions[actor * issues + issue];
                }
              }
            }
            return array;
          },
          "Positions, a (rounds + 1) × actors × issues array (round 0 = input), NaN where an "
          "actor has no stake.")
      .def_property_readonly(
          "round_outcomes",
          [](const PyResult& r) {
            const auto rounds = static_cast<py::ssize_t>(r.forecast.rounds.size());
            const int issues = r.scenario->IssueCount();
            py::array_t<double> array({rounds, static_cast<py::ssize_t>(issues)});
            auto view = array.mutable_unchecked<2>();
            for (py::ssize_t t = 0; t < rounds; ++t) {
              for (int issue = 0; issue < issues; ++issue) {
                const auto& outcome = r.forecast.rounds[t].outcome;
                view(t, issue) = issue < static_cast<int>(outcome.size()) ? outcome[issue] : kNaN;
              }
            }
            return array;
          },
          "The model's outcome per round, a (rounds + 1) × issues array.")
      .def_property_readonly(
          "detail", [](const PyResult& r) { return JsonToPython(DetailToJson(r.forecast.detail)); },
          "The model's own run-level output (the run JSON's model-specific keys), or None.")
      .def(
          "to_dict",
          [](const PyResult& r) { return JsonToPython(ForecastToJson(*r.scenario, r.forecast)); },
          "The run JSON, key for key equal to `statecraft run --format json`.")
      .def(
          "to_json",
          [](const PyResult& r) { return ForecastToJson(*r.scenario, r.forecast).dump(2) + "\n"; },
          "The run JSON text, byte for byte what `statecraft run --format json` prints.")
      .def("__repr__", [](const PyResult& r) {
        std::string text = "<statecraft.Result " + r.forecast.model + ":";
        const auto& outcome =
            r.forecast.ruled_outcome.empty() ? r.forecast.outcome : r.forecast.ruled_outcome;
        for (int issue = 0; issue < r.scenario->IssueCount(); ++issue) {
          const std::string value = py::repr(py::float_(outcome[issue])).cast<std::string>();
          text += " " + r.scenario->issues[issue].name + "=" + value;
        }
        return text + ">";
      });

  module.def(
      "models",
      [] {
        py::list out;
        for (const ModelInfo& info : BuiltinModels().models()) out.append(ModelToDict(info));
        return out;
      },
      "Every registered model: {name, summary, uses_seed, params: [{name, type, default, "
      "choices|min/max, description}]}, as `statecraft models --format json` lists them.");
  module.def(
      "model_info", [](const std::string& name) { return ModelToDict(BuiltinModels().Get(name)); },
      py::arg("name"), "One model's description (ValueError naming the known models if unknown).");
  module.def(
      "run",
      [](const py::handle& scenario, const std::string& model, std::uint64_t seed,
         const py::kwargs& params) {
        return RunOne(ToScenario(scenario), model, seed, ParamsFromKwargs(params));
      },
      py::arg("scenario") = py::none(), py::arg("model") = "compromise", py::kw_only(),
      py::arg("seed") = 0,
      "Runs one model: run(scenario, model='eum', seed=0, rounds=10, ...). scenario is a "
      "Scenario, a path, a dict or None (built in); parameters are keyword arguments, checked "
      "against the model's declared parameters. Releases the GIL while the model runs.");
  module.def(
      "_run_all",
      [](const py::handle& scenario, std::uint64_t seed) {
        const PyScenario value = ToScenario(scenario);
        std::vector<PyResult> results;
        py::gil_scoped_release release;
        for (const ModelInfo& info : BuiltinModels().models()) {
          results.push_back(PyResult{value.scenario, RunModel(info, *value.scenario, {}, seed)});
        }
        return results;
      },
      py::arg("scenario"), py::arg("seed") = 0,
      "Every registered model at its defaults, in registry order (what compare runs).");
}

}  // namespace statecraft::python

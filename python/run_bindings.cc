// Models and runs in Python: the registry's models with their parameters, run() and compare(),
// and Result — a forecast with its outcome as a dict, its trajectory as numpy arrays, and
// to_dict() equal to the CLI's `run --format json`.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <limits>

#include "python/bindings.h"
#include "statecraft/app/json_requests.h"
#include "statecraft/core/version.h"
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
  return JsonToPython(app::ModelInfoToJson(info)).cast<py::dict>();
}

}  // namespace

Json PythonToJson(const py::handle& value) {
  if (value.is_none()) return nullptr;
  if (py::isinstance<py::bool_>(value)) return value.cast<bool>();
  if (py::isinstance<py::int_>(value)) {
    if (value.cast<py::int_>() < py::int_(0)) return value.cast<std::int64_t>();
    return value.cast<std::uint64_t>();
  }
  if (py::isinstance<py::float_>(value)) return value.cast<double>();
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (py::isinstance<py::dict>(value)) {
    Json object = Json::object();
    for (const auto& [key, item] : value.cast<py::dict>()) {
      if (!py::isinstance<py::str>(key)) throw py::type_error("dict keys must be strings");
      object[key.cast<std::string>()] = PythonToJson(item);
    }
    return object;
  }
  if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    Json list = Json::array();
    for (const py::handle& item : value) list.push_back(PythonToJson(item));
    return list;
  }
  // numpy scalars (numpy.float64, numpy.int64, numpy.bool_) become their Python values.
  if (py::hasattr(value, "item") && py::hasattr(value, "dtype")) {
    return PythonToJson(value.attr("item")());
  }
  throw py::type_error("expected None, a number, a string, a bool, a list or a dict, got " +
                       py::str(py::type::of(value).attr("__name__")).cast<std::string>());
}

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

ParamAssignments ParamsFromKwargs(const py::dict& params) {
  ParamAssignments out;
  for (const auto& [name, value] : params) {
    const std::string key = name.cast<std::string>();
    out.emplace_back(key, app::ParamValueText(key, PythonToJson(value)));
  }
  return out;
}

app::Context CommandContext() {
  app::Context context;
  context.program_version = std::string("statecraft ") + kProgramVersion;
  return context;
}

Json FieldsOf(const py::dict& fields) {
  Json out = Json::object();
  for (const auto& [key, value] : fields) {
    if (!value.is_none()) out[key.cast<std::string>()] = PythonToJson(value);
  }
  return out;
}

void BindRun(py::module_& module) {
  py::class_<PyResult>(module, "Result",
                       "One model run: outcome per issue, positions round by round, and the "
                       "model's own detail. to_dict() equals `statecraft run --format json`.")
      .def_property_readonly(
          "model", [](const PyResult& r) { return r.forecast.model; }, "The model's name.")
      .def_property_readonly(
          "seed", [](const PyResult& r) { return r.forecast.seed; },
          "The random seed the run used.")
      .def_property_readonly(
          "params",
          [](const PyResult& r) {
            return JsonToPython(DetailToJson(r.forecast.params.ToDetail()));
          },
          "The resolved parameters, defaults included.")
      .def_property_readonly(
          "scenario",
          [](const PyResult& r) {
            return PyScenario{r.scenario, "", nullptr, {}};
          },
          "The scenario the model ran on (after the plan's levers, when one was applied).")
      .def_property_readonly(
          "actors",
          [](const PyResult& r) {
            std::vector<std::string> names;
            for (const Actor& actor : r.scenario->actors) names.push_back(actor.name);
            return names;
          },
          "The actors' names, in the order of the positions' second axis.")
      .def_property_readonly(
          "issues",
          [](const PyResult& r) {
            std::vector<std::string> names;
            for (const Issue& issue : r.scenario->issues) names.push_back(issue.name);
            return names;
          },
          "The issues' names, in the order of the arrays' last axis.")
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
          [](const PyResult& r) {
            return JsonToPython(ForecastToJson(*r.scenario, r.forecast)).cast<py::dict>();
          },
          "The run JSON, key for key equal to `statecraft run --format json`.")
      .def(
          "to_json",
          [](const PyResult& r) { return ForecastToJson(*r.scenario, r.forecast).dump(2) + "\n"; },
          "The run JSON text, byte for byte what `statecraft run --format json` prints.");

  module.def(
      "models",
      [] {
        py::list out;
        for (const ModelInfo* info : Unwrap(app::Models({})).models) {
          out.append(ModelToDict(*info));
        }
        return out;
      },
      "Every registered model: {name, summary, uses_seed, params: [{name, type, default, "
      "choices|min/max, description}]}, as `statecraft models --format json` lists them (a "
      "parameter without a lower or upper bound has no min or max).");
  module.def(
      "model_info", [](const std::string& name) { return ModelToDict(BuiltinModels().Get(name)); },
      py::arg("name"), "One model's description (ValueError naming the known models if unknown).");
  module.def(
      "_run",
      [](const py::handle& scenario, const py::dict& fields) {
        app::RunRequest request = app::DecodeRunRequest(FieldsOf(fields));
        request.scenario = SourceOf(scenario);
        app::RunOutput output =
            Unwrap(Released([&] { return app::Run(request, CommandContext()); }));
        return PyResult{std::make_shared<const Scenario>(std::move(output.scenario)),
                        std::move(output.forecast)};
      },
      py::arg("scenario"), py::arg("fields"),
      "Runs one model: the fields of `statecraft run` (model, params, seed, plan).");
  module.def(
      "_compare",
      [](const py::handle& scenario, const py::dict& fields) {
        app::CompareRequest request = app::DecodeCompareRequest(FieldsOf(fields));
        request.scenario = SourceOf(scenario);
        app::CompareOutput output =
            Unwrap(Released([&] { return app::Compare(request, CommandContext()); }));
        const auto shared = std::make_shared<const Scenario>(std::move(output.scenario));
        std::vector<PyResult> results;
        for (Forecast& forecast : output.forecasts)
          results.push_back({shared, std::move(forecast)});
        return results;
      },
      py::arg("scenario"), py::arg("fields"),
      "Every model (or the `models` field's) side by side, as `statecraft compare`.");
}

}  // namespace statecraft::python

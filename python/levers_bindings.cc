// The lever analyses in Python: whatif, sweep and optimize on a scenario's declared levers,
// plans and counter-levers. Each result's to_dict() equals the CLI's `--format json` of the same
// command; the sweep's draws are also numpy arrays.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <sstream>

#include "python/bindings.h"
#include "statecraft/analysis/optimize.h"
#include "statecraft/analysis/sweep.h"
#include "statecraft/analysis/sweep_error.h"
#include "statecraft/analysis/uncertainty.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/core/error.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/calibration_format.h"
#include "statecraft/io/levers_format.h"

namespace statecraft::python {
namespace {

// The CLI's UncertaintyOptions::ToSweepOptions, with the Python argument names in the message.
// model_error: include each model's own error (docs/calibration.md) from `calibration` (a file
// path; None: the shipped one), kept alive by `kept`.
SweepOptions MakeSweepOptions(int draws, std::uint64_t seed, int threads,
                              const std::string& distribution, bool model_error,
                              const py::object& calibration,
                              std::shared_ptr<const Calibration>& kept) {
  SweepOptions options;
  options.draws = draws;
  options.seed = seed;
  options.threads = ResolveThreads(threads);
  options.distribution = ParseDistribution(distribution);
  if (draws < 1) throw InputError("draws=" + std::to_string(draws) + ": expected at least 1");
  if (model_error) {
    kept = calibration.is_none()
               ? std::shared_ptr<const Calibration>(&BuiltinCalibration(), [](auto*) {})
               : std::make_shared<const Calibration>(
                     ReadCalibration(calibration.cast<std::string>()));
    options.calibration = kept.get();
  }
  return options;
}

ModelChoice ChooseModel(const std::string& name, const ParamAssignments& params) {
  const ModelInfo& info = BuiltinModels().Get(name);
  return {&info, ResolveParams("model '" + info.name + "'", info.params, params)};
}

// "NAME" or "NAME:k=v,k=v", as the CLI's --model.
ModelChoice ModelFromSpec(const std::string& spec) {
  const auto colon = spec.find(':');
  ParamAssignments params;
  if (colon != std::string::npos) {
    std::stringstream rest(spec.substr(colon + 1));
    std::string assignment;
    while (std::getline(rest, assignment, ',')) {
      if (!assignment.empty()) params.push_back(SplitParamAssignment(assignment));
    }
  }
  return ChooseModel(spec.substr(0, colon), params);
}

// None → `fallback` (every model when empty); a spec string; or a list of spec strings and
// (name, {param: value}) pairs.
std::vector<ModelChoice> ModelsFromPython(const py::object& models,
                                          const std::vector<std::string>& fallback) {
  std::vector<ModelChoice> out;
  if (models.is_none()) {
    if (fallback.empty()) return AllModels();
    for (const std::string& spec : fallback) out.push_back(ModelFromSpec(spec));
    return out;
  }
  if (py::isinstance<py::str>(models)) return {ModelFromSpec(models.cast<std::string>())};
  for (const py::handle& item : models) {
    if (py::isinstance<py::str>(item)) {
      out.push_back(ModelFromSpec(item.cast<std::string>()));
      continue;
    }
    const py::tuple pair = py::reinterpret_borrow<py::object>(item).cast<py::tuple>();
    if (pair.size() != 2) {
      throw py::type_error("a model is 'NAME', 'NAME:k=v,...' or (name, {param: value})");
    }
    out.push_back(
        ChooseModel(pair[0].cast<std::string>(), ParamsFromKwargs(pair[1].cast<py::dict>())));
  }
  return out;
}

std::optional<Target> OptionalTarget(const Scenario& scenario, const py::object& target) {
  if (target.is_none()) return std::nullopt;
  return ParseTarget(scenario, target.cast<std::string>());
}

Json LeverToJson(const Lever& lever) {
  Json item;
  item["name"] = lever.name;
  item["description"] = lever.description;
  item["basis"] = lever.basis;
  item["unit"] = lever.unit;
  item["magnitude"] = {lever.magnitude.Low(), lever.magnitude.central, lever.magnitude.High()};
  item["steps"] = lever.Steps();
  item["fixed_cost"] = lever.fixed_cost;
  item["cost_per_unit"] = lever.cost_per_unit;
  if (!lever.excluded.empty()) item["excluded"] = lever.excluded;
  Json effects = Json::array();
  for (const Effect& effect : lever.effects) effects.push_back(EffectTypeName(effect.type));
  item["effects"] = effects;
  return item;
}

Json LeverSetToJson(const LeverSet& levers) {
  Json out;
  out["levers"] = Json::array();
  for (const Lever& lever : levers.levers) out["levers"].push_back(LeverToJson(lever));
  out["plans"] = Json::array();
  for (const Plan& plan : levers.plans) {
    Json item;
    item["name"] = plan.name;
    item["description"] = plan.description;
    Json entries = Json::array();
    for (const PlanItem& entry : plan.items) {
      Json lever;
      lever["lever"] = entry.lever;
      lever["magnitude"] = entry.magnitude ? Json(*entry.magnitude) : Json(nullptr);
      entries.push_back(lever);
    }
    item["levers"] = entries;
    out["plans"].push_back(item);
  }
  Json counter;
  counter["owner"] = levers.counter.owner;
  counter["budget"] = levers.counter.budget;
  counter["description"] = levers.counter.description;
  counter["levers"] = Json::array();
  for (const Lever& lever : levers.counter.levers) counter["levers"].push_back(LeverToJson(lever));
  out["counter_levers"] = counter;
  return out;
}

struct PySweep {
  std::shared_ptr<const Scenario> scenario;
  SweepResult result;
  Json json;  // what `statecraft sweep --format json` prints
};

py::array_t<double> DrawArray(const std::vector<double>& values, int draws, int columns) {
  py::array_t<double> array({static_cast<py::ssize_t>(draws), static_cast<py::ssize_t>(columns)});
  auto view = array.mutable_unchecked<2>();
  for (int draw = 0; draw < draws; ++draw) {
    for (int column = 0; column < columns; ++column) {
      view(draw, column) = values[static_cast<std::size_t>(draw) * columns + column];
    }
  }
  return array;
}

int IssueOrThrow(const Scenario& scenario, const py::object& issue, int fallback) {
  if (issue.is_none()) return fallback;
  const std::string name = issue.cast<std::string>();
  const int index = scenario.IssueIndex(name);
  if (index < 0) throw InputError("issue: unknown issue '" + name + "'");
  return index;
}

}  // namespace

void BindLevers(py::module_& module) {
  module.def(
      "_levers",
      [](const py::handle& scenario) {
        return JsonToPython(LeverSetToJson(ScenarioAndLevers(ToScenario(scenario)).levers));
      },
      py::arg("scenario"));

  py::class_<PySweep>(module, "SweepResult",
                      "A Monte Carlo of one model and plan; to_dict() equals `statecraft sweep "
                      "--format json`.")
      .def_property_readonly("draws", [](const PySweep& s) { return s.result.draws; })
      .def_property_readonly("issues", [](const PySweep& s) { return s.result.issue_names; })
      .def_property_readonly("input_labels", [](const PySweep& s) { return s.result.input_labels; })
      .def_property_readonly(
          "outcomes",
          [](const PySweep& s) {
            return DrawArray(s.result.outcomes, s.result.draws, s.result.issue_count);
          },
          "Outcome after decision rules, a draws × issues array.")
      .def_property_readonly(
          "unconstrained",
          [](const PySweep& s) {
            return DrawArray(s.result.unconstrained, s.result.draws, s.result.issue_count);
          },
          "The model's own outcome, a draws × issues array.")
      .def_property_readonly(
          "inputs",
          [](const PySweep& s) {
            return DrawArray(s.result.inputs, s.result.draws,
                             static_cast<int>(s.result.input_labels.size()));
          },
          "The sampled inputs, a draws × input_labels array.")
      .def(
          "drivers",
          [](const PySweep& s, const py::object& issue, int count) {
            return JsonToPython(
                DriversToJson(Drivers(s.result, IssueOrThrow(*s.scenario, issue, 0), count)));
          },
          py::arg("issue") = py::none(), py::arg("count") = 10,
          "The inputs that drive an issue's outcome (Spearman's rho, strongest first).")
      .def("to_dict", [](const PySweep& s) { return JsonToPython(s.json); });

  module.def(
      "_whatif",
      [](const py::handle& scenario, const py::object& plans, const py::object& models,
         const py::object& target, int draws, std::uint64_t seed, int threads,
         const std::string& distribution, bool model_error, const py::object& calibration) {
        const ScenarioWithLevers input = ScenarioAndLevers(ToScenario(scenario));
        std::shared_ptr<const Calibration> kept;
        const SweepOptions sweep =
            MakeSweepOptions(draws, seed, threads, distribution, model_error, calibration, kept);
        const std::optional<Target> chosen_target = OptionalTarget(input.scenario, target);
        std::vector<Plan> chosen_plans;
        if (plans.is_none()) {
          chosen_plans = input.levers.plans;
        } else if (py::isinstance<py::str>(plans)) {
          chosen_plans.push_back(
              ParsePlanSpec(input.scenario, input.levers, plans.cast<std::string>()));
        } else {
          for (const py::handle& spec : plans) {
            chosen_plans.push_back(
                ParsePlanSpec(input.scenario, input.levers, spec.cast<std::string>()));
          }
        }
        const std::vector<ModelChoice> chosen_models = ModelsFromPython(models, {});
        Json json;
        {
          py::gil_scoped_release release;
          const WhatifResult result = RunWhatif(input.scenario, input.levers, chosen_plans,
                                                chosen_models, sweep, chosen_target);
          json = WhatifToJson(input.scenario, result, sweep);
        }
        return JsonToPython(json);
      },
      py::arg("scenario"), py::arg("plans"), py::arg("models"), py::arg("target"), py::arg("draws"),
      py::arg("seed"), py::arg("threads"), py::arg("distribution"), py::arg("model_error"),
      py::arg("calibration"));

  module.def(
      "_sweep",
      [](const py::handle& scenario, const std::string& model, const py::object& plan,
         const py::object& target, int drivers, int draws, std::uint64_t seed, int threads,
         const std::string& distribution, bool model_error, const py::object& calibration) {
        const PyScenario wrapped = ToScenario(scenario);
        const ScenarioWithLevers input = ScenarioAndLevers(wrapped);
        std::shared_ptr<const Calibration> kept;
        const SweepOptions sweep =
            MakeSweepOptions(draws, seed, threads, distribution, model_error, calibration, kept);
        const std::optional<Target> chosen_target = OptionalTarget(input.scenario, target);
        Plan chosen_plan{"baseline", "no lever", {}};
        if (!plan.is_none()) {
          chosen_plan = ParsePlanSpec(input.scenario, input.levers, plan.cast<std::string>());
        }
        if (drivers < 1)
          throw InputError("drivers=" + std::to_string(drivers) + ": expected at least 1");
        const ModelChoice chosen_model = ModelFromSpec(model);
        PySweep out;
        out.scenario = std::make_shared<const Scenario>(input.scenario);
        {
          py::gil_scoped_release release;
          out.result = RunSweep(input.scenario, MakeSweepPlan(input.levers, chosen_plan),
                                *chosen_model.info, chosen_model.params, sweep);
          // The CLI's sweep JSON: a head naming scenario, model and plan, then SweepToJson.
          Json head;
          head["scenario"] = input.scenario.name;
          head["model"] = chosen_model.info->name;
          head["plan"] = chosen_plan.name;
          head["levers"] = AppliedLeversToJson(ResolvePlan(input.levers, chosen_plan));
          const SweepPlan sweep_plan = MakeSweepPlan(input.levers, chosen_plan);
          std::string error_entry;
          const std::vector<IssueError> errors =
              BindIssueErrors(sweep.calibration, ModelLabel(chosen_model),
                              ScenarioForError(input.scenario, sweep_plan), &error_entry);
          head.update(SweepToJson(input.scenario, out.result, sweep, chosen_target, drivers,
                                  errors, error_entry));
          out.json = std::move(head);
        }
        return out;
      },
      py::arg("scenario"), py::arg("model"), py::arg("plan"), py::arg("target"), py::arg("drivers"),
      py::arg("draws"), py::arg("seed"), py::arg("threads"), py::arg("distribution"),
      py::arg("model_error"), py::arg("calibration"));

  module.def(
      "_optimize",
      [](const py::handle& scenario, const std::string& target, double probability,
         const py::object& budget, const py::object& models, int runners_up, int draws,
         std::uint64_t seed, int threads, const std::string& distribution, bool model_error,
         const py::object& calibration) {
        const PyScenario wrapped = ToScenario(scenario);
        const ScenarioWithLevers input = ScenarioAndLevers(wrapped);
        OptimizeOptions optimize;
        std::shared_ptr<const Calibration> kept;
        optimize.sweep =
            MakeSweepOptions(draws, seed, threads, distribution, model_error, calibration, kept);
        optimize.target = ParseTarget(input.scenario, target);
        CheckProbability(probability);
        optimize.probability = probability;
        if (!budget.is_none()) optimize.budget = budget.cast<double>();
        if (runners_up < 0) throw InputError("runners_up: expected 0 or more");
        optimize.runners_up = runners_up;
        if (input.levers.levers.empty()) {
          throw InputError(wrapped.origin +
                           " declares no levers; optimize builds plans from a 'levers' section");
        }
        const std::vector<ModelChoice> chosen_models = ModelsFromPython(models, {"compromise"});
        Json json;
        {
          py::gil_scoped_release release;
          const OptimizeResult result =
              Optimize(input.scenario, input.levers, chosen_models, optimize);
          json = OptimizeToJson(result, optimize, chosen_models);
        }
        return JsonToPython(json);
      },
      py::arg("scenario"), py::arg("target"), py::arg("probability"), py::arg("budget"),
      py::arg("models"), py::arg("runners_up"), py::arg("draws"), py::arg("seed"),
      py::arg("threads"), py::arg("distribution"), py::arg("model_error"),
      py::arg("calibration"));
}

}  // namespace statecraft::python

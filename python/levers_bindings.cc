// The lever analyses in Python: whatif, sweep, optimize and answer on a scenario's declared
// levers, plans, counter-levers and question, through the request layer. Each result's to_dict()
// equals the CLI's `--format json` of the same command; the sweep's draws are also numpy arrays.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <optional>
#include <sstream>

#include "python/bindings.h"
#include "statecraft/app/json_requests.h"
#include "statecraft/app/lever_json.h"
#include "statecraft/app/report_command.h"
#include "statecraft/core/error.h"
#include "statecraft/io/calibration_format.h"

namespace statecraft::python {
namespace {

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

int IssueOrThrow(const Scenario& scenario, const std::optional<std::string>& issue, int fallback) {
  if (!issue) return fallback;
  const int index = scenario.IssueIndex(*issue);
  if (index < 0)
    app::FailField("issue", "found '" + *issue + "', expected an issue of the scenario");
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
      .def_property_readonly(
          "draws", [](const PySweep& s) { return s.result.draws; }, "The number of draws.")
      .def_property_readonly(
          "issues", [](const PySweep& s) { return s.result.issue_names; },
          "The issues' names, the outcome arrays' columns.")
      .def_property_readonly(
          "input_labels", [](const PySweep& s) { return s.result.input_labels; },
          "The sampled inputs' names (\"PRK munitions position\"), the inputs array's columns.")
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
          [](const PySweep& s, const std::optional<std::string>& issue, int count) {
            return JsonToPython(app::DriversToJson(
                                    Drivers(s.result, IssueOrThrow(*s.scenario, issue, 0), count)))
                .cast<py::list>();
          },
          py::arg("issue") = py::none(), py::arg("count") = 10,
          "The inputs that drive an issue's outcome (Spearman's rho, strongest first).")
      .def(
          "to_dict", [](const PySweep& s) { return JsonToPython(s.json).cast<py::dict>(); },
          "The sweep's JSON, key for key equal to `statecraft sweep --format json`.");

  module.def(
      "_whatif",
      [](const py::handle& scenario, const py::dict& fields) {
        app::WhatifRequest request = app::DecodeWhatifRequest(FieldsOf(fields));
        request.scenario = SourceOf(scenario);
        return JsonToPython(Unwrap(Released([&] {
          return JsonOf(app::Whatif(request, CommandContext()), app::WhatifOutputToJson);
        })));
      },
      py::arg("scenario"), py::arg("fields"));

  module.def(
      "_sweep",
      [](const py::handle& scenario, const py::dict& fields) {
        app::SweepRequest request = app::DecodeSweepRequest(FieldsOf(fields));
        request.scenario = SourceOf(scenario);
        // The summary (quantiles, drivers) is computed without the GIL too.
        return Unwrap(Released([&]() -> app::Outcome<PySweep> {
          app::Outcome<app::SweepOutput> outcome = app::Sweep(request, CommandContext());
          if (!outcome.ok()) return outcome.error();
          app::SweepOutput output = std::move(outcome).value();
          PySweep out;
          out.json = app::SweepOutputToJson(output);
          out.scenario = std::make_shared<const Scenario>(output.input->scenario);
          out.result = std::move(output.results.front());
          return out;
        }));
      },
      py::arg("scenario"), py::arg("fields"));

  module.def(
      "_optimize",
      [](const py::handle& scenario, const py::dict& fields) {
        app::OptimizeRequest request = app::DecodeOptimizeRequest(FieldsOf(fields));
        request.scenario = SourceOf(scenario);
        return JsonToPython(Unwrap(Released([&] {
          return JsonOf(app::Optimize(request, CommandContext()), app::OptimizeOutputToJson);
        })));
      },
      py::arg("scenario"), py::arg("fields"));

  module.def(
      "_report_data",
      [](const py::handle& scenario, const py::dict& fields) {
        app::ReportDataRequest request = app::DecodeReportDataRequest(FieldsOf(fields));
        request.scenario = SourceOf(scenario);
        app::StoreAccess unused;  // a scenario's report reads no saved run
        return JsonToPython(
            Unwrap(Released([&] { return app::ReportData(request, unused, CommandContext()); })));
      },
      py::arg("scenario"), py::arg("fields"));

  module.def(
      "_answer",
      [](const py::handle& scenario, const py::dict& fields) {
        app::AnswerRequest request = app::DecodeAnswerRequest(FieldsOf(fields));
        request.scenario = SourceOf(scenario);
        return JsonToPython(Unwrap(Released([&] {
          return JsonOf(app::ComputeAnswer(request, CommandContext()), app::AnswerOutputToJson);
        })));
      },
      py::arg("scenario"), py::arg("fields"));

  // A calibration file read as the CLI's --calibration reads it (the same checks and messages,
  // naming the file), as the document the requests' "calibration" field takes.
  module.def(
      "_read_calibration",
      [](const std::string& path) {
        return JsonToPython(CalibrationToJson(ReadCalibration(path)));
      },
      py::arg("path"));
}

}  // namespace statecraft::python

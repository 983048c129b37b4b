// Scenarios in Python: loading (files, text, dicts, the built-in one), saving, validating, and
// read-only views of the numbers as dicts and numpy arrays.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <optional>

#include "python/bindings.h"
#include "statecraft/app/gallery_commands.h"
#include "statecraft/app/scenario_commands.h"
#include "statecraft/core/error.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/levers_writer.h"
#include "statecraft/io/native_format.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/io/text_file.h"

namespace statecraft::python {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ReadOptions MakeReadOptions(const std::string& format, const std::string& capability) {
  ReadOptions options;
  options.format = format;
  options.import.capability = capability;
  return options;
}

PyScenario Wrap(Scenario scenario, std::string origin) {
  return PyScenario{
      std::make_shared<const Scenario>(std::move(scenario)), std::move(origin), nullptr, {}};
}

std::string PathText(const py::handle& path) {
  return py::str(py::module_::import("os").attr("fspath")(path)).cast<std::string>();
}

bool IsPath(const py::handle& value) {
  return py::isinstance<py::str>(value) ||
         py::isinstance(value, py::module_::import("os").attr("PathLike"));
}

std::vector<Scenario> ReadFileReleased(const std::string& path, const ReadOptions& options) {
  py::gil_scoped_release release;
  return ReadScenarios(path, options);
}

// The text's only scenario, keeping the text for the lever analyses. The message for a dataset
// is the CLI's (cli/common.cc, LoadScenario) with the Python way to read all its scenarios.
PyScenario OneFromText(std::shared_ptr<const std::string> text, const std::string& name,
                       const ReadOptions& options, const std::string& remedy) {
  std::vector<Scenario> scenarios;
  {
    py::gil_scoped_release release;
    scenarios = ParseScenarios(*text, name, options);
  }
  if (scenarios.size() != 1) {
    throw InputError(name + ": holds " + std::to_string(scenarios.size()) +
                     " scenarios, expected one (use " + remedy + " for a dataset)");
  }
  PyScenario out = Wrap(std::move(scenarios.front()), name);
  out.text = std::move(text);
  out.read = options;
  return out;
}

PyScenario LoadOne(const std::string& path, const std::string& format,
                   const std::string& capability) {
  std::shared_ptr<const std::string> text;
  {
    py::gil_scoped_release release;
    text = std::make_shared<const std::string>(ReadTextFile(path));
  }
  return OneFromText(std::move(text), path, MakeReadOptions(format, capability),
                     "statecraft.load_all()");
}

PyScenario FromText(const std::string& text, const std::string& name, const std::string& format,
                    const std::string& capability) {
  return OneFromText(std::make_shared<const std::string>(text), name,
                     MakeReadOptions(format, capability), "statecraft.loads_all()");
}

// A dict in the native schema, read through the JSON reader so that it is checked exactly like a
// file; errors name "<dict>" and the line of the dict's indented JSON text.
PyScenario FromDict(const py::dict& data) {
  const std::string text =
      py::module_::import("json").attr("dumps")(data, py::arg("indent") = 2).cast<std::string>();
  return FromText(text, "<dict>", "json", "equal");
}

int ActorIndexOrThrow(const Scenario& scenario, const std::string& name) {
  const int index = scenario.ActorIndex(name);
  if (index < 0) throw InputError("unknown actor '" + name + "'");
  return index;
}

int IssueIndexOrThrow(const Scenario& scenario, const std::string& name) {
  const int index = scenario.IssueIndex(name);
  if (index < 0) throw InputError("unknown issue '" + name + "'");
  return index;
}

// An actors × issues array of one stake quantity, NaN where the actor has no stake.
template <typename Value>
py::array_t<double> StakeArray(const Scenario& scenario, Value value) {
  const int actors = scenario.ActorCount();
  const int issues = scenario.IssueCount();
  py::array_t<double> array({actors, issues});
  auto view = array.mutable_unchecked<2>();
  for (int actor = 0; actor < actors; ++actor) {
    for (int issue = 0; issue < issues; ++issue) {
      view(actor, issue) = scenario.HasStake(actor, issue) ? value(actor, issue) : kNaN;
    }
  }
  return array;
}

py::object EstimateCentral(const std::optional<Estimate>& estimate) {
  if (!estimate) return py::none();
  return py::float_(estimate->central);
}

py::dict IssueMap(const Scenario& scenario, const std::optional<Estimate> Issue::*member) {
  py::dict out;
  for (const Issue& issue : scenario.issues)
    out[py::str(issue.name)] = EstimateCentral(issue.*member);
  return out;
}

std::vector<std::string> Names(const Scenario& scenario, bool actors) {
  std::vector<std::string> names;
  if (actors) {
    for (const Actor& actor : scenario.actors) names.push_back(actor.name);
  } else {
    for (const Issue& issue : scenario.issues) names.push_back(issue.name);
  }
  return names;
}

}  // namespace

PyScenario BuiltinScenario() {
  return FromText(BuiltinScenarioText(), BuiltinScenarioFileName(), "auto", "equal");
}

ScenarioWithLevers ScenarioAndLevers(const PyScenario& scenario) {
  if (!scenario.text) return {*scenario.scenario, {}};
  py::gil_scoped_release release;
  return ParseScenarioWithLevers(*scenario.text, scenario.origin, scenario.read);
}

app::ScenarioSource SourceOf(const py::handle& value) {
  if (value.is_none()) return app::ScenarioSource::Builtin();
  if (py::isinstance<py::dict>(value)) return app::ScenarioSource::Document(PythonToJson(value));
  if (py::isinstance<PyScenario>(value)) {
    const PyScenario& scenario = value.cast<const PyScenario&>();
    if (scenario.text)
      return app::ScenarioSource::Text(*scenario.text, scenario.origin, scenario.read);
    return app::ScenarioSource::Given({*scenario.scenario, {}});
  }
  if (IsPath(value)) return app::ScenarioSource::File(PathText(value));
  throw py::type_error("expected a statecraft.Scenario, a path, a dict or None, got " +
                       py::str(py::type::of(value).attr("__name__")).cast<std::string>());
}

PyScenario ToScenario(const py::handle& value) {
  if (value.is_none()) return BuiltinScenario();
  if (py::isinstance<PyScenario>(value)) return value.cast<PyScenario>();
  if (py::isinstance<py::dict>(value)) return FromDict(value.cast<py::dict>());
  if (IsPath(value)) return LoadOne(PathText(value), "auto", "equal");
  throw py::type_error("expected a statecraft.Scenario, a path, a dict or None, got " +
                       py::str(py::type::of(value).attr("__name__")).cast<std::string>());
}

void BindScenario(py::module_& module) {
  py::class_<PyScenario>(module, "Scenario",
                         "A validated scenario: actors, issues and every actor's stake in every "
                         "issue. Immutable; build a changed copy with to_dict() / from_dict().")
      .def_static("from_dict", &FromDict, py::arg("data"),
                  "A scenario from a dict in the native schema (docs/scenario-format.md).")
      .def_property_readonly(
          "name", [](const PyScenario& s) { return s.scenario->name; }, "The scenario's name.")
      .def_property_readonly(
          "description", [](const PyScenario& s) { return s.scenario->description; },
          "What the scenario is about.")
      .def_property_readonly(
          "sources", [](const PyScenario& s) { return s.scenario->sources; },
          "Where its numbers come from.")
      .def_property_readonly(
          "origin", [](const PyScenario& s) { return s.origin; },
          "Where the scenario was read from.")
      .def_property_readonly(
          "actors", [](const PyScenario& s) { return Names(*s.scenario, true); },
          "The actors' names, in the file's order.")
      .def_property_readonly(
          "issues", [](const PyScenario& s) { return Names(*s.scenario, false); },
          "The issues' names, in the file's order.")
      .def_property_readonly(
          "positions",
          [](const PyScenario& s) {
            const Scenario& scenario = *s.scenario;
            return StakeArray(scenario, [&](int a, int i) { return scenario.Position(a, i); });
          },
          "Central positions, an actors × issues array, NaN where an actor has no stake.")
      .def_property_readonly(
          "saliences",
          [](const PyScenario& s) {
            const Scenario& scenario = *s.scenario;
            return StakeArray(scenario, [&](int a, int i) { return scenario.Salience(a, i); });
          },
          "Central saliences in [0, 1], an actors × issues array, NaN where there is no stake.")
      .def_property_readonly(
          "capabilities",
          [](const PyScenario& s) {
            const Scenario& scenario = *s.scenario;
            return StakeArray(scenario, [&](int a, int i) { return scenario.Capability(a, i); });
          },
          "Capability per actor and issue (the stake's own, else the actor's), NaN where there "
          "is no stake.")
      .def_property_readonly(
          "scales",
          [](const PyScenario& s) {
            py::dict scales;
            for (const Issue& issue : s.scenario->issues) {
              scales[py::str(issue.name)] = py::make_tuple(issue.scale_low, issue.scale_high);
            }
            return scales;
          },
          "{issue: (low, high)}")
      .def_property_readonly(
          "status_quo",
          [](const PyScenario& s) { return IssueMap(*s.scenario, &Issue::reference_point); },
          "{issue: central reference point or None}")
      .def_property_readonly(
          "known_outcome",
          [](const PyScenario& s) { return IssueMap(*s.scenario, &Issue::known_outcome); },
          "{issue: central known outcome or None}")
      .def_property_readonly(
          "deciders",
          [](const PyScenario& s) {
            py::dict out;
            const Scenario& scenario = *s.scenario;
            for (const Issue& issue : scenario.issues) {
              if (issue.decision_rule.kind != DecisionRule::Kind::kDeciders) {
                out[py::str(issue.name)] = py::none();
                continue;
              }
              py::list names;
              for (int actor : issue.decision_rule.deciders) {
                names.append(scenario.actors[actor].name);
              }
              out[py::str(issue.name)] = names;
            }
            return out;
          },
          "{issue: [decider names], or None for a collective decision}")
      .def(
          "stake",
          [](const PyScenario& s, const std::string& actor_name,
             const std::string& issue_name) -> std::optional<py::dict> {
            const Scenario& scenario = *s.scenario;
            const int actor = ActorIndexOrThrow(scenario, actor_name);
            const int issue = IssueIndexOrThrow(scenario, issue_name);
            if (!scenario.HasStake(actor, issue)) return std::nullopt;
            py::dict stake;
            stake["position"] = scenario.Position(actor, issue);
            stake["salience"] = scenario.Salience(actor, issue);
            stake["capability"] = scenario.Capability(actor, issue);
            stake["source"] = scenario.StakeOf(actor, issue).source;
            return stake;
          },
          py::arg("actor"), py::arg("issue"),
          "The actor's stake on the issue (central values), or None when it has none.")
      .def(
          "to_dict",
          [](const PyScenario& s) {
            return py::module_::import("json")
                .attr("loads")(WriteScenarioWithLeversJson(ScenarioAndLevers(s)))
                .cast<py::dict>();
          },
          "The scenario in the native schema, with its levers, plans and counter-levers (what "
          "`statecraft convert --to json` writes).")
      .def(
          "to_json",
          [](const PyScenario& s) { return WriteScenarioWithLeversJson(ScenarioAndLevers(s)); },
          "The scenario and its levers as JSON text (`statecraft convert --to json`).")
      .def(
          "to_yaml",
          [](const PyScenario& s) { return WriteScenarioWithLeversYaml(ScenarioAndLevers(s)); },
          "The scenario and its levers as YAML text (`statecraft convert --to yaml`).")
      .def("__repr__", [](const PyScenario& s) {
        return "<statecraft.Scenario '" + s.scenario->name +
               "': " + std::to_string(s.scenario->ActorCount()) + " actors, " +
               std::to_string(s.scenario->IssueCount()) + " issues>";
      });

  module.def(
      "load",
      [](const py::object& path, const std::string& format, const std::string& capability) {
        if (path.is_none()) return BuiltinScenario();
        return LoadOne(PathText(path), format, capability);
      },
      py::arg("path") = py::none(), py::arg("format") = "auto", py::arg("capability") = "equal",
      "Reads the file's only scenario (None: the built-in one). format: auto, yaml, json, or an "
      "importer (ktab, bdm, decide, deu); capability: equal|votes for datasets without one.");
  module.def(
      "load_all",
      [](const py::object& path, const std::string& format, const std::string& capability) {
        const std::string file = PathText(path);
        std::vector<PyScenario> out;
        for (Scenario& scenario : ReadFileReleased(file, MakeReadOptions(format, capability))) {
          out.push_back(Wrap(std::move(scenario), file));
        }
        return out;
      },
      py::arg("path"), py::arg("format") = "auto", py::arg("capability") = "equal",
      "Every scenario the file holds (a DEU dataset holds one per proposal).");
  module.def("loads", &FromText, py::arg("text"), py::arg("name") = "<string>",
             py::arg("format") = "auto", py::arg("capability") = "equal",
             "A scenario from text in any supported format; `name` names it in errors and its "
             "extension helps detection.");
  module.def(
      "loads_all",
      [](const std::string& text, const std::string& name, const std::string& format,
         const std::string& capability) {
        std::vector<PyScenario> out;
        for (Scenario& scenario : ParseScenarios(text, name, MakeReadOptions(format, capability))) {
          out.push_back(Wrap(std::move(scenario), name));
        }
        return out;
      },
      py::arg("text"), py::arg("name") = "<string>", py::arg("format") = "auto",
      py::arg("capability") = "equal");
  module.def("builtin", &BuiltinScenario,
             "The built-in scenario (Russia-DPRK, June 2024), as `statecraft run` uses it.");
  module.def(
      "scenario",
      [](const std::string& name) {
        const app::ScenarioSource source = app::ScenarioSource::Named(name);
        return FromText(source.text, source.path, "auto", "equal");
      },
      py::arg("name"),
      "A built-in scenario by name: the flagship (russia-dprk-2024) or a case of the gallery "
      "(statecraft.scenarios() lists them); ValueError for an unknown name.");
  module.def("_scenarios", [] {
    return JsonToPython(app::ScenariosOutputToJson(Unwrap(app::Scenarios({})))["scenarios"]);
  });
  module.def(
      "save",
      [](const py::handle& scenario, const py::object& path, const py::object& format) {
        const PyScenario value = ToScenario(scenario);
        const std::string file = PathText(path);
        std::string chosen = format.is_none() ? std::string() : format.cast<std::string>();
        if (chosen.empty()) {
          chosen = std::filesystem::path(file).extension() == ".json" ? "json" : "yaml";
        }
        if (chosen != "yaml" && chosen != "json") {
          throw InputError("unknown output format '" + chosen + "', expected yaml or json");
        }
        const ScenarioWithLevers input = ScenarioAndLevers(value);
        WriteTextFileAtomically(file, chosen == "json" ? WriteScenarioWithLeversJson(input)
                                                       : WriteScenarioWithLeversYaml(input));
      },
      py::arg("scenario"), py::arg("path"), py::arg("format") = py::none(),
      "Writes the scenario and its levers in the native format (yaml, or json when the path ends "
      "in .json); "
      "the file appears whole or not at all.");
  module.def(
      "validate",
      [](const py::object& source, const std::string& format, const std::string& capability) {
        app::ValidateRequest request{SourceOf(source)};
        if (request.scenario.kind == app::ScenarioSource::Kind::kFile) {
          request.scenario.read = MakeReadOptions(format, capability);
        }
        return JsonToPython(
            app::ValidateOutputToJson(Unwrap(Released([&] { return app::Validate(request); }))));
      },
      py::arg("source"), py::arg("format") = "auto", py::arg("capability") = "equal",
      "Reads and checks a file, a dict or a Scenario (its levers and question too), as "
      "`statecraft validate --format json`: {valid, scenarios, scenario, actors, issues, "
      "question?, levers, plans} (a dataset: {valid, scenarios, actors, issues}); ValueError "
      "with the CLI's located message otherwise.");
  module.def("formats", &KnownFormats, "The input formats load() accepts besides 'auto'.");
}

}  // namespace statecraft::python

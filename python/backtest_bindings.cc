// Backtests in Python: forecasts scored against known outcomes, with to_dict() equal to the CLI's
// `backtest ... --format json` and the scored issues as numpy arrays.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "python/bindings.h"
#include "statecraft/analysis/backtest.h"
#include "statecraft/core/error.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/calibration_format.h"
#include "statecraft/io/json_output.h"

namespace statecraft::python {
namespace {

struct PyBacktest {
  BacktestResult result;
  std::vector<std::shared_ptr<const Scenario>> scenarios;
};

// None → the default list; otherwise each item is a spec string or a (label, model, {params})
// tuple.
std::vector<BacktestModel> ModelsFromPython(const py::object& models) {
  if (models.is_none()) return DefaultBacktestModels();
  if (py::isinstance<py::str>(models)) return {ParseBacktestModel(models.cast<std::string>())};
  std::vector<BacktestModel> out;
  for (const py::handle& item : models) {
    if (py::isinstance<py::str>(item)) {
      out.push_back(ParseBacktestModel(item.cast<std::string>()));
      continue;
    }
    const py::tuple entry = py::reinterpret_borrow<py::object>(item).cast<py::tuple>();
    if (entry.size() != 3) {
      throw py::type_error("a backtest model is 'NAME', 'NAME:k=v,...' or (label, model, params)");
    }
    BacktestModel model{entry[0].cast<std::string>(), entry[1].cast<std::string>(),
                        ParamsFromKwargs(entry[2].cast<py::dict>())};
    BuiltinModels().Get(model.model);
    out.push_back(std::move(model));
  }
  return out;
}

const ModelScore& FindScore(const PyBacktest& backtest, const std::string& label) {
  for (const ModelScore& score : backtest.result.models) {
    if (score.label == label) return score;
  }
  std::string labels;
  for (const ModelScore& score : backtest.result.models) {
    labels += (labels.empty() ? "" : ", ") + score.label;
  }
  throw InputError("no backtest scores for '" + label + "'; scored: " + labels);
}

}  // namespace

void BindBacktest(py::module_& module) {
  py::class_<PyBacktest>(module, "BacktestResult",
                         "Forecasts scored against known outcomes; to_dict() equals the CLI's "
                         "`backtest --format json`.")
      .def_property_readonly("issues_scored",
                             [](const PyBacktest& b) { return b.result.issues_scored; })
      .def_property_readonly("labels",
                             [](const PyBacktest& b) {
                               std::vector<std::string> labels;
                               for (const ModelScore& score : b.result.models) {
                                 labels.push_back(score.label);
                               }
                               return labels;
                             })
      .def(
          "to_dict", [](const PyBacktest& b) { return JsonToPython(BacktestToJson(b.result)); },
          "{issues_scored, models: {label: {mae, mae_ci, within: {threshold: share}}}}")
      .def(
          "issues",
          [](const PyBacktest& b, const std::string& label) {
            const ModelScore& score = FindScore(b, label);
            const auto count = static_cast<py::ssize_t>(score.issues.size());
            py::array_t<double> known(count), predicted(count);
            py::list scenario_names, issue_names;
            auto known_view = known.mutable_unchecked<1>();
            auto predicted_view = predicted.mutable_unchecked<1>();
            for (py::ssize_t k = 0; k < count; ++k) {
              const IssueScore& issue = score.issues[k];
              const Scenario& scenario = *b.scenarios[issue.scenario];
              scenario_names.append(scenario.name);
              issue_names.append(scenario.issues[issue.issue].name);
              known_view(k) = issue.known;
              predicted_view(k) = issue.predicted;
            }
            py::dict out;
            out["scenario"] = scenario_names;
            out["issue"] = issue_names;
            out["known"] = known;
            out["predicted"] = predicted;
            return out;
          },
          py::arg("label"),
          "One model's scored issues: {scenario: [names], issue: [names], known: array, "
          "predicted: array}.");

  module.def(
      "_backtest",
      [](const py::iterable& scenarios, const py::object& models, int min_actors,
         const std::vector<int>& thresholds, bool apply_decision_rules,
         const std::string& model_error, const py::object& calibration,
         const py::object& training) {
        PyBacktest out;
        std::vector<Scenario> values;
        for (const py::handle& item : scenarios) {
          PyScenario scenario = ToScenario(item);
          out.scenarios.push_back(scenario.scenario);
          values.push_back(*scenario.scenario);
        }
        std::vector<Scenario> trained;
        if (!training.is_none()) {
          for (const py::handle& item : training) trained.push_back(*ToScenario(item).scenario);
        }
        const std::vector<BacktestModel> chosen = ModelsFromPython(models);
        BacktestOptions options;
        options.min_actors = min_actors;
        options.thresholds = thresholds;
        options.apply_decision_rules = apply_decision_rules;
        // As the CLI: the shipped calibration (or the given file) judges what is out of sample
        // and, with model_error="calibration", gives the errors.
        const Calibration given = calibration.is_none()
                                      ? BuiltinCalibration()
                                      : ReadCalibration(calibration.cast<std::string>());
        options.calibration = &given;
        if (model_error == "off") {
          options.error_source = ErrorSource::kNone;
        } else if (model_error == "calibration") {
          options.error_source = ErrorSource::kCalibration;
        } else if (model_error == "cross-validated") {
          options.error_source = ErrorSource::kCrossValidated;
        } else {
          throw InputError("model_error=\"" + model_error +
                           "\": expected \"cross-validated\", \"calibration\" or \"off\"");
        }
        if (!training.is_none()) options.training = &trained;
        py::gil_scoped_release release;
        out.result = Backtest(values, chosen, options);
        return out;
      },
      py::arg("scenarios"), py::arg("models") = py::none(), py::arg("min_actors") = 3,
      py::arg("thresholds") = std::vector<int>{5, 10, 20}, py::arg("apply_decision_rules") = true,
      py::arg("model_error") = "cross-validated", py::arg("calibration") = py::none(),
      py::arg("training") = py::none());
}

}  // namespace statecraft::python

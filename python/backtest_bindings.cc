// Backtests in Python: forecasts scored against known outcomes, with to_dict() equal to the CLI's
// `backtest ... --format json` and the scored issues as numpy arrays.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "python/bindings.h"
#include "statecraft/app/backtest_command.h"
#include "statecraft/app/gallery_commands.h"
#include "statecraft/core/error.h"
#include "statecraft/io/calibration_format.h"

namespace statecraft::python {
namespace {

struct PyBacktest {
  BacktestResult result;
  std::vector<Scenario> scenarios;
};

// None → the default list (empty: the request layer's default); otherwise each item is a spec
// string or a (label, model, {params}) tuple.
std::vector<BacktestModel> ModelsFromPython(const py::object& models) {
  if (models.is_none()) return {};
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
    out.push_back(BacktestModel{entry[0].cast<std::string>(), entry[1].cast<std::string>(),
                                ParamsFromKwargs(entry[2].cast<py::dict>())});
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
      .def_property_readonly(
          "issues_scored", [](const PyBacktest& b) { return b.result.issues_scored; },
          "How many issues had a known outcome and enough actors to be scored.")
      .def_property_readonly(
          "labels",
          [](const PyBacktest& b) {
            std::vector<std::string> labels;
            for (const ModelScore& score : b.result.models) labels.push_back(score.label);
            return labels;
          },
          "The scored models' labels (\"exchange:rounds=10\": exchange after ten rounds).")
      .def(
          "to_dict",
          [](const PyBacktest& b) {
            return JsonToPython(app::BacktestToJson(b.result)).cast<py::dict>();
          },
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
              const Scenario& scenario = b.scenarios[issue.scenario];
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
      [](const py::iterable& scenarios, const py::object& models, std::int64_t min_actors,
         const std::vector<int>& thresholds, bool apply_decision_rules, bool model_error,
         const py::object& calibration, const py::object& training) {
        app::BacktestRequest request;
        for (const py::handle& item : scenarios) request.scenarios.push_back(SourceOf(item));
        request.models = ModelsFromPython(models);
        request.min_actors = min_actors;
        request.thresholds = thresholds;
        request.apply_decision_rules = apply_decision_rules;
        request.model_error = model_error;
        if (!calibration.is_none()) {
          request.calibration = std::make_shared<const Calibration>(
              ParseCalibration(PythonToJson(calibration).dump(), "calibration"));
        }
        if (!training.is_none()) {
          for (const py::handle& item : training) request.training.push_back(SourceOf(item));
        }
        app::BacktestOutput output = Unwrap(Released([&] { return app::Backtest(request); }));
        return PyBacktest{std::move(output.scores), std::move(output.scenarios)};
      },
      py::arg("scenarios"), py::arg("models") = py::none(), py::arg("min_actors") = 3,
      py::arg("thresholds") = std::vector<int>{5, 10, 20}, py::arg("apply_decision_rules") = true,
      py::arg("model_error") = true, py::arg("calibration") = py::none(),
      py::arg("training") = py::none());
  module.def(
      "_backtest_gallery",
      [](const py::object& models, bool model_error, const py::object& calibration) {
        app::GalleryBacktestRequest request;
        request.models = ModelsFromPython(models);
        request.model_error = model_error;
        if (!calibration.is_none()) {
          request.calibration = std::make_shared<const Calibration>(
              ParseCalibration(PythonToJson(calibration).dump(), "calibration"));
        }
        return JsonToPython(app::GalleryBacktestOutputToJson(
            Unwrap(Released([&] { return app::BacktestGallery(request); }))));
      },
      py::arg("models") = py::none(), py::arg("model_error") = true,
      py::arg("calibration") = py::none());
}

}  // namespace statecraft::python

// Backtests in Python: forecasts scored against known outcomes, with to_dict() equal to the CLI's
// `backtest ... --format json` and the scored issues as numpy arrays.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <sstream>

#include "python/bindings.h"
#include "statecraft/analysis/backtest.h"
#include "statecraft/core/error.h"
#include "statecraft/core/registry.h"

namespace statecraft::python {
namespace {

struct PyBacktest {
  BacktestResult result;
  std::vector<std::shared_ptr<const Scenario>> scenarios;
};

// "NAME" or "NAME:k=v,k=v" (the CLI's --model syntax) → a model to score, labelled by the spec.
BacktestModel ModelFromSpec(const std::string& spec) {
  const auto colon = spec.find(':');
  BacktestModel model{spec, spec.substr(0, colon), {}};
  if (colon != std::string::npos) {
    std::stringstream rest(spec.substr(colon + 1));
    std::string assignment;
    while (std::getline(rest, assignment, ',')) {
      if (!assignment.empty()) model.params.push_back(SplitParamAssignment(assignment));
    }
  }
  BuiltinModels().Get(model.model);  // an unknown name fails here, before any work
  return model;
}

// The CLI's default list (cli/backtest_command.cc, kept in step with it): every registered model
// with its defaults; the exchange model (one round by default, the published prediction; Arregui,
// Stokman & Thomson 2006) also after ten rounds, as Decide runs.
std::vector<BacktestModel> DefaultModels() {
  std::vector<BacktestModel> models;
  for (const ModelInfo& info : BuiltinModels().models()) {
    models.push_back({info.name, info.name, {}});
    if (info.name == "exchange") {
      models.push_back({"exchange:rounds=10", "exchange", {{"rounds", "10"}}});
    }
  }
  return models;
}

// None → the default list; otherwise each item is a spec string or a (label, model, {params})
// tuple.
std::vector<BacktestModel> ModelsFromPython(const py::object& models) {
  if (models.is_none()) return DefaultModels();
  if (py::isinstance<py::str>(models)) return {ModelFromSpec(models.cast<std::string>())};
  std::vector<BacktestModel> out;
  for (const py::handle& item : models) {
    if (py::isinstance<py::str>(item)) {
      out.push_back(ModelFromSpec(item.cast<std::string>()));
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

// The CLI's ScoresToJson (cli/backtest_command.cc), key for key.
Json ScoresToJson(const BacktestResult& result) {
  Json out;
  out["issues_scored"] = result.issues_scored;
  Json models = Json::object();
  for (const ModelScore& score : result.models) {
    Json item;
    item["mae"] = score.mean_absolute_error;
    item["mae_ci"] = {score.interval_low, score.interval_high};
    Json within = Json::object();
    for (const auto& [threshold, share] : score.share_within) {
      within[std::to_string(threshold)] = share;
    }
    item["within"] = within;
    models[score.label] = item;
  }
  out["models"] = models;
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
          "to_dict", [](const PyBacktest& b) { return JsonToPython(ScoresToJson(b.result)); },
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
         const std::vector<int>& thresholds, bool apply_decision_rules) {
        PyBacktest out;
        std::vector<Scenario> values;
        for (const py::handle& item : scenarios) {
          PyScenario scenario = ToScenario(item);
          out.scenarios.push_back(scenario.scenario);
          values.push_back(*scenario.scenario);
        }
        const std::vector<BacktestModel> chosen = ModelsFromPython(models);
        BacktestOptions options;
        options.min_actors = min_actors;
        options.thresholds = thresholds;
        options.apply_decision_rules = apply_decision_rules;
        py::gil_scoped_release release;
        out.result = Backtest(values, chosen, options);
        return out;
      },
      py::arg("scenarios"), py::arg("models") = py::none(), py::arg("min_actors") = 3,
      py::arg("thresholds") = std::vector<int>{5, 10, 20}, py::arg("apply_decision_rules") = true);
}

}  // namespace statecraft::python

// The report's charts, drawn from its data (RenderCharts in html_report.h).
#include <cmath>

#include "statecraft/models/builtin.h"
#include "statecraft/report/html_report.h"
#include "statecraft/report/report_html.h"
#include "statecraft/report/svg_chart.h"

namespace statecraft {
namespace {

using report_html::Index;
using report_html::Key;

double NumberOr(const Json& object, const char* key, double fallback) {
  const auto found = object.find(key);
  return found != object.end() && found->is_number() ? found->get<double>() : fallback;
}

ValueAxis AxisOf(const Json& issue) {
  ValueAxis axis{NumberOr(issue, "scale_low", 0.0),
                 NumberOr(issue, "scale_high", 100.0),
                 issue.value("name", std::string()),
                 {}};
  for (const Json& anchor : issue.value("anchors", Json::array())) {
    axis.anchors.push_back({NumberOr(anchor, "value", 0.0), anchor.value("meaning", "")});
  }
  return axis;
}

// Status quo, known outcome and the target (when it is on this issue), with their paths.
std::vector<ReferenceLine> ReferencesOf(const Json& issue, const std::string& issue_path,
                                        const Json& data) {
  std::vector<ReferenceLine> references;
  if (issue.contains("status_quo")) {
    references.push_back(
        {"status quo", issue["status_quo"].get<double>(), Key(issue_path, "status_quo")});
  }
  if (issue.contains("known_outcome")) {
    references.push_back(
        {"known outcome", issue["known_outcome"].get<double>(), Key(issue_path, "known_outcome")});
  }
  const std::optional<report_html::TargetText> target = report_html::TargetOf(data);
  if (target && target->issue == issue.value("name", std::string())) {
    // The legend prints the value after the label: the label is the relation's sign alone.
    const std::string sign = target->relation.substr(0, target->relation.find(' '));
    references.push_back({"target " + sign, target->value, ""});
  }
  return references;
}

int ActorStyle(const Json& scenario, const std::string& actor) {
  const Json& actors = scenario["actors"];
  for (std::size_t k = 0; k < actors.size(); ++k) {
    if (actors[k].value("name", std::string()) == actor) return static_cast<int>(k);
  }
  return static_cast<int>(actors.size());
}

// Models keep one colour in every chart: their place in the registry.
int ModelStyle(const std::string& model) {
  const auto& models = BuiltinModels().models();
  for (std::size_t k = 0; k < models.size(); ++k) {
    if (models[k].name == model) return static_cast<int>(k);
  }
  return static_cast<int>(models.size());
}

// Whether a series turns back at least twice from `from` on: it cycles rather than converges.
bool Oscillates(const std::vector<double>& values, std::size_t from) {
  int turns = 0;
  double previous_step = 0.0;
  for (std::size_t round = std::max<std::size_t>(from, 1); round < values.size(); ++round) {
    const double step = values[round] - values[round - 1];
    if (!std::isfinite(step) || std::fabs(step) < 1e-9) continue;
    if (previous_step != 0.0 && (step > 0) != (previous_step > 0)) ++turns;
    previous_step = step;
  }
  return turns >= 2;
}

// A model that reports it did not converge on an issue (eum's "stopping") and whose actors
// swing back and forth is drawn with bands from the start of its cycle (or from round 1).
std::optional<CycleBand> CycleOf(const Json& forecast, const std::string& issue,
                                 const std::vector<LineSeries>& series) {
  if (!forecast.contains("stopping") || !forecast["stopping"].contains(issue)) return std::nullopt;
  const Json& stopping = forecast["stopping"][issue];
  if (stopping.value("converged", true)) return std::nullopt;
  CycleBand band;
  band.from_round = 1;
  const int rounds = stopping.value("rounds_run", 0);
  band.note = "no convergence in " + std::to_string(rounds) + " rounds";
  if (stopping.contains("cycle") && stopping["cycle"].is_object()) {
    band.from_round = stopping["cycle"].value("first_round", 1);
    band.note += ": a cycle of " + std::to_string(stopping["cycle"].value("period", 0)) +
                 " rounds from round " + std::to_string(band.from_round);
  }
  band.note += "; bands span each actor's positions";
  bool any = false;
  for (const LineSeries& line : series) {
    any = any || (!line.emphasised && Oscillates(line.values, band.from_round));
  }
  return any ? std::optional<CycleBand>(band) : std::nullopt;
}

void TrajectoryCharts(const Json& data, Json& out) {
  const Json& scenario = data["scenario"];
  const std::string plan = report_html::PlanOfForecasts(data);
  const Json& forecasts = data["forecasts"];
  for (std::size_t f = 0; f < forecasts.size(); ++f) {
    const Json& forecast = forecasts[f];
    const Json& rounds = forecast["rounds"];
    if (rounds.size() < 2) continue;
    const std::string model = forecast.value("model", std::string());
    for (const Json& issue : scenario["issues"]) {
      const std::string name = issue["name"].get<std::string>();
      std::vector<LineSeries> series;
      for (const Json& actor : forecast["actors"]) {
        LineSeries line{actor.get<std::string>(), {}, false, 0};
        line.style = ActorStyle(scenario, line.label);
        bool any = false;
        for (const Json& round : rounds) {
          const Json& positions = round["positions"][line.label];
          const bool has = positions.contains(name) && positions[name].is_number();
          line.values.push_back(has ? positions[name].get<double>() : std::nan(""));
          any = any || has;
        }
        if (any) series.push_back(std::move(line));
      }
      LineSeries outcome{"outcome", {}, true, 0};
      for (const Json& round : rounds) {
        const Json& value = round["outcome"][name];
        outcome.values.push_back(value.is_number() ? value.get<double>() : std::nan(""));
      }
      series.push_back(std::move(outcome));
      const ChartHeading heading{name + ": positions over rounds",
                                 "model " + model + " \u00b7 " + plan + " \u00b7 central values"};
      out["trajectories"].push_back({{"model", model},
                                     {"issue", name},
                                     {"svg", TrajectoryChart(heading, AxisOf(issue), series,
                                                             CycleOf(forecast, name, series))}});
    }
  }
}

void DistributionCharts(const Json& data, Json& out) {
  const Json& scenario = data["scenario"];
  const Json& distributions = data["distributions"];
  const Json& models = distributions["models"];
  const Json& issues = scenario["issues"];
  for (std::size_t i = 0; i < issues.size(); ++i) {
    const std::string name = issues[i]["name"].get<std::string>();
    std::vector<IntervalRow> rows;
    for (const auto& [model, per_issue] : models.items()) {
      if (!per_issue.contains(name)) continue;
      const Json& summary = per_issue[name];
      IntervalRow row;
      row.label = model;
      row.q10 = NumberOr(summary, "q10", 0);
      row.median = NumberOr(summary, "median", 0);
      row.q90 = NumberOr(summary, "q90", 0);
      if (summary.contains("mean")) row.mean = NumberOr(summary, "mean", 0);
      for (const Json& sample : summary.value("samples", Json::array())) {
        row.samples.push_back(sample.is_number() ? sample.get<double>() : std::nan(""));
      }
      row.path = Key(Key("/distributions/models", model), name);
      row.style = ModelStyle(model);
      if (data.contains("forecasts")) {
        const Json& forecasts = data["forecasts"];
        for (std::size_t f = 0; f < forecasts.size(); ++f) {
          if (forecasts[f]["model"] == model && forecasts[f]["outcome"][name].is_number()) {
            row.point = forecasts[f]["outcome"][name].get<double>();
            row.point_path = Key(Key(Index("/forecasts", f), "outcome"), name);
          }
        }
      }
      rows.push_back(std::move(row));
    }
    if (rows.empty()) continue;
    const std::string models_words = distributions["models"].size() == 1
                                         ? "model " + distributions["models"].begin().key()
                                         : std::string("every model at its defaults");
    const std::string subtitle = models_words + " \u00b7 " +
                                 report_html::PlanOfDistributions(data) + " \u00b7 " +
                                 std::to_string(distributions.value("draws", 0)) + " draws";
    out["distributions"].push_back(
        {{"issue", name},
         {"svg", IntervalChart({name + ": forecast distribution per model", subtitle},
                               "distribution", AxisOf(issues[i]), rows,
                               ReferencesOf(issues[i], Index("/scenario/issues", i), data))}});
  }
}

// Baseline vs plans on every issue, one chart per model: the what-if's plans at `path`.
void PlanChartsOf(const Json& data, const Json& plans, const std::string& path, int draws,
                  Json& out) {
  if (plans.empty()) return;
  const Json& scenario = data["scenario"];
  std::vector<std::string> models;
  for (const auto& [model, cell] : plans[0]["models"].items()) models.push_back(model);
  const Json& issues = scenario["issues"];
  const std::optional<report_html::TargetText> target = report_html::TargetOf(data);
  for (const std::string& model : models) {
    for (std::size_t i = 0; i < issues.size(); ++i) {
      const std::string name = issues[i]["name"].get<std::string>();
      std::vector<IntervalRow> rows;
      for (std::size_t p = 0; p < plans.size(); ++p) {
        const Json& plan = plans[p];
        if (!plan["models"].contains(model)) continue;
        const Json& cell = plan["models"][model];
        if (!cell["issues"].contains(name)) continue;
        const Json& summary = cell["issues"][name];
        const std::string cell_path = Key(Key(Index(path, p), "models"), model);
        IntervalRow row;
        row.label = plan.value("plan", std::string());
        row.q10 = NumberOr(summary, "q10", 0);
        row.median = NumberOr(summary, "median", 0);
        row.q90 = NumberOr(summary, "q90", 0);
        row.mean = NumberOr(summary, "mean", 0);
        row.path = Key(Key(cell_path, "issues"), name);
        row.style = p == 0 && row.label == "baseline" ? 7 : -1;
        if (cell.contains("central") && cell["central"][name].is_number()) {
          row.point = cell["central"][name].get<double>();
          row.point_path = Key(Key(cell_path, "central"), name);
        }
        if (cell.contains("probability") && target && target->issue == name) {
          row.probability = cell["probability"].get<double>();
          row.probability_path = Key(cell_path, "probability");
        }
        rows.push_back(std::move(row));
      }
      if (rows.empty()) continue;
      const std::string subtitle =
          "model " + model + " \u00b7 " + std::to_string(draws) + " draws, the same for every plan";
      out["plans"].push_back(
          {{"issue", name},
           {"model", model},
           {"svg",
            IntervalChart({name + ": baseline vs plans", subtitle}, "plans", AxisOf(issues[i]),
                          rows, ReferencesOf(issues[i], Index("/scenario/issues", i), data))}});
    }
  }
}

void PlanCharts(const Json& data, Json& out) {
  if (data.contains("whatif")) {
    PlanChartsOf(data, data["whatif"]["plans"], "/whatif/plans", data["whatif"].value("draws", 0),
                 out);
  }
  if (data.contains("answer") && data["answer"].contains("models")) {
    // The answer's what-ifs, one per model, but for a model the report's what-if already shows.
    const Json& shown = data.contains("whatif") && !data["whatif"]["plans"].empty()
                            ? data["whatif"]["plans"][0]["models"]
                            : Json::object();
    const Json& models = data["answer"]["models"];
    for (const auto& [model, entry] : models.items()) {
      if (!entry.contains("whatif") || shown.contains(model)) continue;
      PlanChartsOf(data, entry["whatif"], Key(Key("/answer/models", model), "whatif"),
                   data["answer"].value("draws", 0), out);
    }
  }
}

void DriverCharts(const Json& data, Json& out) {
  const Json& drivers = data["drivers"];
  const std::string name = drivers.value("issue", std::string());
  for (const Json& issue : data["scenario"]["issues"]) {
    if (issue["name"] != name) continue;
    std::vector<TornadoBar> bars;
    const Json& list = drivers["drivers"];
    for (std::size_t k = 0; k < list.size(); ++k) {
      bars.push_back({list[k].value("input", std::string()),
                      NumberOr(list[k], "outcome_when_low", 0),
                      NumberOr(list[k], "outcome_when_high", 0),
                      NumberOr(list[k], "rank_correlation", 0), Index("/drivers/drivers", k)});
    }
    if (bars.empty()) continue;
    std::string subtitle = "model " + drivers.value("model", std::string()) + " \u00b7 " +
                           drivers.value("plan", std::string("baseline"));
    if (drivers.value("draws", 0) > 0) {
      subtitle += " \u00b7 " + std::to_string(drivers.value("draws", 0)) + " draws";
    }
    subtitle += " \u00b7 the " + std::to_string(bars.size()) + " strongest inputs";
    out["tornado"].push_back({{"issue", name},
                              {"svg", TornadoChart({"What drives " + name, subtitle}, AxisOf(issue),
                                                   NumberOr(drivers, "center", 0), bars)}});
  }
}

void BacktestCharts(const Json& data, Json& out) {
  const Json& backtest = data["backtest"];
  std::vector<ErrorRow> rows;
  int draws = 0;
  const Json& models = backtest.value("models", Json::array());
  for (std::size_t k = 0; k < models.size(); ++k) {
    const Json& model = models[k];
    ErrorRow row;
    row.label = model.value("model", std::string());
    row.error = NumberOr(model, "mean_absolute_error", 0);
    if (model.contains("error_q10") && model.contains("error_q90")) {
      row.low = NumberOr(model, "error_q10", 0);
      row.high = NumberOr(model, "error_q90", 0);
      draws = model.value("draws", 0);
    }
    for (const Json& issue : model["issues"]) {
      row.issue_errors.push_back(
          {issue.value("issue", std::string()), NumberOr(issue, "error", 0)});
    }
    row.path = Index("/backtest/models", k);
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const ErrorRow& a, const ErrorRow& b) { return a.error < b.error; });
  if (backtest.contains("status_quo")) {
    const Json& naive = backtest["status_quo"];
    ErrorRow row;
    row.label = naive.value("model", std::string("status quo"));
    row.error = NumberOr(naive, "mean_absolute_error", 0);
    for (const Json& issue : naive["issues"]) {
      row.issue_errors.push_back(
          {issue.value("issue", std::string()), NumberOr(issue, "error", 0)});
    }
    row.baseline = true;
    row.path = "/backtest/status_quo";
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return;
  std::string subtitle = "central forecast of each model against the known outcomes";
  if (draws > 0) subtitle += " \u00b7 interval over " + std::to_string(draws) + " draws";
  out["backtest"].push_back(
      {{"svg", BacktestChart({"Backtest: error per model", subtitle}, rows)}});
}

}  // namespace

Json RenderCharts(const Json& data) {
  Json charts{{"trajectories", Json::array()}, {"distributions", Json::array()},
              {"plans", Json::array()},        {"tornado", Json::array()},
              {"backtest", Json::array()},     {"probability", Json::array()}};
  if (data.contains("forecasts")) TrajectoryCharts(data, charts);
  if (data.contains("distributions")) DistributionCharts(data, charts);
  PlanCharts(data, charts);
  if (data.contains("drivers")) DriverCharts(data, charts);
  if (data.contains("backtest")) BacktestCharts(data, charts);
  report_html::ProbabilityCharts(data, charts);
  return charts;
}

}  // namespace statecraft

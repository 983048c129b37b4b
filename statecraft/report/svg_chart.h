// Hand-written SVG charts for the report and the web UI. Each function returns one standalone
// <svg> element (no scripts, no external references) with class "chart" and a data-chart
// attribute naming its kind, so tests and pages can find them.
//
// Every chart states what it shows in its title and subtitle (the issue, the model, the plan,
// the draws), and every chart on an issue's scale ends with the scale's anchors (what the values
// mean on that issue). Figures printed inside a chart carry data-path, the JSON pointer of the
// number in the report's data, so a test can check each against the data.
//
// Actors are told apart by colour, marker and dash pattern (svg_layout.h) and labelled directly;
// each actor's marks sit in <g class="actor" data-actor="K"> (K: the actor's index in the
// scenario) so that a page can highlight the actors a reader picks.
#ifndef STATECRAFT_REPORT_SVG_CHART_H_
#define STATECRAFT_REPORT_SVG_CHART_H_

#include <optional>
#include <string>
#include <vector>

namespace statecraft {

struct AxisAnchor {
  double value = 0.0;
  std::string meaning;
};

// An issue's value axis.
struct ValueAxis {
  double low = 0.0;
  double high = 100.0;
  std::string label;                // the issue's name
  std::vector<AxisAnchor> anchors;  // what values of the scale mean
};

struct ChartHeading {
  std::string title;     // "munitions: positions over rounds"
  std::string subtitle;  // "model eum · baseline (no lever)"
};

struct LineSeries {
  std::string label;
  std::vector<double> values;  // one per round; NaN where absent
  bool emphasised = false;     // drawn thick, black and dashed (the outcome), on top
  int style = 0;               // the actor's index: its colour, marker and dash pattern
};

// Rounds from which a model cycles instead of settling (eum without convergence): from
// `from_round` on each actor is drawn as a band between its lowest and highest position over
// those rounds, with a dot per round, instead of lines that zigzag across each other.
struct CycleBand {
  int from_round = 0;
  std::string note;  // what the band means, shown above it
};

// Values over rounds, one line per actor and the outcome, labelled at the line ends.
std::string TrajectoryChart(const ChartHeading& heading, const ValueAxis& axis,
                            const std::vector<LineSeries>& series,
                            const std::optional<CycleBand>& cycle = std::nullopt);

// One row of an interval chart: a 10–90 % band, the median, the mean, an optional point value
// (the central forecast), optional individual draws and an optional probability of the target.
struct IntervalRow {
  std::string label;
  double q10 = 0.0;
  double median = 0.0;
  double q90 = 0.0;
  std::optional<double> mean;
  std::optional<double> point;
  std::vector<double> samples;
  std::optional<double> probability;  // of the target, printed at the row's end
  std::string path;              // JSON pointer of the row's quantiles (q10, median, q90, mean)
  std::string point_path;        // ... of the point value
  std::string probability_path;  // ... of the probability
  int style = -1;                // palette index; -1: the neutral blue
};

struct ReferenceLine {
  std::string label;
  double value = 0.0;
  std::string path;  // JSON pointer of the value, when it is in the data
};

// Distributions side by side on one issue's axis (per model, or baseline vs plans), with
// reference lines (status quo, known outcome, target). `kind` is the data-chart attribute.
std::string IntervalChart(const ChartHeading& heading, const std::string& kind,
                          const ValueAxis& axis, const std::vector<IntervalRow>& rows,
                          const std::vector<ReferenceLine>& references);

struct TornadoBar {
  std::string label;
  double when_low = 0.0;   // outcome when the input is in its lowest fifth
  double when_high = 0.0;  // ... in its highest fifth
  double rank_correlation = 0.0;
  std::string path;  // JSON pointer of the driver
};

// The drivers of an issue's outcome: one bar per input from its low-fifth to its high-fifth
// outcome, around the median outcome, on an axis fitted to the bars; rho printed per bar.
std::string TornadoChart(const ChartHeading& heading, const ValueAxis& axis, double center,
                         const std::vector<TornadoBar>& bars);

// One row of the backtest chart: a forecaster's mean absolute error over the issues with known
// outcomes, its interval over the draws when known, and each issue's error.
struct ErrorRow {
  std::string label;
  double error = 0.0;
  std::optional<double> low;
  std::optional<double> high;
  std::vector<std::pair<std::string, double>> issue_errors;
  bool baseline = false;  // a naive forecast to beat, drawn in grey
  std::string path;       // JSON pointer of the row (mean_absolute_error, error_q10, error_q90)
};

std::string BacktestChart(const ChartHeading& heading, const std::vector<ErrorRow>& rows);

// Probabilities of the target: one group per row label (a model), one bar per series (baseline,
// the cheapest plan, after the counter-levers), an optional interval per bar (model error) and
// the required probability as a line.
struct ProbabilityBar {
  int series = 0;
  double value = 0.0;
  std::optional<double> low;
  std::optional<double> high;
  std::string path;  // JSON pointer of the value
};
struct ProbabilityRow {
  std::string label;
  std::vector<ProbabilityBar> bars;
  std::string note;  // after the row's label, e.g. "did not converge"
};
std::string ProbabilityChart(const ChartHeading& heading, const std::vector<std::string>& series,
                             const std::vector<ProbabilityRow>& rows,
                             std::optional<double> required);

// Text made safe for XML/HTML content and attributes.
std::string EscapeXml(const std::string& text);

}  // namespace statecraft

#endif  // STATECRAFT_REPORT_SVG_CHART_H_

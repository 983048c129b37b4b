// Hand-written SVG charts for the report and the web UI. Each function returns one standalone
// <svg> element (no scripts, no external references) with class "chart" and a data-chart
// attribute naming its kind, so tests and pages can find them.
#ifndef STATECRAFT_REPORT_SVG_CHART_H_
#define STATECRAFT_REPORT_SVG_CHART_H_

#include <optional>
#include <string>
#include <vector>

namespace statecraft {

// An issue's value axis.
struct ValueAxis {
  double low = 0.0;
  double high = 100.0;
  std::string label;
};

struct LineSeries {
  std::string label;
  std::vector<double> values;  // one per round; NaN where absent
  bool emphasised = false;     // drawn thick and dark (the outcome)
};

// Values over rounds, one line per series (actors), the emphasised one on top.
std::string TrajectoryChart(const std::string& title, const ValueAxis& axis,
                            const std::vector<LineSeries>& series);

// One row of an interval chart: a 10–90 % band, the median, the mean, an optional point value
// (the central forecast) and optional individual draws.
struct IntervalRow {
  std::string label;
  double q10 = 0.0;
  double median = 0.0;
  double q90 = 0.0;
  std::optional<double> mean;
  std::optional<double> point;
  std::vector<double> samples;
};

struct ReferenceLine {
  std::string label;
  double value = 0.0;
};

// Distributions side by side on one issue's axis (per model, or baseline vs plans), with
// reference lines (status quo, known outcome, target).
std::string IntervalChart(const std::string& title, const std::string& kind, const ValueAxis& axis,
                          const std::vector<IntervalRow>& rows,
                          const std::vector<ReferenceLine>& references);

struct TornadoBar {
  std::string label;
  double when_low = 0.0;   // outcome when the input is in its lowest fifth
  double when_high = 0.0;  // ... in its highest fifth
  double rank_correlation = 0.0;
};

// The drivers of an issue's outcome: one bar per input from its low-fifth to its high-fifth
// outcome, around the median outcome.
std::string TornadoChart(const std::string& title, const ValueAxis& axis, double center,
                         const std::vector<TornadoBar>& bars);

// Text made safe for XML/HTML content and attributes.
std::string EscapeXml(const std::string& text);

}  // namespace statecraft

#endif  // STATECRAFT_REPORT_SVG_CHART_H_

// Escaping, and the charts that are not on an issue's scale: the backtest's errors and the
// probabilities of the target.
#include "statecraft/report/svg_chart.h"

#include <algorithm>
#include <cmath>

#include "statecraft/report/svg_layout.h"

namespace statecraft {
namespace {

using svg::Px;

constexpr double kWidth = 680;
const char* const kSeriesColours[] = {"#9aa5b1", "#0072B2", "#D55E00", "#009E73", "#CC79A7"};

std::string DataPath(const std::string& path, const char* format) {
  if (path.empty()) return "";
  return "data-path=\"" + EscapeXml(path) + "\" data-format=\"" + format + "\"";
}

double WidestLabel(const std::vector<std::string>& labels, double cap) {
  double widest = 40;
  for (const std::string& label : labels) widest = std::max(widest, svg::TextWidth(label, 11));
  return std::min(widest, cap);
}

}  // namespace

std::string EscapeXml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string BacktestChart(const ChartHeading& heading, const std::vector<ErrorRow>& rows) {
  constexpr double kRowHeight = 24;
  std::vector<std::string> labels;
  std::vector<std::string> issues;
  double largest = 1.0;
  for (const ErrorRow& row : rows) {
    labels.push_back(row.label);
    for (double value : {row.error, row.low.value_or(0.0), row.high.value_or(0.0)}) {
      if (std::isfinite(value)) largest = std::max(largest, value);
    }
    for (const auto& [issue, error] : row.issue_errors) {
      if (std::isfinite(error)) largest = std::max(largest, error);
      if (std::find(issues.begin(), issues.end(), issue) == issues.end()) issues.push_back(issue);
    }
  }
  const std::vector<double> ticks = svg::NiceTicks(0.0, largest, 5);
  const double high =
      ticks.size() >= 2 ? ticks.back() + (ticks.back() < largest ? ticks[1] : 0) : largest;
  const double left = 30 + WidestLabel(labels, 200);
  const double right = kWidth - 128;
  const double top = svg::HeaderHeight(heading.subtitle) + 22;
  const double bottom =
      top + kRowHeight * static_cast<double>(std::max<std::size_t>(rows.size(), 1));
  const svg::Scale x{0.0, high, left, right};
  std::string body;
  for (double tick : svg::NiceTicks(0.0, high, 5)) {
    body += svg::Line(x(tick), top, x(tick), bottom, std::string("stroke=\"") + svg::kGrid + "\"");
    body += svg::Text(
        x(tick), bottom + 14, svg::Short(tick),
        std::string("class=\"tick\" text-anchor=\"middle\" fill=\"") + svg::kMuted + "\"");
  }
  body += svg::Text((left + right) / 2, bottom + 30,
                    "mean absolute error over the issues with known outcomes (scale points)",
                    std::string("text-anchor=\"middle\" fill=\"") + svg::kMuted + "\"");
  body +=
      svg::Text(kWidth - 10, top - 6, "error [10\u201390 %]",
                std::string("text-anchor=\"end\" font-size=\"10\" fill=\"") + svg::kMuted + "\"");
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const ErrorRow& row = rows[k];
    const double middle = top + kRowHeight * (static_cast<double>(k) + 0.5);
    const std::string colour = row.baseline ? "#7b8794" : "#0072B2";
    body += "<g class=\"row\" data-label=\"" + EscapeXml(row.label) + "\">";
    body += svg::Text(left - 10, middle + 4, row.label,
                      std::string("text-anchor=\"end\" class=\"row-label\"") +
                          (row.baseline ? std::string(" fill=\"") + svg::kMuted + "\"" : ""));
    if (row.low && row.high) {
      body += svg::Line(x(*row.low), middle, x(*row.high), middle,
                        "class=\"interval\" stroke=\"" + colour + "\" stroke-width=\"2\"");
      for (double end : {*row.low, *row.high}) {
        body += svg::Line(x(end), middle - 5, x(end), middle + 5,
                          "stroke=\"" + colour + "\" stroke-width=\"2\"");
      }
    }
    for (std::size_t i = 0; i < row.issue_errors.size(); ++i) {
      const auto& [issue, error] = row.issue_errors[i];
      const int shape =
          static_cast<int>(std::find(issues.begin(), issues.end(), issue) - issues.begin());
      body += svg::Marker(shape, x(error), middle, 3.2, "none",
                          " class=\"issue-error\" stroke=\"" + colour + "\" stroke-width=\"1\"");
    }
    body += "<circle class=\"error\" cx=\"" + Px(x(row.error)) + "\" cy=\"" + Px(middle) +
            "\" r=\"5\" fill=\"" + colour + "\" stroke=\"#fff\"/>";
    std::string figures = "<tspan " + DataPath(row.path + "/mean_absolute_error", "1") + ">" +
                          svg::Fixed(row.error, 1) + "</tspan>";
    if (row.low && row.high) {
      figures += " [<tspan " + DataPath(row.path + "/error_q10", "1") + ">" +
                 svg::Fixed(*row.low, 1) + "</tspan>\u2013<tspan " +
                 DataPath(row.path + "/error_q90", "1") + ">" + svg::Fixed(*row.high, 1) +
                 "</tspan>]";
    }
    body += "<text x=\"" + Px(kWidth - 10) + "\" y=\"" + Px(middle + 4) +
            "\" text-anchor=\"end\">" + figures + "</text></g>";
  }
  // The naive baseline's error as a line across every row: a model left of it beats it.
  for (const ErrorRow& row : rows) {
    if (!row.baseline) continue;
    body += svg::Line(x(row.error), top - 4, x(row.error), bottom,
                      "class=\"baseline\" stroke=\"#7b8794\" stroke-width=\"1.2\" "
                      "stroke-dasharray=\"4 3\"");
    body += svg::Text(
        x(row.error), top - 8, row.label,
        std::string("text-anchor=\"middle\" font-size=\"10\" fill=\"") + svg::kMuted + "\"");
  }
  std::vector<svg::LegendEntry> legend = {
      {"<circle cx=\"{X}\" cy=\"{Y}\" r=\"5\" transform=\"translate(11 5)\" fill=\"#0072B2\"/>",
       "error of the central forecast"}};
  bool any_interval = false;
  for (const ErrorRow& row : rows) any_interval = any_interval || (row.low && row.high);
  if (any_interval) {
    legend.push_back(
        {"<path d=\"M{X} {Y} m2 5 h18 m-18 -5 v10 m18 -10 v10\" stroke=\"#0072B2\" "
         "stroke-width=\"2\" fill=\"none\"/>",
         "10\u201390 % over the draws"});
  }
  for (std::size_t i = 0; i < issues.size(); ++i) {
    legend.push_back({"<g transform=\"translate(11 5)\">" +
                          svg::Marker(static_cast<int>(i), 0, 0, 3.2, "none",
                                      " stroke=\"#3e4c59\" transform=\"translate({X} {Y})\"") +
                          "</g>",
                      issues[i]});
  }
  legend.push_back(
      {"<circle cx=\"{X}\" cy=\"{Y}\" r=\"5\" transform=\"translate(11 5)\" "
       "fill=\"#7b8794\"/>",
       "naive baseline"});
  double height = bottom + 40;
  body += svg::FlowLegend(legend, 10, height, kWidth - 20, &height);
  return svg::OpenChart("backtest", kWidth, height + 6, heading.title, heading.subtitle) + body +
         svg::kCloseChart;
}

std::string ProbabilityChart(const ChartHeading& heading, const std::vector<std::string>& series,
                             const std::vector<ProbabilityRow>& rows,
                             std::optional<double> required) {
  constexpr double kBar = 11, kBarGap = 3, kGroupGap = 12;
  std::vector<std::string> labels;
  for (const ProbabilityRow& row : rows) {
    labels.push_back(row.note.empty() ? row.label : row.note);
    labels.push_back(row.label);
  }
  const double left = 22 + WidestLabel(labels, 200);
  const double right = kWidth - 64;
  const double top = svg::HeaderHeight(heading.subtitle) + 20;
  // A row is as tall as its bars, and at least two lines when it carries a note.
  auto group_height = [&](const ProbabilityRow& row) {
    return std::max(static_cast<double>(row.bars.size()) * (kBar + kBarGap),
                    row.note.empty() ? 0.0 : 30.0);
  };
  double bottom = top;
  for (const ProbabilityRow& row : rows) bottom += group_height(row) + kGroupGap;
  bottom = std::max(bottom, top + kBar + kGroupGap);
  const svg::Scale x{0.0, 1.0, left, right};
  std::string body;
  for (double tick : {0.0, 0.25, 0.5, 0.75, 1.0}) {
    body +=
        svg::Line(x(tick), top - 4, x(tick), bottom, std::string("stroke=\"") + svg::kGrid + "\"");
    body += svg::Text(
        x(tick), bottom + 14, svg::Percent(tick),
        std::string("class=\"tick\" text-anchor=\"middle\" fill=\"") + svg::kMuted + "\"");
  }
  double at = top;
  for (const ProbabilityRow& row : rows) {
    const double height = group_height(row);
    const double middle = at + height / 2;
    const double group_top = at;
    at += (height - static_cast<double>(row.bars.size()) * (kBar + kBarGap)) / 2;
    body += "<g class=\"row\" data-label=\"" + EscapeXml(row.label) + "\">";
    body += svg::Text(left - 10, middle + (row.note.empty() ? 4 : -2), row.label,
                      "text-anchor=\"end\" class=\"row-label\" font-weight=\"bold\"");
    if (!row.note.empty()) {
      body += svg::Text(left - 10, middle + 11, row.note,
                        "text-anchor=\"end\" class=\"row-note\" font-size=\"10\" fill=\"#b45309\"");
    }
    for (const ProbabilityBar& bar : row.bars) {
      const std::string colour = kSeriesColours[std::clamp(bar.series, 0, 4)];
      const double width = std::max(0.0, x(std::clamp(bar.value, 0.0, 1.0)) - left);
      body += "<rect class=\"bar\" x=\"" + Px(left) + "\" y=\"" + Px(at) + "\" width=\"" +
              Px(std::max(width, 1.0)) + "\" height=\"" + Px(kBar) + "\" fill=\"" + colour + "\"/>";
      double label_x = left + width + 5;
      if (bar.low && bar.high) {
        body += svg::Line(x(*bar.low), at + kBar / 2, x(*bar.high), at + kBar / 2,
                          "class=\"interval\" stroke=\"#1f2933\" stroke-width=\"1.2\"");
        for (double end : {*bar.low, *bar.high}) {
          body += svg::Line(x(end), at + 1, x(end), at + kBar - 1,
                            "stroke=\"#1f2933\" stroke-width=\"1.2\"");
        }
        label_x = std::max(label_x, x(*bar.high) + 5);
      }
      body += svg::Text(label_x, at + kBar - 1.5, svg::Percent(bar.value),
                        "font-size=\"10.5\" " + DataPath(bar.path, "pct"));
      at += kBar + kBarGap;
    }
    body += "</g>";
    at = group_top + height + kGroupGap;
  }
  if (required) {
    body += svg::Line(x(*required), top - 8, x(*required), bottom,
                      "class=\"required\" stroke=\"#000\" stroke-width=\"1.5\" "
                      "stroke-dasharray=\"5 3\"");
    body += svg::Text(x(*required), top - 11, "required " + svg::Percent(*required),
                      "text-anchor=\"middle\" font-size=\"10\"");
  }
  std::vector<svg::LegendEntry> legend;
  for (std::size_t k = 0; k < series.size(); ++k) {
    legend.push_back({"<rect x=\"{X}\" y=\"{Y}\" width=\"22\" height=\"10\" fill=\"" +
                          std::string(kSeriesColours[std::min<std::size_t>(k, 4)]) + "\"/>",
                      series[k]});
  }
  double height = bottom + 26;
  body += svg::FlowLegend(legend, 10, height, kWidth - 20, &height);
  return svg::OpenChart("probability", kWidth, height + 6, heading.title, heading.subtitle) + body +
         svg::kCloseChart;
}

}  // namespace statecraft

// Distributions on an issue's axis (per model, or baseline vs plans) and the tornado of drivers.
#include <algorithm>
#include <cmath>

#include "statecraft/report/svg_chart.h"
#include "statecraft/report/svg_layout.h"

namespace statecraft {
namespace {

using svg::Px;

constexpr double kWidth = 680, kRowHeight = 26;
const char* const kReferenceDashes[] = {"5 3", "1.5 2.5", "9 3 2 3", "12 4"};
const char* const kReferenceColours[] = {"#3e4c59", "#7b2cbf", "#c2410c", "#0f766e"};

// Attributes that let a test find a printed figure in the report's data.
std::string DataPath(const std::string& path, const char* format) {
  if (path.empty()) return "";
  return "data-path=\"" + EscapeXml(path) + "\" data-format=\"" + format + "\"";
}

double LabelColumn(const std::vector<std::string>& labels, double cap) {
  double widest = 40;
  for (const std::string& label : labels) widest = std::max(widest, svg::TextWidth(label, 11));
  return std::min(widest, cap) + 20;
}

// The label of a row, shortened with an ellipsis when it is wider than the column (the full
// text stays in a tooltip).
std::string RowLabel(double x, double y, const std::string& label, double width) {
  // Drop one UTF-8 character at a time from the label (never the ellipsis added after it), down
  // to its first character: a space too narrow for any text ends with that, not a loop.
  std::string kept = label;
  std::string shown = label;
  while (kept.size() > 1 && svg::TextWidth(shown, 11) > width) {
    unsigned char dropped = 0;
    do {
      dropped = static_cast<unsigned char>(kept.back());
      kept.pop_back();
    } while (!kept.empty() && (dropped & 0xC0) == 0x80);
    shown = kept + "\u2026";
  }
  return "<text x=\"" + Px(x) + "\" y=\"" + Px(y) + "\" text-anchor=\"end\" class=\"row-label\">" +
         (shown == label ? "" : "<title>" + EscapeXml(label) + "</title>") + EscapeXml(shown) +
         "</text>";
}

std::string ValueAxisMarks(const std::vector<double>& marks, const svg::Scale& x, double top,
                           double bottom) {
  std::string out;
  std::vector<double> at;
  for (double value : marks) at.push_back(x(value));
  const std::vector<bool> labelled = svg::LabelledMarks(at, 30);
  for (std::size_t k = 0; k < marks.size(); ++k) {
    out += svg::Line(at[k], top, at[k], bottom, std::string("stroke=\"") + svg::kGrid + "\"");
    if (!labelled[k]) continue;
    out += svg::Text(
        at[k], bottom + 14, svg::Short(marks[k]),
        std::string("class=\"tick\" text-anchor=\"middle\" fill=\"") + svg::kMuted + "\"");
  }
  return out;
}

}  // namespace

std::string IntervalChart(const ChartHeading& heading, const std::string& kind,
                          const ValueAxis& axis, const std::vector<IntervalRow>& rows,
                          const std::vector<ReferenceLine>& references) {
  std::vector<std::string> labels;
  bool any_probability = false, any_point = false, any_mean = false, any_samples = false;
  for (const IntervalRow& row : rows) {
    labels.push_back(row.label);
    any_probability = any_probability || row.probability.has_value();
    any_point = any_point || row.point.has_value();
    any_mean = any_mean || row.mean.has_value();
    any_samples = any_samples || !row.samples.empty();
  }
  const double left = 10 + LabelColumn(labels, 190);
  const double right = kWidth - (any_probability ? 78 : 24);
  const double top = svg::HeaderHeight(heading.subtitle) + 10;
  const double bottom =
      top + kRowHeight * static_cast<double>(std::max<std::size_t>(rows.size(), 1));
  const svg::Scale x{axis.low, axis.high, left, right};

  std::string body = ValueAxisMarks(svg::AxisMarks(axis), x, top, bottom);
  body += svg::Text((left + right) / 2, bottom + 30, axis.label,
                    std::string("text-anchor=\"middle\" fill=\"") + svg::kMuted + "\"");
  if (any_probability) {
    body +=
        svg::Text(kWidth - 10, top - 4, "P(target)",
                  std::string("text-anchor=\"end\" font-size=\"10\" fill=\"") + svg::kMuted + "\"");
  }
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const IntervalRow& row = rows[k];
    const double middle = top + kRowHeight * (static_cast<double>(k) + 0.5);
    const std::string colour = row.style < 0 ? "#0072B2" : svg::PaletteColour(row.style);
    body += "<g class=\"row\" data-label=\"" + EscapeXml(row.label) + "\">";
    body += RowLabel(left - 10, middle + 4, row.label, left - 20);
    // Single draws, spread over the row's height by their index so they do not pile up.
    for (std::size_t s = 0; s < row.samples.size(); ++s) {
      if (std::isnan(row.samples[s])) continue;
      const double offset = (static_cast<double>((s * 7) % 11) - 5.0) * 1.6;
      body += "<circle cx=\"" + Px(x(row.samples[s])) + "\" cy=\"" + Px(middle + offset) +
              "\" r=\"1.3\" fill=\"" + colour + "\" fill-opacity=\"0.35\"/>";
    }
    body += "<rect class=\"band\" x=\"" + Px(x(row.q10)) + "\" y=\"" + Px(middle - 6) +
            "\" width=\"" + Px(std::max(1.5, x(row.q90) - x(row.q10))) +
            "\" height=\"12\" rx=\"2\" fill=\"" + colour + "\" fill-opacity=\"0.35\" stroke=\"" +
            colour + "\"><title>" + EscapeXml(row.label) + ": 10 % " + svg::Short(row.q10) +
            ", median " + svg::Short(row.median) + ", 90 % " + svg::Short(row.q90) +
            "</title></rect>";
    body += svg::Line(x(row.median), middle - 8, x(row.median), middle + 8,
                      "class=\"median\" stroke=\"#000\" stroke-width=\"2.5\"");
    if (row.mean) {
      body += "<circle class=\"mean\" cx=\"" + Px(x(*row.mean)) + "\" cy=\"" + Px(middle) +
              "\" r=\"2.6\" fill=\"#fff\" stroke=\"#000\"/>";
    }
    if (row.point) {
      const double px = x(*row.point);
      body += "<path class=\"point\" d=\"M" + Px(px) + " " + Px(middle - 9) +
              " l4.5 4.5 l-4.5 4.5 l-4.5 -4.5 z\" fill=\"#D55E00\" stroke=\"#000\" "
              "stroke-width=\"0.6\"/>";
    }
    if (row.probability) {
      body += svg::Text(kWidth - 10, middle + 4, svg::Percent(*row.probability),
                        "class=\"probability\" text-anchor=\"end\" font-weight=\"bold\" " +
                            DataPath(row.probability_path, "pct"));
    }
    body += "</g>";
  }

  std::vector<svg::LegendEntry> legend;
  for (std::size_t k = 0; k < references.size(); ++k) {
    const std::string dash = kReferenceDashes[k % 4];
    const std::string colour = kReferenceColours[k % 4];
    const double at = x(references[k].value);
    body += svg::Line(at, top - 4, at, bottom,
                      "class=\"reference\" stroke=\"" + colour +
                          "\" stroke-width=\"1.5\" stroke-dasharray=\"" + dash + "\"");
    legend.push_back({"<path d=\"M{X} {Y} m0 5 h22\" stroke=\"" + colour +
                          "\" stroke-width=\"1.5\" stroke-dasharray=\"" + dash + "\"/>",
                      references[k].label, svg::Short(references[k].value),
                      DataPath(references[k].path, "g4")});
  }
  legend.push_back(
      {"<rect x=\"{X}\" y=\"{Y}\" width=\"22\" height=\"10\" rx=\"2\" "
       "fill=\"#0072B2\" fill-opacity=\"0.35\" stroke=\"#0072B2\"/>",
       "10\u201390 % of draws"});
  legend.push_back(
      {"<path d=\"M{X} {Y} m11 -1 v12\" stroke=\"#000\" stroke-width=\"2.5\"/>", "median"});
  if (any_mean) {
    legend.push_back(
        {"<circle cx=\"{X}\" cy=\"{Y}\" r=\"2.6\" transform=\"translate(11 5)\" "
         "fill=\"#fff\" stroke=\"#000\"/>",
         "mean"});
  }
  if (any_point) {
    legend.push_back(
        {"<path d=\"M{X} {Y} m11 0 l4.5 4.5 l-4.5 4.5 l-4.5 -4.5 z\" "
         "fill=\"#D55E00\" stroke=\"#000\" stroke-width=\"0.6\"/>",
         "central forecast"});
  }
  if (any_samples) {
    legend.push_back(
        {"<circle cx=\"{X}\" cy=\"{Y}\" r=\"1.6\" transform=\"translate(11 5)\" "
         "fill=\"#0072B2\" fill-opacity=\"0.6\"/>",
         "single draws"});
  }
  double height = bottom + 40;
  body += svg::FlowLegend(legend, 10, height, kWidth - 20, &height);
  body += svg::AnchorKey(axis, 10, height, kWidth - 20, &height);
  return svg::OpenChart(kind, kWidth, height + 6, heading.title, heading.subtitle) + body +
         svg::kCloseChart;
}

std::string TornadoChart(const ChartHeading& heading, const ValueAxis& axis, double center,
                         const std::vector<TornadoBar>& bars) {
  constexpr double kBarRow = 22;
  std::vector<std::string> labels;
  double low = center, high = center;
  for (const TornadoBar& bar : bars) {
    labels.push_back(bar.label);
    for (double value : {bar.when_low, bar.when_high}) {
      if (!std::isfinite(value)) continue;
      low = std::min(low, value);
      high = std::max(high, value);
    }
  }
  // The axis fits the bars: their span plus a margin, widened to round ticks and never beyond
  // the scale.
  const double span = std::max(high - low, (axis.high - axis.low) * 0.01);
  low = std::max(axis.low, low - span * 0.08);
  high = std::min(axis.high, high + span * 0.08);
  const std::vector<double> ticks = svg::NiceTicks(low, high, 5);
  if (ticks.size() >= 2) {
    const double step = ticks[1] - ticks[0];
    low = std::max(axis.low, std::floor(low / step + 1e-9) * step);
    high = std::min(axis.high, std::ceil(high / step - 1e-9) * step);
  }
  std::vector<double> marks;
  for (double tick : svg::NiceTicks(low, high, 5)) {
    if (tick >= low - 1e-9 && tick <= high + 1e-9) marks.push_back(tick);
  }

  const double left = 10 + LabelColumn(labels, 220);
  const double right = kWidth - 74;
  const double top = svg::HeaderHeight(heading.subtitle) + 22;
  const double bottom = top + kBarRow * static_cast<double>(std::max<std::size_t>(bars.size(), 1));
  const svg::Scale x{low, high, left, right};
  std::string body = ValueAxisMarks(marks, x, top, bottom);
  body += svg::Text((left + right) / 2, bottom + 30, axis.label + " outcome",
                    std::string("text-anchor=\"middle\" fill=\"") + svg::kMuted + "\"");
  body +=
      svg::Text(kWidth - 10, top - 6, "Spearman \u03c1",
                std::string("text-anchor=\"end\" font-size=\"10\" fill=\"") + svg::kMuted + "\"");
  for (std::size_t k = 0; k < bars.size(); ++k) {
    const TornadoBar& bar = bars[k];
    const double middle = top + kBarRow * (static_cast<double>(k) + 0.5);
    const double from = x(std::min(bar.when_low, bar.when_high));
    const double to = x(std::max(bar.when_low, bar.when_high));
    // Blue: the outcome rises with the input; orange: it falls.
    const char* colour = bar.when_high >= bar.when_low ? "#0072B2" : "#E69F00";
    body += RowLabel(left - 10, middle + 4, bar.label, left - 20);
    body += "<rect class=\"bar\" data-label=\"" + EscapeXml(bar.label) + "\" x=\"" + Px(from) +
            "\" y=\"" + Px(middle - 7) + "\" width=\"" + Px(std::max(1.5, to - from)) +
            "\" height=\"14\" fill=\"" + colour + "\"><title>" + EscapeXml(bar.label) + ": rho " +
            svg::Fixed(bar.rank_correlation, 2) + ", lowest fifth " + svg::Short(bar.when_low) +
            ", highest fifth " + svg::Short(bar.when_high) + "</title></rect>";
    std::string rho = svg::Fixed(bar.rank_correlation, 2);
    if (bar.rank_correlation >= 0 && rho != "-") rho = "+" + rho;
    body +=
        svg::Text(kWidth - 10, middle + 4, rho,
                  "class=\"rho\" text-anchor=\"end\" " +
                      DataPath(bar.path.empty() ? "" : bar.path + "/rank_correlation", "signed2"));
  }
  body += svg::Line(x(center), top - 4, x(center), bottom, "class=\"center\" stroke=\"#000\"");
  body += svg::Text(x(center), top - 8, "median " + svg::Short(center),
                    "text-anchor=\"middle\" font-size=\"10\"");
  std::vector<svg::LegendEntry> legend = {
      {"<rect x=\"{X}\" y=\"{Y}\" width=\"22\" height=\"10\" fill=\"#0072B2\"/>",
       "outcome rises with the input"},
      {"<rect x=\"{X}\" y=\"{Y}\" width=\"22\" height=\"10\" fill=\"#E69F00\"/>",
       "outcome falls as the input rises"}};
  double height = bottom + 40;
  body += svg::FlowLegend(legend, 10, height, kWidth - 20, &height);
  body += svg::Text(10, height + 10,
                    "A bar spans the mean outcome when the input is in its lowest fifth and in its "
                    "highest fifth of the draws.",
                    std::string("font-size=\"10\" fill=\"") + svg::kMuted + "\"");
  height += 16;
  body += svg::AnchorKey(axis, 10, height, kWidth - 20, &height);
  return svg::OpenChart("tornado", kWidth, height + 6, heading.title, heading.subtitle) + body +
         svg::kCloseChart;
}

}  // namespace statecraft

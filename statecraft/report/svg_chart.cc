#include "statecraft/report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "statecraft/core/exact_scale.h"

namespace statecraft {
namespace {

// Colour-blind-safe palette (Okabe & Ito 2008), cycled.
const char* const kPalette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
                                "#D55E00", "#F0E442", "#999999", "#7B3294", "#1B7837"};
constexpr int kPaletteSize = sizeof(kPalette) / sizeof(kPalette[0]);

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.2f", value);
  return text;
}

std::string Short(double value) {
  if (!std::isfinite(value)) return "-";  // an absent value, never "nan"
  char text[32];
  std::snprintf(text, sizeof(text), "%.4g", value);
  return text;
}

// Maps a value of [low, high] to pixels [from, to]. Scales near the ends of the double range
// (±1e308, where high - low overflows) are mapped exactly (exact_scale.h); a value that is not a
// number lands in the middle rather than at a "nan" coordinate.
struct Scale {
  double low, high, from, to;
  double operator()(double value) const {
    double t = high > low ? UnitPosition(value, low, high) : 0.5;
    if (std::isnan(t)) t = 0.5;
    return from + std::clamp(t, -0.05, 1.05) * (to - from);
  }
};

std::string Open(const std::string& kind, int width, int height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"" + kind +
         "\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
         "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
         "\" role=\"img\" aria-label=\"" + EscapeXml(title) +
         "\" font-family=\"sans-serif\" font-size=\"11\">"
         "<title>" +
         EscapeXml(title) + "</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>" +
         "<text x=\"8\" y=\"16\" font-size=\"13\" font-weight=\"bold\">" + EscapeXml(title) +
         "</text>";
}

// Five gridlines with labels along the value axis, vertical (x) or horizontal (y).
std::string ValueGrid(const ValueAxis& axis, const Scale& scale, bool horizontal_axis,
                      double cross_from, double cross_to) {
  std::string out;
  for (int k = 0; k <= 4; ++k) {
    const double value = ScalePosition(k / 4.0, axis.low, axis.high);
    const double at = scale(value);
    if (horizontal_axis) {
      out += "<line x1=\"" + Number(at) + "\" y1=\"" + Number(cross_from) + "\" x2=\"" +
             Number(at) + "\" y2=\"" + Number(cross_to) + "\" stroke=\"#e0e0e0\"/>";
      out += "<text x=\"" + Number(at) + "\" y=\"" + Number(cross_to + 14) +
             "\" text-anchor=\"middle\" fill=\"#555\">" + Short(value) + "</text>";
    } else {
      out += "<line x1=\"" + Number(cross_from) + "\" y1=\"" + Number(at) + "\" x2=\"" +
             Number(cross_to) + "\" y2=\"" + Number(at) + "\" stroke=\"#e0e0e0\"/>";
      out += "<text x=\"" + Number(cross_from - 6) + "\" y=\"" + Number(at + 4) +
             "\" text-anchor=\"end\" fill=\"#555\">" + Short(value) + "</text>";
    }
  }
  return out;
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

std::string TrajectoryChart(const std::string& title, const ValueAxis& axis,
                            const std::vector<LineSeries>& series) {
  constexpr int kWidth = 640, kHeight = 300;
  constexpr double kLeft = 48, kRight = 500, kTop = 28, kBottom = 262;
  std::size_t rounds = 0;
  for (const LineSeries& line : series) rounds = std::max(rounds, line.values.size());
  const Scale y{axis.low, axis.high, kBottom, kTop};
  const Scale x{0.0, static_cast<double>(rounds > 1 ? rounds - 1 : 1), kLeft, kRight};
  std::string out = Open("trajectory", kWidth, kHeight, title);
  out += ValueGrid(axis, y, false, kLeft, kRight);
  const std::size_t step = rounds > 12 ? (rounds + 9) / 10 : 1;
  for (std::size_t round = 0; round < rounds; round += step) {
    out += "<text x=\"" + Number(x(static_cast<double>(round))) + "\" y=\"" + Number(kBottom + 14) +
           "\" text-anchor=\"middle\" fill=\"#555\">" + std::to_string(round) + "</text>";
  }
  out += "<text x=\"" + Number((kLeft + kRight) / 2) + "\" y=\"" + Number(kHeight - 6) +
         "\" text-anchor=\"middle\" fill=\"#333\">round</text>";
  if (!axis.label.empty()) {
    out += "<text x=\"12\" y=\"" + Number((kTop + kBottom) / 2) +
           "\" text-anchor=\"middle\" fill=\"#333\" transform=\"rotate(-90 12 " +
           Number((kTop + kBottom) / 2) + ")\">" + EscapeXml(axis.label) + "</text>";
  }
  // Emphasised series last so they are drawn on top.
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < series.size(); ++k) order.push_back(k);
  std::stable_partition(order.begin(), order.end(),
                        [&](std::size_t k) { return !series[k].emphasised; });
  int colour = 0;
  std::vector<std::string> colours(series.size());
  for (std::size_t k = 0; k < series.size(); ++k) {
    colours[k] = series[k].emphasised ? "#000000" : kPalette[colour++ % kPaletteSize];
  }
  for (std::size_t k : order) {
    const LineSeries& line = series[k];
    std::string points;
    for (std::size_t round = 0; round < line.values.size(); ++round) {
      if (std::isnan(line.values[round])) continue;
      points += Number(x(static_cast<double>(round))) + "," + Number(y(line.values[round])) + " ";
    }
    if (points.empty()) continue;
    out += "<polyline class=\"series" + std::string(line.emphasised ? " outcome" : "") +
           "\" data-label=\"" + EscapeXml(line.label) + "\" fill=\"none\" stroke=\"" + colours[k] +
           "\" stroke-width=\"" + (line.emphasised ? "3.5" : "1.6") + "\"" +
           (line.emphasised ? " stroke-dasharray=\"7 3\"" : "") + " points=\"" + points + "\"/>";
  }
  double legend_y = kTop + 4;
  for (std::size_t k = 0; k < series.size(); ++k) {
    out += "<line x1=\"512\" y1=\"" + Number(legend_y) + "\" x2=\"530\" y2=\"" + Number(legend_y) +
           "\" stroke=\"" + colours[k] + "\" stroke-width=\"" +
           (series[k].emphasised ? "3.5" : "2") + "\"/>";
    out += "<text x=\"534\" y=\"" + Number(legend_y + 4) + "\"" +
           (series[k].emphasised ? " font-weight=\"bold\"" : "") + ">" +
           EscapeXml(series[k].label) + "</text>";
    legend_y += 15;
  }
  out += "</svg>";
  return out;
}

std::string IntervalChart(const std::string& title, const std::string& kind, const ValueAxis& axis,
                          const std::vector<IntervalRow>& rows,
                          const std::vector<ReferenceLine>& references) {
  constexpr int kWidth = 640;
  constexpr double kLeft = 150, kRight = 600, kTop = 30, kRowHeight = 26;
  const double bottom = kTop + kRowHeight * std::max<std::size_t>(rows.size(), 1);
  const int height = static_cast<int>(bottom + 40 + 14 * ((references.size() + 1) / 2));
  const Scale x{axis.low, axis.high, kLeft, kRight};
  std::string out = Open(kind, kWidth, height, title);
  out += ValueGrid(axis, x, true, kTop, bottom);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const IntervalRow& row = rows[k];
    const double middle = kTop + kRowHeight * (static_cast<double>(k) + 0.5);
    const char* colour = kPalette[k % kPaletteSize];
    out += "<g class=\"row\" data-label=\"" + EscapeXml(row.label) + "\">";
    out += "<text x=\"" + Number(kLeft - 8) + "\" y=\"" + Number(middle + 4) +
           "\" text-anchor=\"end\">" + EscapeXml(row.label) + "</text>";
    // Individual draws, spread over the row by their index so they do not overlap in a line.
    for (std::size_t s = 0; s < row.samples.size(); ++s) {
      if (std::isnan(row.samples[s])) continue;
      const double offset = (static_cast<double>((s * 7) % 11) - 5.0) * 1.6;
      out += "<circle cx=\"" + Number(x(row.samples[s])) + "\" cy=\"" + Number(middle + offset) +
             "\" r=\"1.3\" fill=\"" + colour + "\" fill-opacity=\"0.35\"/>";
    }
    out += "<rect class=\"band\" x=\"" + Number(x(row.q10)) + "\" y=\"" + Number(middle - 6) +
           "\" width=\"" + Number(std::max(1.0, x(row.q90) - x(row.q10))) +
           "\" height=\"12\" fill=\"" + colour + "\" fill-opacity=\"0.45\" stroke=\"" + colour +
           "\"><title>" + EscapeXml(row.label) + ": 10% " + Short(row.q10) + ", median " +
           Short(row.median) + ", 90% " + Short(row.q90) + "</title></rect>";
    out += "<line class=\"median\" x1=\"" + Number(x(row.median)) + "\" y1=\"" +
           Number(middle - 8) + "\" x2=\"" + Number(x(row.median)) + "\" y2=\"" +
           Number(middle + 8) + "\" stroke=\"#000\" stroke-width=\"2.5\"/>";
    if (row.mean) {
      out += "<circle cx=\"" + Number(x(*row.mean)) + "\" cy=\"" + Number(middle) +
             "\" r=\"2.5\" fill=\"#fff\" stroke=\"#000\"/>";
    }
    if (row.point) {
      const double px = x(*row.point);
      out += "<path d=\"M" + Number(px) + " " + Number(middle - 10) + " l5 5 l-5 5 l-5 -5 z\"" +
             " fill=\"#D55E00\" stroke=\"#000\" stroke-width=\"0.5\"/>";
    }
    out += "</g>";
  }
  double legend_x = 8, legend_y = bottom + 34;
  for (std::size_t k = 0; k < references.size(); ++k) {
    const double at = x(references[k].value);
    const char* dash = k == 0 ? "4 3" : (k == 1 ? "1 2" : "8 2 2 2");
    out += "<line class=\"reference\" x1=\"" + Number(at) + "\" y1=\"" + Number(kTop - 4) +
           "\" x2=\"" + Number(at) + "\" y2=\"" + Number(bottom) +
           "\" stroke=\"#444\" stroke-width=\"1.3\" stroke-dasharray=\"" + dash + "\"/>";
    out += "<line x1=\"" + Number(legend_x) + "\" y1=\"" + Number(legend_y - 4) + "\" x2=\"" +
           Number(legend_x + 20) + "\" y2=\"" + Number(legend_y - 4) +
           "\" stroke=\"#444\" stroke-dasharray=\"" + dash + "\"/>";
    out += "<text x=\"" + Number(legend_x + 24) + "\" y=\"" + Number(legend_y) + "\">" +
           EscapeXml(references[k].label) + " (" + Short(references[k].value) + ")</text>";
    legend_x += 310;
    if (legend_x > 600) {
      legend_x = 8;
      legend_y += 14;
    }
  }
  out += "<text x=\"" + Number(kRight) + "\" y=\"" + Number(bottom + 26) +
         "\" text-anchor=\"end\" fill=\"#555\">band: 10-90 %, bar: median, circle: mean" +
         std::string(rows.empty() || !rows.front().point ? "" : ", diamond: central") + "</text>";
  out += "</svg>";
  return out;
}

std::string TornadoChart(const std::string& title, const ValueAxis& axis, double center,
                         const std::vector<TornadoBar>& bars) {
  constexpr int kWidth = 640;
  constexpr double kLeft = 220, kRight = 600, kTop = 30, kRowHeight = 22;
  const double bottom = kTop + kRowHeight * std::max<std::size_t>(bars.size(), 1);
  const int height = static_cast<int>(bottom + 34);
  const Scale x{axis.low, axis.high, kLeft, kRight};
  std::string out = Open("tornado", kWidth, height, title);
  out += ValueGrid(axis, x, true, kTop, bottom);
  for (std::size_t k = 0; k < bars.size(); ++k) {
    const TornadoBar& bar = bars[k];
    const double middle = kTop + kRowHeight * (static_cast<double>(k) + 0.5);
    const double from = x(std::min(bar.when_low, bar.when_high));
    const double to = x(std::max(bar.when_low, bar.when_high));
    // Blue: the outcome rises with the input; orange: it falls.
    const char* colour = bar.when_high >= bar.when_low ? "#0072B2" : "#E69F00";
    out += "<text x=\"" + Number(kLeft - 8) + "\" y=\"" + Number(middle + 4) +
           "\" text-anchor=\"end\">" + EscapeXml(bar.label) + "</text>";
    out += "<rect class=\"bar\" data-label=\"" + EscapeXml(bar.label) + "\" x=\"" + Number(from) +
           "\" y=\"" + Number(middle - 7) + "\" width=\"" + Number(std::max(1.0, to - from)) +
           "\" height=\"14\" fill=\"" + colour + "\"><title>" + EscapeXml(bar.label) + ": rho " +
           Short(bar.rank_correlation) + ", lowest fifth " + Short(bar.when_low) +
           ", highest fifth " + Short(bar.when_high) + "</title></rect>";
  }
  out += "<line x1=\"" + Number(x(center)) + "\" y1=\"" + Number(kTop - 4) + "\" x2=\"" +
         Number(x(center)) + "\" y2=\"" + Number(bottom) + "\" stroke=\"#000\"/>";
  out += "<text x=\"" + Number(kRight) + "\" y=\"" + Number(bottom + 28) +
         "\" text-anchor=\"end\" fill=\"#555\">bar: mean outcome, input in its lowest vs highest "
         "fifth (blue: rises with it)</text>";
  out += "</svg>";
  return out;
}

}  // namespace statecraft

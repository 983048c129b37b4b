// Positions over rounds: one line per actor, the outcome on top, labels at the line ends.
#include <algorithm>
#include <cmath>

#include "statecraft/report/svg_chart.h"
#include "statecraft/report/svg_layout.h"

namespace statecraft {
namespace {

using svg::Px;

constexpr double kWidth = 680, kLeft = 46, kRight = 440, kPlotHeight = 230;
constexpr double kLabelX = kRight + 16, kLabelWidth = kWidth - kLabelX - 6, kLabelLine = 14;

// Where a series ends up: its last value, or the band it cycles in.
struct Ending {
  double low = std::nan("");
  double high = std::nan("");
  bool Valid() const { return std::isfinite(low); }
};

Ending EndingOf(const LineSeries& line, const std::optional<CycleBand>& cycle) {
  Ending ending;
  if (cycle && !line.emphasised) {
    for (std::size_t round = cycle->from_round; round < line.values.size(); ++round) {
      const double value = line.values[round];
      if (std::isnan(value)) continue;
      ending.low = std::isfinite(ending.low) ? std::min(ending.low, value) : value;
      ending.high = std::isfinite(ending.high) ? std::max(ending.high, value) : value;
    }
    if (ending.Valid()) return ending;
  }
  for (std::size_t round = line.values.size(); round-- > 0;) {
    if (!std::isnan(line.values[round])) return {line.values[round], line.values[round]};
  }
  return ending;
}

// Actors that end at the same place share one label: "USA EU UKR ROK JPN 0".
struct LabelGroup {
  Ending ending;
  std::vector<std::size_t> members;  // series indices
};

std::vector<LabelGroup> GroupEndings(const std::vector<LineSeries>& series,
                                     const std::vector<Ending>& endings, double tolerance) {
  std::vector<LabelGroup> groups;
  for (std::size_t k = 0; k < series.size(); ++k) {
    if (!endings[k].Valid()) continue;
    auto same = std::find_if(groups.begin(), groups.end(), [&](const LabelGroup& group) {
      return series[group.members.front()].emphasised == series[k].emphasised &&
             !series[k].emphasised && std::fabs(group.ending.low - endings[k].low) <= tolerance &&
             std::fabs(group.ending.high - endings[k].high) <= tolerance;
    });
    if (same == groups.end()) {
      groups.push_back({endings[k], {k}});
    } else {
      same->members.push_back(k);
    }
  }
  return groups;
}

std::string Colour(const LineSeries& line) {
  return line.emphasised ? "#000" : svg::PaletteColour(line.style);
}

// A group's label laid out in lines within the label column: marker and name per member, then
// where they end.
struct LaidOutLabel {
  std::vector<std::vector<std::pair<std::size_t, double>>> lines;  // (member, x offset)
  std::string value_text;
  double value_x = 0;  // offset of the value text on the last line
  double Height() const { return kLabelLine * static_cast<double>(lines.size()); }
};

LaidOutLabel LayOut(const LabelGroup& group, const std::vector<LineSeries>& series) {
  LaidOutLabel label;
  label.value_text =
      group.ending.low == group.ending.high
          ? svg::Compact(group.ending.low)
          : svg::Compact(group.ending.low) + "\u2013" + svg::Compact(group.ending.high);
  double x = 0;
  label.lines.emplace_back();
  for (std::size_t member : group.members) {
    // Bold text (the outcome) is about a tenth wider.
    const double width =
        12 + svg::TextWidth(series[member].label, 11) * (series[member].emphasised ? 1.12 : 1.0);
    if (x > 0 && x + width > kLabelWidth) {
      label.lines.emplace_back();
      x = 0;
    }
    label.lines.back().push_back({member, x});
    x += width + 7;
  }
  const double value_width = svg::TextWidth(label.value_text, 11);
  if (x + value_width > kLabelWidth) {
    label.lines.emplace_back();
    x = 0;
  }
  label.value_x = x;
  return label;
}

std::string PolylineOf(const LineSeries& line, const svg::Scale& x, const svg::Scale& y,
                       std::size_t from, std::size_t to) {
  std::string points;
  for (std::size_t round = from; round < std::min(to, line.values.size()); ++round) {
    if (std::isnan(line.values[round])) continue;
    points += Px(x(static_cast<double>(round))) + "," + Px(y(line.values[round])) + " ";
  }
  if (points.empty()) return "";
  points.pop_back();
  const std::string dash = line.emphasised ? "7 3" : svg::DashPattern(line.style);
  return "<polyline class=\"series" + std::string(line.emphasised ? " outcome" : "") +
         "\" data-label=\"" + EscapeXml(line.label) + "\" fill=\"none\" stroke=\"" + Colour(line) +
         "\" stroke-width=\"" + (line.emphasised ? "3.2" : "2") + "\" stroke-linejoin=\"round\"" +
         (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + " points=\"" + points +
         "\"/>";
}

// The plot's geometry, shared by its parts.
struct Plot {
  double top = 0, bottom = 0;
  std::size_t rounds = 0;
  svg::Scale x{0, 1, kLeft, kRight};
  svg::Scale y{0, 100, 0, 1};
  std::optional<CycleBand> band;
  std::vector<std::string> note_lines;  // the band's note, wrapped, above the plot
};

// The band's note with the rounds its strips span, wrapped to the chart's width above the plot
// (a cycle that starts late leaves too little room beside or below its zone for any text).
constexpr double kNoteFont = 10, kNoteLine = 13;
std::vector<std::string> NoteLines(const CycleBand& band, std::size_t rounds) {
  const std::string note = band.note + " over rounds " + std::to_string(band.from_round) +
                           "\u2013" + std::to_string(rounds - 1);
  return svg::WrapText(note, kWidth - kLeft - 10, kNoteFont);
}

// Gridlines at the anchors, the value and round axes, and the cycle's zone.
std::string Axes(const Plot& plot, const ValueAxis& axis) {
  const svg::Scale& x = plot.x;
  const svg::Scale& y = plot.y;
  const double top = plot.top, bottom = plot.bottom;
  const std::size_t rounds = plot.rounds;
  const std::optional<CycleBand>& band = plot.band;
  std::string body;
  const std::vector<double> marks = svg::AxisMarks(axis);
  std::vector<double> mark_y;
  for (double value : marks) mark_y.push_back(y(value));
  const std::vector<bool> labelled = svg::LabelledMarks(mark_y, 12);
  for (std::size_t k = 0; k < marks.size(); ++k) {
    body += svg::Line(kLeft, mark_y[k], kRight, mark_y[k],
                      std::string("stroke=\"") + svg::kGrid + "\"");
    if (!labelled[k]) continue;
    body +=
        svg::Text(kLeft - 6, mark_y[k] + 4, svg::Short(marks[k]),
                  std::string("class=\"tick\" text-anchor=\"end\" fill=\"") + svg::kMuted + "\"");
  }
  const std::size_t step = rounds > 12 ? (rounds + 9) / 10 : 1;
  for (std::size_t round = 0; round < rounds; round += step) {
    // Inside a cycle band only its first and last rounds are marked: the band's strips are not
    // placed by round.
    if (band && static_cast<int>(round) > band->from_round && round + 1 < rounds) continue;
    body += svg::Text(
        x(static_cast<double>(round)), bottom + 15, std::to_string(round),
        std::string("class=\"tick\" text-anchor=\"middle\" fill=\"") + svg::kMuted + "\"");
  }
  body += svg::Text((kLeft + kRight) / 2, bottom + 30, "round",
                    std::string("text-anchor=\"middle\" fill=\"") + svg::kMuted + "\"");
  body += svg::Text(13, (top + bottom) / 2, axis.label,
                    std::string("text-anchor=\"middle\" fill=\"") + svg::kMuted +
                        "\" transform=\"rotate(-90 13 " + Px((top + bottom) / 2) + ")\"");
  if (band) {
    const double from = x(band->from_round);
    body += "<rect class=\"cycle-zone\" x=\"" + Px(from) + "\" y=\"" + Px(top) + "\" width=\"" +
            Px(kRight - from) + "\" height=\"" + Px(kPlotHeight) + "\" fill=\"#f3f4f6\"/>";
    const std::size_t lines = plot.note_lines.size();
    for (std::size_t line = 0; line < lines; ++line) {
      body += svg::Text(
          kLeft, top - 5 - kNoteLine * static_cast<double>(lines - 1 - line), plot.note_lines[line],
          std::string("class=\"cycle-note\" font-size=\"10\" fill=\"") + svg::kMuted + "\"");
    }
  }
  return body;
}

// Where each actor's strip sits in the cycle's zone (0 when it has none), and the strips' width.
// In a cycle band each actor is a strip of its own, side by side across the band, spanning the
// positions it takes over the cycle: strips never hide each other as bands over the same rounds
// would.
std::vector<double> StripPositions(const Plot& plot, const std::vector<LineSeries>& series,
                                   const std::vector<Ending>& endings, double* strip_width) {
  std::vector<double> strip_x(series.size(), 0.0);
  *strip_width = 0.0;
  if (!plot.band) return strip_x;
  std::size_t strips = 0;
  for (std::size_t k = 0; k < series.size(); ++k) {
    strips += !series[k].emphasised && endings[k].Valid() ? 1 : 0;
  }
  const double from = plot.x(plot.band->from_round) + 6;
  const double spacing =
      (kRight - 6 - from) / static_cast<double>(std::max<std::size_t>(strips, 1));
  *strip_width = std::clamp(spacing * 0.45, 3.0, 9.0);
  double at = from + spacing / 2;
  for (std::size_t k = 0; k < series.size(); ++k) {
    if (series[k].emphasised || !endings[k].Valid()) continue;
    strip_x[k] = at;
    at += spacing;
  }
  return strip_x;
}

// The lines, markers and strips of every series, each actor in its own group.
std::string SeriesMarks(const Plot& plot, const std::vector<LineSeries>& series,
                        const std::vector<Ending>& endings) {
  const svg::Scale& x = plot.x;
  const svg::Scale& y = plot.y;
  const std::size_t rounds = plot.rounds;
  const std::optional<CycleBand>& band = plot.band;
  double strip_width = 0.0;
  const std::vector<double> strip_x = StripPositions(plot, series, endings, &strip_width);
  std::string body;
  // Actors, then the emphasised series on top.
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < series.size(); ++k) order.push_back(k);
  std::stable_partition(order.begin(), order.end(),
                        [&](std::size_t k) { return !series[k].emphasised; });
  const bool markers_each_round = rounds <= 16;
  for (std::size_t k : order) {
    const LineSeries& line = series[k];
    const std::string colour = Colour(line);
    const std::size_t line_end =
        band && !line.emphasised ? static_cast<std::size_t>(band->from_round) + 1 : rounds;
    std::string marks = PolylineOf(line, x, y, 0, line_end);
    if (!line.emphasised) {
      for (std::size_t round = 0; round < std::min(line_end, line.values.size()); ++round) {
        if (std::isnan(line.values[round])) continue;
        const bool last = round + 1 == line_end;
        if (!markers_each_round && !last) continue;
        marks += svg::Marker(line.style, x(static_cast<double>(round)), y(line.values[round]),
                             last ? 3.6 : 2.6, colour, " stroke=\"#fff\" stroke-width=\"0.6\"");
      }
      if (band && endings[k].Valid()) {
        const double high = y(endings[k].high), low = y(endings[k].low);
        marks += "<rect class=\"band\" x=\"" + Px(strip_x[k] - strip_width / 2) + "\" y=\"" +
                 Px(high - 1) + "\" width=\"" + Px(strip_width) + "\" height=\"" +
                 Px(low - high + 2) + "\" rx=\"1.5\" fill=\"" + colour +
                 "\" fill-opacity=\"0.3\" stroke=\"" + colour + "\" stroke-width=\"1\"/>";
        std::vector<double> visited;
        for (std::size_t round = band->from_round; round < line.values.size(); ++round) {
          const double value = line.values[round];
          if (std::isnan(value)) continue;
          if (std::any_of(visited.begin(), visited.end(),
                          [&](double seen) { return std::fabs(seen - value) < 1e-9; })) {
            continue;
          }
          visited.push_back(value);
          marks += svg::Marker(line.style, strip_x[k], y(value), 2.8, colour,
                               " stroke=\"#fff\" stroke-width=\"0.6\"");
        }
      }
      body += "<g class=\"actor\" data-actor=\"" + std::to_string(line.style) + "\" data-label=\"" +
              EscapeXml(line.label) + "\">" + marks + "</g>";
    } else {
      body += marks;
    }
  }

  return body;
}

// Direct labels at the line ends, grouped where lines end together, pushed apart. Adds where
// the lowest label ends to *labels_bottom.
std::string DirectLabels(const Plot& plot, const ValueAxis& axis,
                         const std::vector<LineSeries>& series, const std::vector<Ending>& endings,
                         double* labels_bottom) {
  const svg::Scale& y = plot.y;
  const double top = plot.top, bottom = plot.bottom;
  std::string body;
  const double tolerance = (axis.high - axis.low) * 0.004;
  const std::vector<LabelGroup> groups = GroupEndings(series, endings, tolerance);
  std::vector<LaidOutLabel> labels;
  std::vector<svg::LabelSlot> slots;
  for (const LabelGroup& group : groups) {
    labels.push_back(LayOut(group, series));
    const double want = (y(group.ending.low) + y(group.ending.high)) / 2;
    slots.push_back({want, labels.back().Height() + 2});
  }
  const std::vector<double> tops = svg::PlaceLabels(slots, top - 6, bottom + 6);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const LaidOutLabel& label = labels[g];
    const double label_top = tops[g] + 1;
    const double anchor_y = slots[g].want;
    const double first_line_y = label_top + kLabelLine / 2;
    body += svg::Line(kRight + 3, anchor_y, kLabelX - 4, first_line_y,
                      "class=\"leader\" stroke=\"#9aa5b1\" stroke-width=\"0.8\"");
    for (std::size_t l = 0; l < label.lines.size(); ++l) {
      const double line_y = label_top + kLabelLine * (static_cast<double>(l) + 0.5);
      for (const auto& [member, offset] : label.lines[l]) {
        const LineSeries& line = series[member];
        std::string item;
        if (line.emphasised) {
          item += svg::Line(kLabelX + offset, line_y, kLabelX + offset + 9, line_y,
                            "stroke=\"#000\" stroke-width=\"3\"");
        } else {
          item += svg::Marker(line.style, kLabelX + offset + 4.5, line_y, 4, Colour(line));
        }
        item += svg::Text(kLabelX + offset + 12, line_y + 4, line.label,
                          line.emphasised ? "class=\"direct-label\" font-weight=\"bold\""
                                          : "class=\"direct-label\"");
        body += line.emphasised ? item
                                : "<g class=\"actor\" data-actor=\"" + std::to_string(line.style) +
                                      "\">" + item + "</g>";
      }
    }
    body += svg::Text(kLabelX + label.value_x,
                      label_top + kLabelLine * (static_cast<double>(label.lines.size()) - 0.5) + 4,
                      label.value_text,
                      std::string("class=\"end-value\" fill=\"") + svg::kMuted + "\"");
    *labels_bottom = std::max(*labels_bottom, label_top + label.Height());
  }

  return body;
}

}  // namespace

std::string TrajectoryChart(const ChartHeading& heading, const ValueAxis& axis,
                            const std::vector<LineSeries>& series,
                            const std::optional<CycleBand>& cycle) {
  Plot plot;
  for (const LineSeries& line : series) plot.rounds = std::max(plot.rounds, line.values.size());
  const bool banded = cycle && cycle->from_round >= 0 &&
                      static_cast<std::size_t>(cycle->from_round) + 1 < plot.rounds;
  plot.band = banded ? cycle : std::nullopt;
  if (plot.band) plot.note_lines = NoteLines(*plot.band, plot.rounds);
  plot.top = svg::HeaderHeight(heading.subtitle) + 10 +
             kNoteLine * static_cast<double>(plot.note_lines.size());
  plot.bottom = plot.top + kPlotHeight;
  plot.y = {axis.low, axis.high, plot.bottom, plot.top};
  plot.x = {0.0, static_cast<double>(plot.rounds > 1 ? plot.rounds - 1 : 1), kLeft, kRight};

  std::vector<Ending> endings;
  for (const LineSeries& line : series) endings.push_back(EndingOf(line, plot.band));
  double labels_bottom = plot.bottom;
  const std::string body = Axes(plot, axis) + SeriesMarks(plot, series, endings) +
                           DirectLabels(plot, axis, series, endings, &labels_bottom);
  double height = std::max(plot.bottom + 38, labels_bottom + 8);
  const std::string key = svg::AnchorKey(axis, 10, height, kWidth - 20, &height);
  return svg::OpenChart("trajectory", kWidth, height + 6, heading.title, heading.subtitle) + body +
         key + svg::kCloseChart;
}

}  // namespace statecraft

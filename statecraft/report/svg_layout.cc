#include "statecraft/report/svg_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "statecraft/core/exact_scale.h"

namespace statecraft::svg {
namespace {

const char* const kPalette[kPaletteSize] = {"#0072B2", "#E69F00", "#009E73", "#D55E00",
                                            "#56B4E9", "#CC79A7", "#C9B200", "#7F7F7F"};
const char* const kDashes[] = {"", "6 3", "2 2", "8 3 2 3"};

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace

const char* PaletteColour(int index) {
  return kPalette[((index % kPaletteSize) + kPaletteSize) % kPaletteSize];
}

const char* DashPattern(int index) { return kDashes[(std::max(index, 0) / kPaletteSize) % 4]; }

std::string Marker(int index, double x, double y, double radius, const std::string& fill,
                   const std::string& extra_attributes) {
  const std::string attributes = " fill=\"" + fill + "\"" + extra_attributes + "/>";
  const double r = radius;
  auto polygon = [&](const std::vector<std::pair<double, double>>& points) {
    std::string text;
    for (const auto& [dx, dy] : points) text += Px(x + dx * r) + "," + Px(y + dy * r) + " ";
    text.pop_back();
    return "<polygon points=\"" + text + "\"" + attributes;
  };
  switch (((index % kPaletteSize) + kPaletteSize) % kPaletteSize) {
    case 0:
      return "<circle cx=\"" + Px(x) + "\" cy=\"" + Px(y) + "\" r=\"" + Px(r) + "\"" + attributes;
    case 1:
      return polygon({{-0.85, -0.85}, {0.85, -0.85}, {0.85, 0.85}, {-0.85, 0.85}});
    case 2:
      return polygon({{0, -1.1}, {1.05, 0.8}, {-1.05, 0.8}});
    case 3:
      return polygon({{0, -1.2}, {1.1, 0}, {0, 1.2}, {-1.1, 0}});
    case 4:
      return polygon({{0, 1.1}, {1.05, -0.8}, {-1.05, -0.8}});
    case 5:
      return polygon({{0, -1.1}, {1.05, -0.3}, {0.65, 0.95}, {-0.65, 0.95}, {-1.05, -0.3}});
    case 6:
      return polygon({{-0.35, -1},
                      {0.35, -1},
                      {0.35, -0.35},
                      {1, -0.35},
                      {1, 0.35},
                      {0.35, 0.35},
                      {0.35, 1},
                      {-0.35, 1},
                      {-0.35, 0.35},
                      {-1, 0.35},
                      {-1, -0.35},
                      {-0.35, -0.35}});
    default: {
      std::vector<std::pair<double, double>> star;
      for (int k = 0; k < 10; ++k) {
        const double angle = -M_PI / 2 + k * M_PI / 5;
        const double length = k % 2 == 0 ? 1.2 : 0.5;
        star.push_back({length * std::cos(angle), length * std::sin(angle)});
      }
      return polygon(star);
    }
  }
}

std::string Px(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.1f", value);
  return text;
}

std::string Short(double value) {
  if (!std::isfinite(value)) return "-";
  char text[32];
  std::snprintf(text, sizeof(text), "%.4g", value);
  return text;
}

std::string Compact(double value) {
  std::string text = Fixed(value, 1);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text == "-0" ? "0" : text;
}

std::string Fixed(double value, int digits) {
  if (!std::isfinite(value)) return "-";
  char text[48];
  // Beyond 1e15 fixed notation prints digits that mean nothing (and 1e308 has 309 of them).
  if (std::abs(value) >= 1e15) {
    std::snprintf(text, sizeof(text), "%.6g", value);
  } else {
    std::snprintf(text, sizeof(text), "%.*f", digits, value);
  }
  return text;
}

std::string Percent(double share) {
  if (!std::isfinite(share)) return "-";
  char text[32];
  std::snprintf(text, sizeof(text), "%.0f %%", share * 100.0);
  return text;
}

double TextWidth(const std::string& text, double font_size) {
  // UTF-8 continuation bytes do not start a character.
  double characters = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) characters += 1;
  }
  return characters * font_size * 0.6;
}

std::vector<std::string> WrapText(const std::string& text, double width, double font_size) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!word.empty()) {
      const std::string longer = line.empty() ? word : line + " " + word;
      if (!line.empty() && TextWidth(longer, font_size) > width) {
        lines.push_back(line);
        line = word;
      } else {
        line = longer;
      }
    }
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// Scales near the ends of the double range (±1e308, where high - low overflows) are mapped
// exactly (exact_scale.h); a value that is not a number lands in the middle, never at "nan".
double Scale::operator()(double value) const {
  double t = high > low ? UnitPosition(value, low, high) : 0.5;
  if (std::isnan(t)) t = 0.5;
  return from + std::clamp(t, -0.05, 1.05) * (to - from);
}

std::vector<double> NiceTicks(double low, double high, int target_count) {
  if (!(high > low) || !std::isfinite(low) || !std::isfinite(high)) return {low};
  // A scale wider than the largest double (±1e308): its ends and middle, computed exactly.
  if (!std::isfinite(high - low)) return {low, ScalePosition(0.5, low, high), high};
  const double raw = (high - low) / std::max(target_count, 1);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double factor : {1.0, 2.0, 5.0, 10.0}) {
    step = factor * power;
    if (step >= raw) break;
  }
  // Counted in steps, not by adding them: a range of a few units in the last place of large
  // values (1.7976931348623155e308 to ...57e308) has steps below the doubles' resolution, where
  // value + step == value.
  const double first = std::ceil(low / step - 1e-9);
  const double last = std::floor(high / step + 1e-9);
  const int count =
      last - first >= 0.0 && last - first <= 100.0 ? static_cast<int>(last - first) : -1;
  std::vector<double> ticks;
  for (int index = 0; index <= count; ++index) {
    double value = (first + index) * step;
    if (std::fabs(value) < step * 1e-9) value = 0.0;
    if (value > high + step * 1e-9) continue;
    if (ticks.empty() || value > ticks.back()) ticks.push_back(value);
  }
  if (ticks.empty()) return {low, high};
  return ticks;
}

std::string Text(double x, double y, const std::string& content, const std::string& attributes) {
  return "<text x=\"" + Px(x) + "\" y=\"" + Px(y) + "\"" +
         (attributes.empty() ? "" : " " + attributes) + ">" + EscapeXml(content) + "</text>";
}

std::string Line(double x1, double y1, double x2, double y2, const std::string& attributes) {
  return "<line x1=\"" + Px(x1) + "\" y1=\"" + Px(y1) + "\" x2=\"" + Px(x2) + "\" y2=\"" + Px(y2) +
         "\" " + attributes + "/>";
}

double HeaderHeight(const std::string& subtitle) { return subtitle.empty() ? 30 : 46; }

std::string OpenChart(const std::string& kind, double width, double height,
                      const std::string& title, const std::string& subtitle) {
  const std::string w = std::to_string(static_cast<int>(std::ceil(width)));
  const std::string h = std::to_string(static_cast<int>(std::ceil(height)));
  const std::string label = subtitle.empty() ? title : title + " (" + subtitle + ")";
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"" +
                    kind + "\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " +
                    h + "\" role=\"img\" aria-label=\"" + EscapeXml(label) + "\" font-family=\"" +
                    kFont + "\" font-size=\"11\" fill=\"" + kInk + "\"><title>" + EscapeXml(label) +
                    "</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>";
  out += Text(10, 19, title, "class=\"chart-title\" font-size=\"13.5\" font-weight=\"bold\"");
  if (!subtitle.empty()) {
    out += Text(10, 36, subtitle, std::string("class=\"chart-subtitle\" fill=\"") + kMuted + "\"");
  }
  return out;
}

std::vector<double> AxisMarks(const ValueAxis& axis) {
  std::vector<double> marks;
  for (const AxisAnchor& anchor : axis.anchors) {
    if (anchor.value >= axis.low && anchor.value <= axis.high) marks.push_back(anchor.value);
  }
  if (marks.size() >= 2) {
    std::sort(marks.begin(), marks.end());
    marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
    return marks;
  }
  return NiceTicks(axis.low, axis.high, 4);
}

std::vector<bool> LabelledMarks(const std::vector<double>& at, double gap) {
  std::vector<bool> labelled(at.size(), false);
  double last = -1e300;
  for (std::size_t k = 0; k < at.size(); ++k) {
    if (std::fabs(at[k] - last) >= gap) {
      labelled[k] = true;
      last = at[k];
    }
  }
  return labelled;
}

std::string AnchorKey(const ValueAxis& axis, double x, double y, double width, double* height) {
  constexpr double kSize = 10.5, kLine = 13.5;
  std::string text = "Scale of " + axis.label + ": ";
  if (axis.anchors.empty()) {
    text += Short(axis.low) + " to " + Short(axis.high) + " (no anchors declared)";
  } else {
    std::vector<AxisAnchor> anchors = axis.anchors;
    std::stable_sort(anchors.begin(), anchors.end(),
                     [](const AxisAnchor& a, const AxisAnchor& b) { return a.value < b.value; });
    for (std::size_t k = 0; k < anchors.size(); ++k) {
      text += (k == 0 ? "" : " \u00b7 ") + Short(anchors[k].value) + " = " + anchors[k].meaning;
    }
  }
  std::string out = "<g class=\"anchors\">";
  const std::vector<std::string> lines = WrapText(text, width, kSize);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    out += Text(x, y + kSize + kLine * static_cast<double>(k), lines[k],
                std::string("font-size=\"10.5\" fill=\"") + kMuted + "\"");
  }
  *height += kLine * static_cast<double>(lines.size()) + 4;
  return out + "</g>";
}

std::string FlowLegend(const std::vector<LegendEntry>& entries, double x, double y, double width,
                       double* height) {
  constexpr double kRow = 16, kSwatch = 22, kGap = 16;
  std::string out = "<g class=\"legend\">";
  double at_x = x, at_y = y;
  for (const LegendEntry& entry : entries) {
    const std::string shown = entry.value.empty() ? entry.text : entry.text + " " + entry.value;
    const double entry_width = kSwatch + 5 + TextWidth(shown, 11);
    if (at_x > x && at_x + entry_width > x + width) {
      at_x = x;
      at_y += kRow;
    }
    out += Replace(Replace(entry.swatch, "{X}", Px(at_x)), "{Y}", Px(at_y + 2));
    out += "<text x=\"" + Px(at_x + kSwatch + 5) + "\" y=\"" + Px(at_y + 11) + "\">" +
           EscapeXml(entry.text);
    if (!entry.value.empty()) {
      out += " <tspan " + entry.value_attributes + ">" + EscapeXml(entry.value) + "</tspan>";
    }
    out += "</text>";
    at_x += entry_width + kGap;
  }
  *height += entries.empty() ? 0 : at_y - y + kRow + 2;
  return out + "</g>";
}

std::vector<double> PlaceLabels(const std::vector<LabelSlot>& slots, double top, double bottom) {
  std::vector<std::size_t> order(slots.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return slots[a].want < slots[b].want; });
  // Each label starts centred on its line, then labels are pushed down past the one above,
  // and, if the last one ends below the bottom, pushed up again past the one below (never above
  // the top): the classic two-pass spreading of direct labels.
  std::vector<double> tops(slots.size());
  double floor = top;
  for (std::size_t k : order) {
    tops[k] = std::max(slots[k].want - slots[k].height / 2, floor);
    floor = tops[k] + slots[k].height;
  }
  double ceiling = bottom;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const std::size_t k = *it;
    if (tops[k] + slots[k].height > ceiling) tops[k] = ceiling - slots[k].height;
    ceiling = tops[k];
  }
  // Labels that do not fit between top and bottom are stacked downwards from the top.
  floor = top;
  for (std::size_t k : order) {
    tops[k] = std::max(tops[k], floor);
    floor = tops[k] + slots[k].height;
  }
  return tops;
}

}  // namespace statecraft::svg

// The drawing kit the report's charts share (internal to statecraft/report): the palette and
// markers that tell actors apart, number and text formatting, text measurement and wrapping,
// the value axis with its scale anchors, flowing legends, and direct labels pushed apart so that
// none hides another.
//
// Text widths are estimated (no font metrics are available when the SVG is written): a
// character is taken as 0.6 em, the width of DejaVu Sans digits and wider than most sans-serif
// letters, so that laid-out text does not run into its neighbours in any common font.
#ifndef STATECRAFT_REPORT_SVG_LAYOUT_H_
#define STATECRAFT_REPORT_SVG_LAYOUT_H_

#include <string>
#include <vector>

#include "statecraft/report/svg_chart.h"

namespace statecraft::svg {

// Okabe & Ito (2008), the eight colours readers with any common colour-vision deficiency tell
// apart, with black kept for outcomes, the neutral grey added, and yellow darkened so that a thin
// line of it shows on white. Actor k is drawn in colour k % 8 with marker k % 8 (every one of the
// first eight differs in both) and dash pattern k / 8 % 4 (so 32 actors differ in some way).
inline constexpr int kPaletteSize = 8;
const char* PaletteColour(int index);
const char* DashPattern(int index);  // "" for solid
// A closed marker shape (circle, square, triangle, diamond, inverted triangle, pentagon,
// cross, star) of the given radius centred on (x, y), as an SVG element.
std::string Marker(int index, double x, double y, double radius, const std::string& fill,
                   const std::string& extra_attributes = "");

inline constexpr char kInk[] = "#1f2933";    // text and marks
inline constexpr char kMuted[] = "#52606d";  // secondary text
inline constexpr char kGrid[] = "#e4e7eb";
inline constexpr char kFont[] =
    "'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Helvetica, Arial, sans-serif";

// Pixel coordinates with one decimal.
std::string Px(double value);
// A value as the charts print it: up to four significant digits ("12.5", "0.3333").
std::string Short(double value);
// A value with one decimal, without a trailing ".0" ("64.1", "95").
std::string Compact(double value);
// A value with a fixed number of decimals ("12.5"), or "-" when not finite.
std::string Fixed(double value, int digits);
// A share as a whole percentage ("62 %").
std::string Percent(double share);

double TextWidth(const std::string& text, double font_size);
// Splits text at spaces into lines no wider than width (a single long word keeps its line).
std::vector<std::string> WrapText(const std::string& text, double width, double font_size);

// Maps a value of [low, high] to pixels [from, to]; values outside are held 5 % beyond the edge.
struct Scale {
  double low, high, from, to;
  double operator()(double value) const;
};

// Round tick values covering [low, high] (steps of 1, 2 or 5 times a power of ten).
std::vector<double> NiceTicks(double low, double high, int target_count);

// <text> with the given attributes; the content is escaped.
std::string Text(double x, double y, const std::string& content,
                 const std::string& attributes = "");
std::string Line(double x1, double y1, double x2, double y2, const std::string& attributes);

// The opening of a chart: the <svg> element (data-chart names its kind), its accessible title,
// a white background, the title and, below it, the subtitle (what the chart shows: model, plan,
// draws). Returns the markup; the plot starts at HeaderHeight(subtitle).
std::string OpenChart(const std::string& kind, double width, double height,
                      const std::string& title, const std::string& subtitle);
double HeaderHeight(const std::string& subtitle);
inline constexpr char kCloseChart[] = "</svg>";

// The values an axis marks: the anchors when it declares some within [low, high],
// otherwise five round ticks.
std::vector<double> AxisMarks(const ValueAxis& axis);

// Which of the marks (in order along the axis, at pixels `at`) get a printed label: each at least
// `gap` pixels from the last one labelled, so that close anchors (90 and 100) do not print over
// each other; their gridlines are drawn all the same.
std::vector<bool> LabelledMarks(const std::vector<double>& at, double gap);

// Below a chart: what the values of the issue's scale mean ("0 no transfers · 50 the 2023 rate
// · ..."), wrapped to width. Returns the markup and adds its height to *height.
std::string AnchorKey(const ValueAxis& axis, double x, double y, double width, double* height);

// A legend entry: a swatch (markup drawn in a 22 x 12 box whose top-left corner is given to
// `swatch`) and its text.
struct LegendEntry {
  std::string swatch;  // markup with {X} and {Y} placeholders for the box's corner
  std::string text;
  std::string value;             // a figure printed after the text, if any
  std::string value_attributes;  // on the figure (data-path, data-format)
};
// Entries flowed left to right, wrapping within width; returns the markup and adds its height.
std::string FlowLegend(const std::vector<LegendEntry>& entries, double x, double y, double width,
                       double* height);

// Direct labels: each wants to sit at `want` (its line's last y); they are pushed apart so that
// no two overlap (each `height` tall), staying within [top, bottom] when they fit. Returns the
// y of each label's top, in the given order.
struct LabelSlot {
  double want = 0.0;
  double height = 12.0;
};
std::vector<double> PlaceLabels(const std::vector<LabelSlot>& slots, double top, double bottom);

}  // namespace statecraft::svg

#endif  // STATECRAFT_REPORT_SVG_LAYOUT_H_

#include "statecraft/core/number_text.h"

#include <charconv>
#include <cmath>
#include <string_view>
#include <system_error>

namespace statecraft {
namespace {

// `value` with `precision` significant digits as printf's %.*g writes it in the C locale (the
// shortest form: no trailing zeros), whatever the program's locale.
std::string_view Digits(double value, int precision, char (&buffer)[40]) {
  const auto written =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::general, precision);
  return std::string_view(buffer, static_cast<std::size_t>(written.ptr - buffer));
}

// True when the text reads back as exactly `value` (correctly rounded, as strtod reads it).
bool ReadsBackAs(std::string_view text, double value) {
  double read = 0.0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), read);
  return parsed.ec == std::errc() && read == value;
}

}  // namespace

std::string NumberText(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == std::trunc(value) && std::abs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[40];
  // Seventeen significant digits always round-trip (IEEE 754 binary64).
  for (int precision = 1; precision < 17; ++precision) {
    const std::string_view text = Digits(value, precision, buffer);
    if (ReadsBackAs(text, value)) return std::string(text);
  }
  return std::string(Digits(value, 17, buffer));
}

double ValueOnScale(double value, double scale) {
  const double scaled = value * scale;
  if (!std::isfinite(scaled)) return scaled;
  char buffer[40];
  for (int precision = 1; precision <= 17; ++precision) {
    const std::string_view text = Digits(scaled, precision, buffer);
    double candidate = 0.0;
    const auto parsed = std::from_chars(text.data(), text.data() + text.size(), candidate);
    if (parsed.ec == std::errc() && candidate / scale == value) return candidate;
  }
  return scaled;
}

}  // namespace statecraft

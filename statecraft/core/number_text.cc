#include "statecraft/core/number_text.h"

#include <cmath>
#include <cstdlib>
#include <sstream>

namespace statecraft {

std::string NumberText(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == std::trunc(value) && std::abs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  // Seventeen significant digits always round-trip (IEEE 754 binary64).
  for (int precision = 1; precision < 17; ++precision) {
    std::ostringstream out;
    out.precision(precision);
    out << value;
    if (std::strtod(out.str().c_str(), nullptr) == value) return out.str();
  }
  std::ostringstream out;
  out.precision(17);
  out << value;
  return out.str();
}

double ValueOnScale(double value, double scale) {
  const double scaled = value * scale;
  if (!std::isfinite(scaled)) return scaled;
  for (int precision = 1; precision <= 17; ++precision) {
    std::ostringstream out;
    out.precision(precision);
    out << scaled;
    const double candidate = std::strtod(out.str().c_str(), nullptr);
    if (candidate / scale == value) return candidate;
  }
  return scaled;
}

}  // namespace statecraft

#include "statecraft/analysis/student_t.h"

#include <cassert>
#include <cmath>
#include <numbers>

namespace statecraft {

double StudentTCentralProbability(double t, int degrees_of_freedom) {
  assert(degrees_of_freedom >= 1 && t >= 0);
  // With θ = atan(t / √ν), A(t | ν) is a finite series in cos²θ (Abramowitz & Stegun 26.7.3 for
  // odd ν, 26.7.4 for even ν): exact, and cheap for the few degrees of freedom a gallery has.
  const double nu = degrees_of_freedom;
  const double theta = std::atan(t / std::sqrt(nu));
  const double cosine_squared = std::cos(theta) * std::cos(theta);
  double sum = 1.0;
  double term = 1.0;
  if (degrees_of_freedom % 2 == 1) {
    if (degrees_of_freedom == 1) return 2.0 * theta / std::numbers::pi;
    // 1 + (2/3) c² + (2·4)/(3·5) c⁴ + … up to the power ν − 3.
    for (int k = 2; k <= degrees_of_freedom - 3; k += 2) {
      term *= cosine_squared * k / (k + 1);
      sum += term;
    }
    return 2.0 / std::numbers::pi * (theta + std::sin(theta) * std::cos(theta) * sum);
  }
  // 1 + (1/2) c² + (1·3)/(2·4) c⁴ + … up to the power ν − 2.
  for (int k = 1; k <= degrees_of_freedom - 3; k += 2) {
    term *= cosine_squared * k / (k + 1);
    sum += term;
  }
  return std::sin(theta) * sum;
}

double StudentTQuantile(double probability, int degrees_of_freedom) {
  assert(probability > 0.5 && probability < 1.0);
  // P(T <= t) = (1 + A(t)) / 2 is increasing in t: bisect A(t) = 2p − 1. The bracket holds for
  // every p a report asks for (0.9995 with one degree of freedom is t ≈ 637).
  const double central = 2.0 * probability - 1.0;
  double low = 0.0;
  double high = 1.0;
  while (StudentTCentralProbability(high, degrees_of_freedom) < central) high *= 2.0;
  for (int step = 0; step < 200 && high - low > 1e-13 * high; ++step) {
    const double middle = 0.5 * (low + high);
    if (StudentTCentralProbability(middle, degrees_of_freedom) < central) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return 0.5 * (low + high);
}

}  // namespace statecraft

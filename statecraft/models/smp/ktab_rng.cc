// KTAB's random number generator and its `--euSMP` scenario generator, docs/models/smp.md §4.13.
#include <cmath>
#include <cstdio>

#include "statecraft/models/smp/smp.h"

namespace statecraft {
namespace {

// KBase::PRNG's qTrans: a fixed-point-free bijection of 64-bit integers applied to every engine
// output (unsigned arithmetic wraps modulo 2^64 as KTAB's does).
std::uint64_t QTrans(std::uint64_t value) {
  return (value + 0xE08C1D668B756F83ULL) * (2 * value + 3);
}

}  // namespace

std::uint64_t KtabPrng::Next() { return QTrans(engine_()); }

double KtabPrng::Uniform(double low, double high) {
  // 2^64 − 1 rounds to 2^64 as a double, exactly as in KTAB.
  const double scale = static_cast<double>(~std::uint64_t{0});
  return low + (high - low) * (static_cast<double>(Next()) / scale);
}

SmpInput KtabRandomInput(std::uint64_t seed, bool random_accommodation) {
  KtabPrng rng(seed);
  SmpInput input;
  input.actor_count = static_cast<int>(std::exp(rng.Uniform(std::log(4.0), std::log(25.0))) + 0.5);
  input.dimension_count = 1 + static_cast<int>(rng.Next() % 3);
  const int n = input.actor_count;
  const int d = input.dimension_count;
  input.capability.resize(n);
  input.salience.resize(static_cast<std::size_t>(n) * d);
  input.position.resize(static_cast<std::size_t>(n) * d);
  std::vector<double> raw(d);
  for (int i = 0; i < n; ++i) {
    input.capability[i] = rng.Uniform(10.0, 200.0);
    const double total = rng.Uniform(0.75, 0.99);
    double raw_sum = 0.0;
    for (int k = 0; k < d; ++k) {
      raw[k] = rng.Uniform(0.1, 1.0);
      raw_sum += raw[k];
    }
    for (int k = 0; k < d; ++k) input.salience[i * d + k] = total * raw[k] / raw_sum;
    // KTAB draws each actor's (logging-only) voting rule here; the draw must still be consumed.
    rng.Uniform(0.0, 5.99);
    for (int k = 0; k < d; ++k) input.position[i * d + k] = rng.Uniform(0.0, 1.0);
  }
  if (random_accommodation) {
    input.accommodation.assign(static_cast<std::size_t>(n) * n, 0.0);
    for (int i = 0; i < n; ++i) input.accommodation[i * n + i] = rng.Uniform(0.1, 0.5);
  }
  return input;
}

Scenario KtabRandomScenario(std::uint64_t seed) {
  const SmpInput input = KtabRandomInput(seed, false);
  Scenario scenario;
  scenario.name = "euSMP-" + std::to_string(seed);
  scenario.description = "KTAB --euSMP random scenario, seed " + std::to_string(seed);
  scenario.sources.push_back("generated like KTAB's smpc --euSMP --seed " + std::to_string(seed));
  char buffer[32];
  for (int i = 0; i < input.actor_count; ++i) {
    std::snprintf(buffer, sizeof(buffer), "SActor-%02d", i);
    scenario.actors.push_back({buffer, "Random spatial actor", Estimate(input.capability[i])});
  }
  for (int k = 0; k < input.dimension_count; ++k) {
    Issue issue;
    std::snprintf(buffer, sizeof(buffer), "SDim-%02d", k);
    issue.name = buffer;
    issue.scale_low = 0.0;
    issue.scale_high = 100.0;
    scenario.issues.push_back(std::move(issue));
  }
  scenario.ResizeStakes();
  const int d = input.dimension_count;
  for (int i = 0; i < input.actor_count; ++i) {
    for (int k = 0; k < d; ++k) {
      scenario.SetStake(i, k,
                        Stake{Estimate(100.0 * input.position[i * d + k]),
                              Estimate(input.salience[i * d + k]), std::nullopt, ""});
    }
  }
  scenario.Validate();
  return scenario;
}

}  // namespace statecraft

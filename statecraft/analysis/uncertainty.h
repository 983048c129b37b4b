// Uncertainty: every ranged number of a scenario (low / central / high) becomes a distribution,
// triangular on (low, central, high) by default or uniform on [low, high] on request.
//
// Determinism: draw k of an analysis with seed S uses its own engine seeded from (S, k, stream)
// through splitmix64, so a draw's values do not depend on which thread computes it or in what
// order — results are identical for any thread count. The engine is std::mt19937_64 (its output
// sequence is fixed by the C++ standard) and the distributions are our own inverse-CDF code
// (the std:: distributions differ between standard libraries).
#ifndef STATECRAFT_ANALYSIS_UNCERTAINTY_H_
#define STATECRAFT_ANALYSIS_UNCERTAINTY_H_

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "statecraft/core/estimate.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

enum class Distribution { kTriangular, kUniform };

const char* DistributionName(Distribution distribution);
// "triangular" or "uniform"; InputError otherwise.
Distribution ParseDistribution(const std::string& name);

// One step of splitmix64 (Steele, Lea & Flood 2014): a bijective mix of 64 bits.
std::uint64_t SplitMix64(std::uint64_t value);

// The seed of draw `draw` in random stream `stream` of an analysis seeded with `seed`. Streams
// keep the scenario's numbers, each lever's magnitude and a stochastic model's own seed apart,
// so adding a lever to a plan leaves every other number of the draw unchanged.
std::uint64_t DrawSeed(std::uint64_t seed, std::uint64_t draw, std::uint64_t stream);

// Random streams (DrawSeed's third argument).
constexpr std::uint64_t kScenarioStream = 0;
constexpr std::uint64_t kModelStream = 1;
constexpr std::uint64_t kLeverStreamBase = 1000;         // + the lever's index in its file
constexpr std::uint64_t kCounterLeverStreamBase = 2000;  // + the counter-lever's index

// Uniform numbers in [0, 1) from a fixed engine: the top 53 bits of mt19937_64.
class DrawRandom {
 public:
  explicit DrawRandom(std::uint64_t seed) : engine_(seed) {}
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

 private:
  std::mt19937_64 engine_;
};

// The inverse CDF of the triangular distribution on [low, high] with mode `mode`, at u ∈ [0, 1).
double TriangularQuantile(double low, double mode, double high, double u);

// A draw of the estimate: its central value when it has no range.
double SampleEstimate(const Estimate& estimate, Distribution distribution, double u);

// The ranged numbers of a scenario in a fixed order (actors' capabilities, then per stake
// position, salience and capability, then the issues' reference points), and how to write one
// draw of them into a copy of the scenario.
class ScenarioSampler {
 public:
  ScenarioSampler(const Scenario& scenario, Distribution distribution);

  // "RUS capability", "PRK munitions salience", "munitions reference point"; saliences are
  // labelled on the 0–1 scale the engine uses.
  const std::vector<std::string>& labels() const { return labels_; }
  std::size_t size() const { return slots_.size(); }

  // The scenario the draws start from: a copy without descriptions, sources and anchors (they
  // play no part in a model run), so copying it per draw is cheap.
  const Scenario& base() const { return base_; }

  // Writes draw `draw_seed` into `scenario` (a copy of base()): every ranged number becomes a
  // point at its draw; the drawn values are stored in values[0 .. size()).
  void Sample(std::uint64_t draw_seed, Scenario& scenario, double* values) const;

 private:
  enum class Field { kActorCapability, kPosition, kSalience, kStakeCapability, kReferencePoint };
  struct Slot {
    Field field;
    int actor;
    int issue;
    Estimate estimate;
  };
  Scenario base_;
  Distribution distribution_;
  std::vector<Slot> slots_;
  std::vector<std::string> labels_;
};

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_UNCERTAINTY_H_

#include "statecraft/analysis/uncertainty.h"

#include <algorithm>
#include <cmath>

#include "statecraft/core/error.h"
#include "statecraft/core/exact_scale.h"

namespace statecraft {

const char* DistributionName(Distribution distribution) {
  return distribution == Distribution::kUniform ? "uniform" : "triangular";
}

Distribution ParseDistribution(const std::string& name) {
  if (name == "triangular") return Distribution::kTriangular;
  if (name == "uniform") return Distribution::kUniform;
  throw InputError("unknown distribution '" + name + "'; expected triangular or uniform");
}

std::uint64_t SplitMix64(std::uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

std::uint64_t DrawSeed(std::uint64_t seed, std::uint64_t draw, std::uint64_t stream) {
  // Chained mixing: distinct (seed, draw, stream) triples give unrelated engine seeds.
  return SplitMix64(SplitMix64(SplitMix64(seed) ^ draw) ^ (stream * 0xd1342543de82ef95ULL));
}

double TriangularQuantile(double low, double mode, double high, double u) {
  if (!(high > low)) return mode;
  const double width = high - low;
  const double split = (mode - low) / width;  // the CDF at the mode
  if (u < split) return low + std::sqrt(u * width * (mode - low));
  return high - std::sqrt((1.0 - u) * width * (high - mode));
}

double SampleEstimate(const Estimate& estimate, Distribution distribution, double u) {
  if (!estimate.IsRanged()) return estimate.central;
  const double low = estimate.Low();
  const double high = estimate.High();
  const int exponent = ScaleExponent(low, high);
  if (exponent != 0) {
    // Ranges far from 1 ([-1e308, 1e308], where the width overflows; [0, 1e200], where the
    // triangular quantile's product of widths does) are sampled brought into the band of
    // exact_scale.h: the quantile scales exactly with its range, the square root included.
    const Estimate scaled(ScaleByPowerOfTwo(low, exponent),
                          ScaleByPowerOfTwo(estimate.central, exponent),
                          ScaleByPowerOfTwo(high, exponent));
    return std::clamp(ScaleByPowerOfTwo(SampleEstimate(scaled, distribution, u), -exponent), low,
                      high);
  }
  if (distribution == Distribution::kUniform) return low + u * (high - low);
  return std::clamp(TriangularQuantile(low, estimate.central, high, u), low, high);
}

namespace {

void MakePoint(Estimate& estimate, double value) {
  estimate.central = value;
  estimate.low.reset();
  estimate.high.reset();
}

}  // namespace

ScenarioSampler::ScenarioSampler(const Scenario& scenario, Distribution distribution)
    : base_(scenario), distribution_(distribution) {
  base_.description.clear();
  base_.sources.clear();
  for (Actor& actor : base_.actors) actor.description.clear();
  for (Issue& issue : base_.issues) {
    issue.description.clear();
    issue.anchors.clear();
  }
  for (auto& stake : base_.stakes) {
    if (stake) stake->source.clear();
  }
  auto add = [&](Field field, int actor, int issue, const Estimate& estimate,
                 const std::string& label) {
    if (!estimate.IsRanged()) return;
    slots_.push_back({field, actor, issue, estimate});
    labels_.push_back(label);
  };
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    add(Field::kActorCapability, actor, -1, scenario.actors[actor].capability,
        scenario.actors[actor].name + " capability");
  }
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      if (!scenario.HasStake(actor, issue)) continue;
      const Stake& stake = scenario.StakeOf(actor, issue);
      const std::string prefix =
          scenario.actors[actor].name + " " + scenario.issues[issue].name + " ";
      add(Field::kPosition, actor, issue, stake.position, prefix + "position");
      add(Field::kSalience, actor, issue, stake.salience, prefix + "salience");
      if (stake.capability) {
        add(Field::kStakeCapability, actor, issue, *stake.capability, prefix + "capability");
      }
    }
  }
  for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
    if (scenario.issues[issue].reference_point) {
      add(Field::kReferencePoint, -1, issue, *scenario.issues[issue].reference_point,
          scenario.issues[issue].name + " reference point");
    }
  }
}

void ScenarioSampler::Sample(std::uint64_t draw_seed, Scenario& scenario, double* values) const {
  DrawRandom random(draw_seed);
  for (std::size_t k = 0; k < slots_.size(); ++k) {
    const Slot& slot = slots_[k];
    const double value = SampleEstimate(slot.estimate, distribution_, random.Uniform());
    values[k] = value;
    switch (slot.field) {
      case Field::kActorCapability:
        MakePoint(scenario.actors[slot.actor].capability, value);
        break;
      case Field::kPosition:
        MakePoint(scenario.MutableStake(slot.actor, slot.issue).position, value);
        break;
      case Field::kSalience:
        MakePoint(scenario.MutableStake(slot.actor, slot.issue).salience, value);
        break;
      case Field::kStakeCapability:
        MakePoint(*scenario.MutableStake(slot.actor, slot.issue).capability, value);
        break;
      case Field::kReferencePoint:
        MakePoint(*scenario.issues[slot.issue].reference_point, value);
        break;
    }
  }
}

}  // namespace statecraft

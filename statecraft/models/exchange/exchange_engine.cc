// The exchange engine's state: reading the scenario onto the 0–100 scale, the rounds of a run,
// outcomes, and the candidate list ordered as Decide's re-sorted list (§2.6, §2.15). Section
// numbers (§) refer to docs/models/exchange.md.
#include "statecraft/models/exchange/exchange_engine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "statecraft/core/exact_scale.h"

namespace statecraft::exchange_internal {

Engine::Engine(const Scenario& scenario, const ExchangeOptions& options, std::uint64_t seed,
               bool with_detail)
    : scenario_(scenario),
      options_(options),
      seed_(seed),
      with_detail_(with_detail),
      actor_count_(scenario.ActorCount()),
      issue_count_(scenario.IssueCount()) {
  scenario.CheckEveryIssueHasPositions();
  const std::size_t cells = static_cast<std::size_t>(actor_count_) * issue_count_;
  // Capabilities far from 1 are brought into the band of exact_scale.h (the model is invariant
  // to their unit up to powers of two); gains are reported in the input's unit.
  std::vector<double> capabilities;
  for (int a = 0; a < actor_count_; ++a) {
    for (int d = 0; d < issue_count_; ++d) {
      if (scenario.HasStake(a, d)) capabilities.push_back(scenario.Capability(a, d));
    }
  }
  capability_exponent_ = BandExponentOf(capabilities);
  present_.assign(cells, 0);
  eligible_.assign(cells, 0);
  preference_.assign(cells, std::numeric_limits<double>::quiet_NaN());
  salience_.assign(cells, 0.0);
  weight_.assign(cells, 0.0);
  denominator_.assign(issue_count_, 0.0);
  for (int a = 0; a < actor_count_; ++a) {
    for (int d = 0; d < issue_count_; ++d) {
      if (!scenario.HasStake(a, d)) continue;
      const std::size_t cell = Cell(a, d);
      const Issue& issue = scenario.issues[d];
      present_[cell] = 1;
      // §2.1: all computations on the 0–100 scale. Rounding can put a position at an end of
      // the scale an ulp outside [0, 100], where no vote may go (§2.5 step 7): held to it.
      preference_[cell] = std::clamp(ToHundred(issue, scenario.Position(a, d)), 0.0, 100.0);
      salience_[cell] = scenario.Salience(a, d);
      weight_[cell] =
          ScaleByPowerOfTwo(scenario.Capability(a, d), capability_exponent_) * salience_[cell];
      denominator_[d] += weight_[cell];
      // A3: an actor without weight on an issue cannot trade on it (its moves would have no
      // effect, and the move formulas divide by its weight).
      eligible_[cell] = weight_[cell] > 0.0 ? 1 : 0;
    }
  }
}

Forecast Engine::Run() {
  Forecast forecast;
  Round first;
  first.positions = InputPositions(scenario_);
  first.outcome = Denormalize(Outcomes(preference_));
  forecast.rounds.push_back(std::move(first));
  gains_.assign(actor_count_, 0.0);
  exchange_counts_.assign(actor_count_, 0);
  // docs/models/exchange.md §2.8 recommends an optional convergence rule: stop once no
  // round-to-round outcome change exceeds `convergence` (on the issue's own scale); 0 runs all
  // rounds.
  for (int round = 1; round <= options_.rounds; ++round) {
    forecast.rounds.push_back(RunRound(round));
    if (options_.convergence > 0.0 && round > 1) {
      const std::vector<double>& now = forecast.rounds[round].outcome;
      const std::vector<double>& before = forecast.rounds[round - 1].outcome;
      double largest = 0.0;
      for (int d = 0; d < issue_count_; ++d) {
        largest = std::max(largest, std::abs(now[d] - before[d]));
      }
      if (largest < options_.convergence) break;
    }
  }
  forecast.outcome = forecast.rounds.back().outcome;
  if (!with_detail_) return forecast;
  Detail gains = Detail::MakeObject();
  Detail counts = Detail::MakeObject();
  for (int a = 0; a < actor_count_; ++a) {
    gains.Set(scenario_.actors[a].name, InputUnits(gains_[a]));
    counts.Set(scenario_.actors[a].name, exchange_counts_[a]);
  }
  forecast.detail.Set("gains", std::move(gains));
  forecast.detail.Set("exchange_count", std::move(counts));
  return forecast;
}

std::vector<double> Engine::Outcomes(const std::vector<double>& positions) const {
  std::vector<double> outcome(issue_count_, 0.0);
  for (int d = 0; d < issue_count_; ++d) {
    double weighted = 0.0;
    double plain = 0.0;
    int count = 0;
    for (int a = 0; a < actor_count_; ++a) {
      const std::size_t cell = Cell(a, d);
      if (!present_[cell]) continue;
      weighted += weight_[cell] * positions[cell];
      plain += positions[cell];
      ++count;
    }
    outcome[d] =
        denominator_[d] > 0.0 ? weighted / denominator_[d] : (count > 0 ? plain / count : 0.0);
  }
  return outcome;
}

double Engine::ToHundred(const Issue& issue, double position) {
  const int exponent = ScaleExponent(issue.scale_low, issue.scale_high);
  const double low = ScaleByPowerOfTwo(issue.scale_low, exponent);
  const double high = ScaleByPowerOfTwo(issue.scale_high, exponent);
  return (ScaleByPowerOfTwo(position, exponent) - low) * 100.0 / (high - low);
}

double Engine::Denormalize(int issue, double value) const {
  const Issue& scale = scenario_.issues[issue];
  const int exponent = ScaleExponent(scale.scale_low, scale.scale_high);
  const double low = ScaleByPowerOfTwo(scale.scale_low, exponent);
  const double high = ScaleByPowerOfTwo(scale.scale_high, exponent);
  // Rounding can carry low + 100 * (high - low) / 100 past high: held to the scale.
  return std::clamp(ScaleByPowerOfTwo(low + value * (high - low) / 100.0, -exponent),
                    scale.scale_low, scale.scale_high);
}

double Engine::InputUnits(double gain) const {
  return ScaleByPowerOfTwo(gain, -capability_exponent_);
}

std::vector<double> Engine::Denormalize(const std::vector<double>& outcome) const {
  std::vector<double> result(outcome.size());
  for (int d = 0; d < issue_count_; ++d) result[d] = Denormalize(d, outcome[d]);
  return result;
}

std::vector<double> Engine::DenormalizePositions(const std::vector<double>& positions) const {
  std::vector<double> result(positions.size(), std::numeric_limits<double>::quiet_NaN());
  for (int a = 0; a < actor_count_; ++a) {
    for (int d = 0; d < issue_count_; ++d) {
      const std::size_t cell = Cell(a, d);
      if (present_[cell]) result[cell] = Denormalize(d, positions[cell]);
    }
  }
  return result;
}

void Engine::Push(int index) {
  Candidate& candidate = candidates_[index];
  heap_.push_back({candidate.key, candidate.seq, index, candidate.version});
  std::push_heap(heap_.begin(), heap_.end(), HeapBefore);
}

void Engine::Place(int index, std::int64_t key, bool front) {
  Candidate& candidate = candidates_[index];
  candidate.key = key;
  candidate.seq = front ? --lowest_seq_ : ++highest_seq_;
  ++candidate.version;
  Push(index);
}

int Engine::PopBest() {
  while (!heap_.empty()) {
    const HeapEntry top = heap_.front();
    std::pop_heap(heap_.begin(), heap_.end(), HeapBefore);
    heap_.pop_back();
    const Candidate& candidate = candidates_[top.candidate];
    if (!candidate.alive || candidate.version != top.version) continue;
    if (!options_.random_ties) return top.candidate;
    // Random tie-break: choose uniformly among the live candidates sharing the top key.
    std::vector<HeapEntry>& tied = tied_;
    tied.clear();
    tied.push_back(top);
    while (!heap_.empty() && heap_.front().key == top.key) {
      const HeapEntry next = heap_.front();
      std::pop_heap(heap_.begin(), heap_.end(), HeapBefore);
      heap_.pop_back();
      const Candidate& other = candidates_[next.candidate];
      if (other.alive && other.version == next.version) tied.push_back(next);
    }
    const std::size_t chosen =
        std::min(tied.size() - 1, static_cast<std::size_t>(tie_stream_->Uniform() * tied.size()));
    for (std::size_t t = 0; t < tied.size(); ++t) {
      if (t == chosen) continue;
      heap_.push_back(tied[t]);
      std::push_heap(heap_.begin(), heap_.end(), HeapBefore);
    }
    return tied[chosen].candidate;
  }
  return -1;
}

bool Engine::TiedWithNext(int chosen) {
  while (!heap_.empty()) {
    const HeapEntry& top = heap_.front();
    const Candidate& candidate = candidates_[top.candidate];
    if (candidate.alive && candidate.version == top.version) {
      return top.key == candidates_[chosen].key;
    }
    std::pop_heap(heap_.begin(), heap_.end(), HeapBefore);
    heap_.pop_back();
  }
  return false;
}

}  // namespace statecraft::exchange_internal

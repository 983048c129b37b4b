// Evaluating one candidate exchange (docs/models/exchange.md §2.5): the equal-gain solution,
// the outcome-overshoot clamp, REX and the validity checks.
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "statecraft/models/exchange/exchange_engine.h"

namespace statecraft::exchange_internal {

void Engine::Finish(Candidate& candidate) const {
  for (int k = 0; k < 2; ++k) {
    Side& side = candidate.side[k];
    side.new_vote = side.target > side.vote ? side.vote + side.move : side.vote - side.move;
  }
  for (int k = 0; k < 2; ++k) {
    const Side& side = candidate.side[k];
    const Side& partner = candidate.side[1 - k];
    // §2.3, §2.5 step 6: the gain of the partner's shift on my demand issue minus the loss of my
    // own shift on my supply issue.
    candidate.side[k].gain = partner.shift * SalienceOf(side.actor, side.demand) -
                             side.shift * SalienceOf(side.actor, side.supply);
  }
}

void Engine::EqualGainFrom(Candidate& candidate, int k, double shift, double move) const {
  Side& side = candidate.side[k];
  Side& partner = candidate.side[1 - k];
  side.shift = shift;
  side.move = move;
  partner.shift = shift *
                  (SalienceOf(side.actor, side.supply) + SalienceOf(partner.actor, side.supply)) /
                  (SalienceOf(side.actor, side.demand) + SalienceOf(partner.actor, side.demand));
  partner.move =
      partner.shift * denominator_[partner.supply] / WeightOf(partner.actor, partner.supply);
}

void Engine::SolveEqualGain(Candidate& candidate) const {
  Side& i_side = candidate.side[0];
  Side& j_side = candidate.side[1];
  const double j_distance = std::abs(j_side.target - j_side.vote);
  const double j_shift =
      j_distance * WeightOf(j_side.actor, j_side.supply) / denominator_[j_side.supply];
  EqualGainFrom(candidate, 1, j_shift, j_distance);
  const double i_distance = std::abs(i_side.target - i_side.vote);
  if (i_side.move > i_distance) {
    const double i_shift =
        i_distance * WeightOf(i_side.actor, i_side.supply) / denominator_[i_side.supply];
    EqualGainFrom(candidate, 0, i_shift, i_distance);
  }
  Finish(candidate);
}

double Engine::ViewOutcome(const Candidate& candidate, int view, int issue, int actor,
                           double value) const {
  double sum = start_sum_[issue];
  for (int r = candidate.view[view]; r >= 0; r = records_[r].next) {
    const ViewRecord& record = records_[r];
    if (record.actor == actor) continue;
    const std::size_t cell = Cell(record.actor, issue);
    sum += weight_[cell] * (record.vote - start_[cell]);
  }
  const std::size_t cell = Cell(actor, issue);
  sum += weight_[cell] * (value - start_[cell]);
  return sum / denominator_[issue];
}

const ViewRecord* Engine::FindRecord(const Candidate& candidate, int view, int actor) const {
  for (int r = candidate.view[view]; r >= 0; r = records_[r].next) {
    if (records_[r].actor == actor) return &records_[r];
  }
  return nullptr;
}

void Engine::Clamp(Candidate& candidate, int k) {
  Side& side = candidate.side[k];
  const int issue = side.supply;
  const double partner_position = side.target;
  const double weight = WeightOf(side.actor, issue);
  double before;
  double after;
  if (options_.decide_compat) {
    before = ViewOutcome(candidate, 1 - k, issue, side.actor, side.vote);
    after = ViewOutcome(candidate, 1 - k, issue, side.actor, side.new_vote);
  } else {
    before = current_sum_[issue] / denominator_[issue];
    after = (current_sum_[issue] + weight * (side.new_vote - side.vote)) / denominator_[issue];
  }
  if (std::abs(before - partner_position) <= kClampEdge) {
    if (std::abs(after - before) > 0.0) ++clamp_edges_;
    return;
  }
  if (!(std::min(before, after) < partner_position && partner_position < std::max(before, after))) {
    return;
  }
  double base = before;
  if (options_.decide_compat) {
    if (const ViewRecord* record = FindRecord(candidate, 1 - k, side.actor)) {
      base = ViewOutcome(candidate, 1 - k, issue, side.actor, record->vote);
    }
  }
  const double shift = std::abs(partner_position - base);
  EqualGainFrom(candidate, k, shift, shift * denominator_[issue] / weight);
  Finish(candidate);
}

void Engine::Randomise(Candidate& candidate, int candidate_index) {
  Stream stream(Mix(
      seed_ ^
      Mix(static_cast<std::uint64_t>(round_) << 32 ^ static_cast<std::uint64_t>(candidate_index)) ^
      Mix(candidate.evaluations)));
  ++candidate.evaluations;
  const double u = stream.Uniform();
  const double v = stream.Uniform();
  const double z = stream.Uniform();
  const int a = u < 0.5 ? 0 : 1;
  Side& side = candidate.side[a];
  Side& partner = candidate.side[1 - a];
  const double side_supply = SalienceOf(side.actor, side.supply);
  const double side_demand = SalienceOf(side.actor, side.demand);
  const double partner_supply = SalienceOf(partner.actor, partner.supply);
  const double partner_demand = SalienceOf(partner.actor, partner.demand);
  const double side_distance = std::abs(side.target - side.vote);
  const double partner_distance = std::abs(partner.target - partner.vote);
  const double side_full =
      side_distance * WeightOf(side.actor, side.supply) / denominator_[side.supply];
  const double partner_full =
      partner_distance * WeightOf(partner.actor, partner.supply) / denominator_[partner.supply];
  // Maximal gain of `side` (A9, derived analytically): the partner's gain is zero when
  // partner_shift·s_partner,supply = side_shift·s_partner,demand; take the largest partner
  // shift both full moves allow.
  const double partner_shift_max =
      std::min(partner_full, side_full * partner_demand / partner_supply);
  const double gain_max = partner_shift_max * side_demand -
                          partner_shift_max * partner_supply / partner_demand * side_supply;
  const double equal_gain = candidate.gain;
  const double target_gain = v < 0.5 ? equal_gain + options_.rex_p * z * (gain_max - equal_gain)
                                     : equal_gain - options_.rex_p * z * equal_gain;
  // §2.9 step 4: the chosen side moves fully; the partner's shift follows from its gain,
  // unless the partner would pass the chosen side's position, then the partner moves fully.
  side.shift = side_full;
  side.move = side_distance;
  partner.shift = (target_gain + side_full * side_supply) / side_demand;
  partner.move =
      partner.shift * denominator_[partner.supply] / WeightOf(partner.actor, partner.supply);
  if (partner.move > partner_distance) {
    partner.shift = partner_full;
    partner.move = partner_distance;
    side.shift = (partner_full * side_demand - target_gain) / side_supply;
    side.move = side.shift * denominator_[side.supply] / WeightOf(side.actor, side.supply);
  }
  Finish(candidate);
}

bool Engine::SideValid(const Side& side, bool append) const {
  const double signed_move = side.new_vote - side.vote;
  if (!(side.move > kMinMove && side.move <= kMaxMove)) return false;
  if (!(side.new_vote >= 0.0 && side.new_vote <= 100.0)) return false;
  if (options_.decide_compat) {
    // §2.15: the side's move history, with this move as its newest entry, has one sign and a
    // signed sum of at most 100.
    bool positive = signed_move > 0.0;
    bool negative = signed_move < 0.0;
    double sum = signed_move;
    if (side.history_count > 0) {
      positive = positive || side.history_positive;
      negative = negative || side.history_negative;
      sum += side.history_sum;
      if (append) {
        positive = positive || side.history_last > 0.0;
        negative = negative || side.history_last < 0.0;
        sum += side.history_last;
      }
    }
    return !(positive && negative) && sum <= kMaxMove;
  }
  // Clean rule (A4): an actor's realised moves on an issue within a round keep one direction.
  const signed char direction = direction_[Cell(side.actor, side.supply)];
  return direction == 0 || (direction > 0) == (signed_move > 0.0);
}

bool Engine::Valid(const Candidate& candidate, const bool append[2]) const {
  if (rex_phase_) {
    if (!(candidate.gain >= kMinGain && candidate.side[0].gain >= 0.0 &&
          candidate.side[1].gain >= 0.0)) {
      return false;
    }
  } else if (!(std::abs(candidate.side[0].gain) >= kMinGain)) {
    return false;
  }
  return SideValid(candidate.side[0], append[0]) && SideValid(candidate.side[1], append[1]);
}

bool Engine::Evaluate(Candidate& candidate, int candidate_index, const bool append[2]) {
  rex_phase_ = false;
  SolveEqualGain(candidate);
  if (options_.clamp) {
    if (Valid(candidate, append)) Clamp(candidate, 0);
    if (Valid(candidate, append)) Clamp(candidate, 1);
  }
  candidate.gain = std::abs(candidate.side[0].gain);
  bool valid = Valid(candidate, append);
  if (options_.rex_p > 0.0 && valid) {
    rex_phase_ = true;
    Randomise(candidate, candidate_index);
    if (options_.clamp) {
      if (Valid(candidate, append)) Clamp(candidate, 0);
      if (Valid(candidate, append)) Clamp(candidate, 1);
    }
    valid = Valid(candidate, append);
    rex_phase_ = false;
  }
  for (int k = 0; k < 2; ++k) {
    Side& side = candidate.side[k];
    const double signed_move = side.new_vote - side.vote;
    if (side.history_count > 0 && append[k]) {
      side.history_sum += side.history_last;
      side.history_positive = side.history_positive || side.history_last > 0.0;
      side.history_negative = side.history_negative || side.history_last < 0.0;
    }
    if (side.history_count == 0 || append[k]) ++side.history_count;
    side.history_last = signed_move;
  }
  return valid;
}

}  // namespace statecraft::exchange_internal

// One round of the exchange model (docs/models/exchange.md §2.4, §2.6, §2.7): forming the
// candidates, realising them best first, updating the ones each realisation touches, and the
// end-of-round drift.
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "statecraft/models/exchange/exchange_engine.h"

namespace statecraft::exchange_internal {

void Engine::AddCandidate(int issue_p, int issue_q, int first, int second) {
  // §2.4: the actor with the larger s_p/s_q (I) demands p and supplies q.
  const double first_ratio = SalienceOf(first, issue_p) / SalienceOf(first, issue_q);
  const double second_ratio = SalienceOf(second, issue_p) / SalienceOf(second, issue_q);
  if (first_ratio < second_ratio) std::swap(first, second);
  Candidate candidate;
  Side& i_side = candidate.side[0];
  Side& j_side = candidate.side[1];
  i_side.actor = first;
  i_side.supply = issue_q;
  i_side.demand = issue_p;
  j_side.actor = second;
  j_side.supply = issue_p;
  j_side.demand = issue_q;
  i_side.target = start_[Cell(second, issue_q)];
  j_side.target = start_[Cell(first, issue_p)];
  i_side.vote = start_[Cell(first, issue_q)];
  j_side.vote = start_[Cell(second, issue_p)];
  const int index = static_cast<int>(candidates_.size());
  const bool append[2] = {true, true};
  candidate.alive = Evaluate(candidate, index, append);
  candidate.key = KeyOf(candidate.gain);
  candidate.seq = index;
  candidates_.push_back(candidate);
}

void Engine::BuildCandidates(const std::vector<double>& outcome) {
  candidates_.clear();
  records_.clear();
  std::vector<int> groups[4];
  for (int p = 0; p < issue_count_; ++p) {
    for (int q = p + 1; q < issue_count_; ++q) {
      for (auto& group : groups) group.clear();
      for (int a = 0; a < actor_count_; ++a) {
        if (!eligible_[Cell(a, p)] || !eligible_[Cell(a, q)]) continue;
        // §2.4: L = (x ≤ O); group index L_p | 2·L_q: a=(R,R) b=(L,R) c=(R,L) d=(L,L).
        const int left_p = start_[Cell(a, p)] <= outcome[p] ? 1 : 0;
        const int left_q = start_[Cell(a, q)] <= outcome[q] ? 1 : 0;
        groups[left_p | (left_q << 1)].push_back(a);
      }
      for (int i : groups[0]) {
        for (int j : groups[3]) AddCandidate(p, q, i, j);
      }
      for (int i : groups[1]) {
        for (int j : groups[2]) AddCandidate(p, q, i, j);
      }
    }
  }
}

void Engine::BuildIndex() {
  const std::size_t cells = static_cast<std::size_t>(actor_count_) * issue_count_;
  supply_begin_.assign(cells + 1, 0);
  demand_begin_.assign(cells + 1, 0);
  for (const Candidate& candidate : candidates_) {
    if (!candidate.alive) continue;
    for (const Side& side : candidate.side) {
      ++supply_begin_[Cell(side.actor, side.supply) + 1];
      ++demand_begin_[Cell(side.actor, side.demand) + 1];
    }
  }
  for (std::size_t c = 0; c < cells; ++c) {
    supply_begin_[c + 1] += supply_begin_[c];
    demand_begin_[c + 1] += demand_begin_[c];
  }
  supply_list_.assign(supply_begin_[cells], 0);
  demand_list_.assign(demand_begin_[cells], 0);
  std::vector<int> supply_fill(supply_begin_.begin(), supply_begin_.end() - 1);
  std::vector<int> demand_fill(demand_begin_.begin(), demand_begin_.end() - 1);
  for (int index = 0; index < static_cast<int>(candidates_.size()); ++index) {
    const Candidate& candidate = candidates_[index];
    if (!candidate.alive) continue;
    for (const Side& side : candidate.side) {
      supply_list_[supply_fill[Cell(side.actor, side.supply)]++] = index;
      demand_list_[demand_fill[Cell(side.actor, side.demand)]++] = index;
    }
  }
  supply_end_.assign(supply_begin_.begin() + 1, supply_begin_.end());
  demand_end_.assign(demand_begin_.begin() + 1, demand_begin_.end());
  touched_stamp_.assign(candidates_.size(), 0);
  stamp_ = 0;
}

void Engine::RecordInView(Candidate& candidate, int view, int actor, int issue, double vote) {
  const double start = start_[Cell(actor, issue)];
  for (int r = candidate.view[view]; r >= 0; r = records_[r].next) {
    ViewRecord& record = records_[r];
    if (record.actor != actor) continue;
    if (!(std::abs(record.vote - start) < std::abs(vote - start))) record.vote = vote;
    return;
  }
  records_.push_back({actor, vote, candidate.view[view]});
  candidate.view[view] = static_cast<int>(records_.size()) - 1;
}

void Engine::CollectTouched(std::vector<int>& list, const std::vector<int>& begin,
                            std::vector<int>& end, std::size_t cell) {
  int e = begin[cell];
  while (e < end[cell]) {
    const int index = list[e];
    if (!candidates_[index].alive) {
      list[e] = list[--end[cell]];
      continue;
    }
    if (touched_stamp_[index] != stamp_) {
      touched_stamp_[index] = stamp_;
      touched_.push_back(index);
    }
    ++e;
  }
}

void Engine::Propagate(int chosen) {
  const Candidate realised = candidates_[chosen];
  ++stamp_;
  touched_.clear();
  for (const Side& side : realised.side) {
    CollectTouched(supply_list_, supply_begin_, supply_end_, Cell(side.actor, side.supply));
    if (options_.decide_compat) {
      CollectTouched(demand_list_, demand_begin_, demand_end_, Cell(side.actor, side.demand));
    }
  }
  front_.clear();
  back_.clear();
  for (int index : touched_) {
    Candidate& candidate = candidates_[index];
    if (!candidate.alive || index == chosen) continue;
    bool append[2] = {false, false};
    for (int k = 0; k < 2; ++k) {
      Side& side = candidate.side[k];
      for (int r = 0; r < 2; ++r) {
        const Side& done = realised.side[r];
        if (side.actor != done.actor) continue;
        if (side.supply == done.supply) {
          side.vote = done.new_vote;
          append[k] = true;
        }
        if (side.demand == done.demand && options_.decide_compat) {
          const Side& done_partner = realised.side[1 - r];
          RecordInView(candidate, k, done_partner.actor, done_partner.supply,
                       done_partner.new_vote);
        }
      }
    }
    const std::int64_t old_key = candidate.key;
    if (!Evaluate(candidate, index, append)) {
      candidate.alive = false;
      continue;
    }
    const std::int64_t key = KeyOf(candidate.gain);
    if (key == old_key) continue;
    (key < old_key ? front_ : back_).push_back({index, old_key, candidate.seq});
    candidate.key = key;
  }
  // Old list order: larger old key first, then smaller seq.
  auto old_order = [](const Moved& a, const Moved& b) {
    if (a.old_key != b.old_key) return a.old_key > b.old_key;
    return a.old_seq < b.old_seq;
  };
  std::sort(front_.begin(), front_.end(), old_order);
  std::sort(back_.begin(), back_.end(), old_order);
  for (auto it = front_.rbegin(); it != front_.rend(); ++it) {
    Place(it->index, candidates_[it->index].key, true);
  }
  for (const Moved& moved : back_) Place(moved.index, candidates_[moved.index].key, false);
}

Engine::Recheck Engine::RecheckClean(int index) {
  Candidate& candidate = candidates_[index];
  for (int k = 0; k < 2; ++k) {
    const int issue = candidate.side[k].supply;
    const double outcome = current_sum_[issue] / denominator_[issue];
    const bool supplier_left = start_[Cell(candidate.side[k].actor, issue)] <= outcome;
    const bool demander_left = candidate.side[k].target <= outcome;
    if (supplier_left == demander_left) {
      candidate.alive = false;
      return Recheck::kDropped;
    }
  }
  const bool append[2] = {false, false};
  const std::int64_t old_key = candidate.key;
  if (!Evaluate(candidate, index, append)) {
    candidate.alive = false;
    return Recheck::kDropped;
  }
  const std::int64_t key = KeyOf(candidate.gain);
  if (key == old_key) return Recheck::kRealise;
  Place(index, key, key < old_key);
  return Recheck::kRequeued;
}

Round Engine::RunRound(int round) {
  round_ = round;
  start_ = preference_;
  const std::vector<double> start_outcome = Outcomes(start_);
  start_sum_.assign(issue_count_, 0.0);
  for (int d = 0; d < issue_count_; ++d) {
    for (int a = 0; a < actor_count_; ++a) {
      const std::size_t cell = Cell(a, d);
      if (present_[cell]) start_sum_[d] += weight_[cell] * start_[cell];
    }
  }
  current_sum_ = start_sum_;
  votes_ = start_;
  direction_.assign(votes_.size(), 0);
  std::vector<char> moved(votes_.size(), 0);
  Stream tie_stream(Mix(seed_ ^ Mix(0x7469650000000000ULL + static_cast<std::uint64_t>(round))));
  tie_stream_ = &tie_stream;
  clamp_edges_ = 0;
  ties_ = 0;

  BuildCandidates(start_outcome);
  BuildIndex();
  heap_.clear();
  for (int index = 0; index < static_cast<int>(candidates_.size()); ++index) {
    const Candidate& candidate = candidates_[index];
    if (candidate.alive) heap_.push_back({candidate.key, candidate.seq, index, 0});
  }
  std::make_heap(heap_.begin(), heap_.end(), HeapBefore);
  lowest_seq_ = 0;
  highest_seq_ = static_cast<std::int64_t>(candidates_.size());

  std::vector<Realised> realised;
  while (true) {
    const int chosen = PopBest();
    if (chosen < 0) break;
    if (TiedWithNext(chosen)) ++ties_;
    if (!options_.decide_compat) {
      const Recheck recheck = RecheckClean(chosen);
      if (recheck != Recheck::kRealise) continue;
    }
    Candidate& candidate = candidates_[chosen];
    candidate.alive = false;
    Realised record;
    for (int k = 0; k < 2; ++k) {
      const Side& side = candidate.side[k];
      const std::size_t cell = Cell(side.actor, side.supply);
      record.actor[k] = side.actor;
      record.supply[k] = side.supply;
      record.from[k] = side.vote;
      record.to[k] = side.new_vote;
      record.gain[k] = side.gain;
      current_sum_[side.supply] += weight_[cell] * (side.new_vote - votes_[cell]);
      direction_[cell] = side.new_vote > side.vote ? 1 : -1;
      votes_[cell] = side.new_vote;
      moved[cell] = 1;
      gains_[side.actor] += side.gain;
      ++exchange_counts_[side.actor];
    }
    record.equal_gain = candidate.gain;
    realised.push_back(record);
    Propagate(chosen);
  }

  // §2.7: the round's outcome is over the voting positions; preferences drift to the votes.
  Round result;
  result.positions = DenormalizePositions(votes_);
  result.outcome = Denormalize(Outcomes(votes_));
  for (std::size_t cell = 0; cell < votes_.size(); ++cell) {
    if (!moved[cell]) continue;
    const double salience = salience_[cell];
    preference_[cell] =
        start_[cell] + (options_.fixed_weight + options_.salience_weight * (1.0 - salience)) *
                           (votes_[cell] - start_[cell]);
  }

  tie_stream_ = nullptr;
  if (!with_detail_) return result;
  Detail exchanges = Detail::MakeList();
  for (const Realised& record : realised) {
    Detail entry = Detail::MakeObject();
    const char* prefixes[2] = {"i", "j"};
    for (int k = 0; k < 2; ++k) {
      const std::string prefix = prefixes[k];
      entry.Set(prefix, scenario_.actors[record.actor[k]].name);
      entry.Set(prefix + "_supply", scenario_.issues[record.supply[k]].name);
      entry.Set(prefix + "_demand", scenario_.issues[record.supply[1 - k]].name);
      entry.Set(prefix + "_from", Denormalize(record.supply[k], record.from[k]));
      entry.Set(prefix + "_to", Denormalize(record.supply[k], record.to[k]));
      entry.Set(prefix + "_gain", InputUnits(record.gain[k]));
    }
    entry.Set("gain", InputUnits(record.equal_gain));
    exchanges.Append(std::move(entry));
  }
  Detail preferences = Detail::MakeObject();
  for (int a = 0; a < actor_count_; ++a) {
    Detail differing = Detail::MakeObject();
    bool any = false;
    for (int d = 0; d < issue_count_; ++d) {
      const std::size_t cell = Cell(a, d);
      if (!present_[cell] || preference_[cell] == votes_[cell]) continue;
      differing.Set(scenario_.issues[d].name, Denormalize(d, preference_[cell]));
      any = true;
    }
    if (any) preferences.Set(scenario_.actors[a].name, std::move(differing));
  }
  Detail preference_outcome = Detail::MakeObject();
  const std::vector<double> start_denormalized = Denormalize(start_outcome);
  for (int d = 0; d < issue_count_; ++d) {
    preference_outcome.Set(scenario_.issues[d].name, start_denormalized[d]);
  }
  result.detail.Set("exchanges", std::move(exchanges));
  result.detail.Set("preference_positions", std::move(preferences));
  result.detail.Set("preference_outcome", std::move(preference_outcome));
  result.detail.Set("candidates", static_cast<std::int64_t>(candidates_.size()));
  result.detail.Set("clamp_edges", clamp_edges_);
  result.detail.Set("ties", ties_);
  return result;
}

}  // namespace statecraft::exchange_internal

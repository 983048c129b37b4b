#include "statecraft/models/exchange/exchange.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "statecraft/core/exact_scale.h"

namespace statecraft {
namespace {

// Thresholds of spec §2.5.7 and §2.15 (on the 0–100 scale, gains in salience × scale points).
constexpr double kMinGain = 1e-10;
constexpr double kMinMove = 1e-10;
constexpr double kMaxMove = 100.0;
// An outcome this close to the demander's position is "on" it, not past it (§2.15 clamp edge).
constexpr double kClampEdge = 1e-9;
// Gains equal to 11 decimals are ties (§2.15).
constexpr double kGainScale = 1e11;

// SplitMix64: a fixed generator, so REX draws and random tie-breaks are the same everywhere.
std::uint64_t Mix(std::uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

class Stream {
 public:
  explicit Stream(std::uint64_t state) : state_(state) {}
  // Uniform on [0, 1) with 53 random bits.
  double Uniform() {
    state_ += 0x9e3779b97f4a7c15ULL;
    std::uint64_t value = state_;
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    value ^= value >> 31;
    return static_cast<double>(value >> 11) * 0x1.0p-53;
  }

 private:
  std::uint64_t state_;
};

// One side of a candidate exchange: `actor` moves its vote on `supply` towards the partner's
// preferred position `target` and, in return, the partner moves on `demand` (§2.4).
struct Side {
  int actor = 0;
  int supply = 0;
  int demand = 0;
  double target = 0.0;    // the partner's preferred position on `supply` (fixed all round, A7)
  double vote = 0.0;      // the actor's current vote on `supply`
  double new_vote = 0.0;  // its vote if this exchange is realised
  double shift = 0.0;     // the outcome shift on `supply` that this side's move causes
  double move = 0.0;      // |new_vote − vote|
  double gain = 0.0;      // the actor's utility gain
  // Decide's move history for this side (§2.15): entries before the last, and the last one.
  int history_count = 0;
  double history_sum = 0.0;  // sum of the entries before the last
  bool history_positive = false;
  bool history_negative = false;
  double history_last = 0.0;
};

struct Candidate {
  Side side[2];       // [0] = I (demands issue p, supplies q), [1] = J (demands q, supplies p)
  double gain = 0.0;  // the equal-gain value, the sort key (§2.6; REX keeps it, §2.9 step 5)
  bool alive = false;
  std::int64_t key = 0;  // gain rounded to 11 decimals
  std::int64_t seq = 0;  // position among equal keys, reproducing a re-sorted list (§2.15)
  std::uint32_t version = 0;
  std::uint32_t evaluations = 0;
  // Compat: head of the exchange-local view of the issue demanded by side k (§2.5.8, A6).
  int view[2] = {-1, -1};
};

struct ViewRecord {
  int actor;
  double vote;
  int next;
};

struct HeapEntry {
  std::int64_t key;
  std::int64_t seq;
  int candidate;
  std::uint32_t version;
};

// Max-heap order: larger key first, then smaller seq.
bool HeapBefore(const HeapEntry& a, const HeapEntry& b) {
  if (a.key != b.key) return a.key < b.key;
  return a.seq > b.seq;
}

struct Realised {
  int actor[2];
  int supply[2];
  double from[2];
  double to[2];
  double gain[2];
  double equal_gain;
};

class Engine {
 public:
  // `with_detail` false: the rounds carry positions and outcomes only (what a sweep's draw reads);
  // the numbers are the same.
  Engine(const Scenario& scenario, const ExchangeOptions& options, std::uint64_t seed,
         bool with_detail = true)
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
        // the scale an ulp outside [0, 100], where no vote may go (§2.5.7): held to it.
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

  Forecast Run() {
    Forecast forecast;
    Round first;
    first.positions = InputPositions(scenario_);
    first.outcome = Denormalize(Outcomes(preference_));
    forecast.rounds.push_back(std::move(first));
    gains_.assign(actor_count_, 0.0);
    exchange_counts_.assign(actor_count_, 0);
    // Spec §2.8 recommends an optional convergence rule: stop once no round-to-round outcome
    // change exceeds `convergence` (on the issue's own scale); 0 runs all rounds.
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

 private:
  std::size_t Cell(int actor, int issue) const {
    return static_cast<std::size_t>(actor) * issue_count_ + issue;
  }

  // §2.2: O_d = Σ w x / Σ w over the actors present. An issue nobody weighs (A2: Decide returns
  // 0) gets the plain mean of the positions instead, and no exchange touches it.
  std::vector<double> Outcomes(const std::vector<double>& positions) const {
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

  // §2.1: a position on the 0–100 scale. Scales far from 1 (±1e308, where high - low and
  // × 100 overflow) are brought into the band of exact_scale.h first, which gives the same value.
  static double ToHundred(const Issue& issue, double position) {
    const int exponent = ScaleExponent(issue.scale_low, issue.scale_high);
    const double low = ScaleByPowerOfTwo(issue.scale_low, exponent);
    const double high = ScaleByPowerOfTwo(issue.scale_high, exponent);
    return (ScaleByPowerOfTwo(position, exponent) - low) * 100.0 / (high - low);
  }

  double Denormalize(int issue, double value) const {
    const Issue& scale = scenario_.issues[issue];
    const int exponent = ScaleExponent(scale.scale_low, scale.scale_high);
    const double low = ScaleByPowerOfTwo(scale.scale_low, exponent);
    const double high = ScaleByPowerOfTwo(scale.scale_high, exponent);
    // Rounding can carry low + 100 * (high - low) / 100 past high: held to the scale.
    return std::clamp(ScaleByPowerOfTwo(low + value * (high - low) / 100.0, -exponent),
                      scale.scale_low, scale.scale_high);
  }

  // A gain (weight × distance) in the unit of the input's capabilities.
  double InputUnits(double gain) const { return ScaleByPowerOfTwo(gain, -capability_exponent_); }

  std::vector<double> Denormalize(const std::vector<double>& outcome) const {
    std::vector<double> result(outcome.size());
    for (int d = 0; d < issue_count_; ++d) result[d] = Denormalize(d, outcome[d]);
    return result;
  }

  std::vector<double> DenormalizePositions(const std::vector<double>& positions) const {
    std::vector<double> result(positions.size(), std::numeric_limits<double>::quiet_NaN());
    for (int a = 0; a < actor_count_; ++a) {
      for (int d = 0; d < issue_count_; ++d) {
        const std::size_t cell = Cell(a, d);
        if (present_[cell]) result[cell] = Denormalize(d, positions[cell]);
      }
    }
    return result;
  }

  // ---- evaluation of one candidate (§2.5) ----

  double SalienceOf(int actor, int issue) const { return salience_[Cell(actor, issue)]; }
  double WeightOf(int actor, int issue) const { return weight_[Cell(actor, issue)]; }

  // Votes and gains of both sides from their shifts and moves.
  void Finish(Candidate& candidate) const {
    for (int k = 0; k < 2; ++k) {
      Side& side = candidate.side[k];
      side.new_vote = side.target > side.vote ? side.vote + side.move : side.vote - side.move;
    }
    for (int k = 0; k < 2; ++k) {
      const Side& side = candidate.side[k];
      const Side& partner = candidate.side[1 - k];
      // §2.3, §2.5.6: the gain of the partner's shift on my demand issue minus the loss of my
      // own shift on my supply issue.
      candidate.side[k].gain = partner.shift * SalienceOf(side.actor, side.demand) -
                               side.shift * SalienceOf(side.actor, side.supply);
    }
  }

  // Sets side k's shift and derives the partner's by the equal-gain rate (§2.5.2):
  // Δ_partner = Δ_k·(s_k,supply + s_partner,supply_k)/(s_k,demand + s_partner,demand_k).
  void EqualGainFrom(Candidate& candidate, int k, double shift, double move) const {
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

  // §2.5 steps 1–4: J moves all the way to I's position unless I would then pass J's.
  void SolveEqualGain(Candidate& candidate) const {
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

  // Outcome of `issue` in candidate's exchange-local view `view` (compat, A6): start-of-round
  // positions, overridden by the recorded votes, with `actor` at `value`.
  double ViewOutcome(const Candidate& candidate, int view, int issue, int actor,
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

  const ViewRecord* FindRecord(const Candidate& candidate, int view, int actor) const {
    for (int r = candidate.view[view]; r >= 0; r = records_[r].next) {
      if (records_[r].actor == actor) return &records_[r];
    }
    return nullptr;
  }

  // §2.5.8: when X's move would push the outcome on its supply issue past the partner's
  // position, cut the move so that the outcome lands on it, and re-derive the partner's side.
  void Clamp(Candidate& candidate, int k) {
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
    if (!(std::min(before, after) < partner_position &&
          partner_position < std::max(before, after))) {
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

  // §2.9: REX. One side (u) wins or loses (v) a random part (z·p) of the room between the
  // equal gain and its maximal gain; the moves are re-derived so that it gets exactly that.
  void Randomise(Candidate& candidate, int candidate_index) {
    Stream stream(Mix(seed_ ^
                      Mix(static_cast<std::uint64_t>(round_) << 32 ^
                          static_cast<std::uint64_t>(candidate_index)) ^
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

  bool SideValid(const Side& side, bool append) const {
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

  // §2.5.7. Equal gain: Decide compares the absolute gain with 1e-10. REX (rex_phase): the
  // equal-gain value must pass that test and neither side may lose.
  bool Valid(const Candidate& candidate, const bool append[2]) const {
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

  // Full evaluation (§2.5): equal gain, clamp for I then J while valid, REX, validity; then the
  // move history is updated (appended for sides whose vote was just moved, else the last entry
  // replaced).
  bool Evaluate(Candidate& candidate, int candidate_index, const bool append[2]) {
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

  static std::int64_t KeyOf(double gain) {
    return static_cast<std::int64_t>(std::llround(gain * kGainScale));
  }

  // ---- the candidate list (§2.6, §2.15) ----
  //
  // Decide stable-sorts the whole list by gain before every choice, so among equal gains the
  // order is the list order left by the previous sort. A candidate whose gain changed from key
  // k' to k therefore lands in front of the other candidates with key k when k' > k and behind
  // them when k' < k. `seq` encodes that order within a key; the heap holds (key, seq) with
  // lazy deletion. Front placements take a seq below every seq handed out so far and back
  // placements one above, which is below (above) every member of any key.

  void Push(int index) {
    Candidate& candidate = candidates_[index];
    heap_.push_back({candidate.key, candidate.seq, index, candidate.version});
    std::push_heap(heap_.begin(), heap_.end(), HeapBefore);
  }

  void Place(int index, std::int64_t key, bool front) {
    Candidate& candidate = candidates_[index];
    candidate.key = key;
    candidate.seq = front ? --lowest_seq_ : ++highest_seq_;
    ++candidate.version;
    Push(index);
  }

  // The next candidate to realise, or -1.
  int PopBest() {
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

  // True when the best remaining live candidate has the same rounded gain as `chosen`: the
  // choice rested on the tie rule (stale heap entries on top are discarded on the way).
  bool TiedWithNext(int chosen) {
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

  // ---- one round ----

  void AddCandidate(int issue_p, int issue_q, int first, int second) {
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

  void BuildCandidates(const std::vector<double>& outcome) {
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

  // Candidate sides indexed by (actor, supply issue) and (actor, demand issue), as CSR arrays.
  void BuildIndex() {
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

  // Records the partner's realised vote in a candidate's view; an earlier record closer to the
  // partner's start-of-round position is kept (Decide's update_updates, A6).
  void RecordInView(Candidate& candidate, int view, int actor, int issue, double vote) {
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

  struct Moved {
    int index;
    std::int64_t old_key;
    std::int64_t old_seq;
  };

  // Adds the live candidates of one index cell to touched_, dropping dead ones from the cell
  // (order within a cell does not matter: each candidate's update depends only on itself and
  // the realised exchange).
  void CollectTouched(std::vector<int>& list, const std::vector<int>& begin, std::vector<int>& end,
                      std::size_t cell) {
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

  // §2.6 step 2: after realising `chosen`, update and re-evaluate every candidate sharing an
  // (actor, supply issue) or (actor, demand issue) with one of its sides. Under the clean rules
  // a shared demand issue changes nothing (there is no exchange-local view), so only supply
  // issues are followed.
  void Propagate(int chosen) {
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

  // Clean mode (A6, A8): the chosen candidate is re-checked against the current outcome; it is
  // realised only if both actors are still on opposite sides of it on both issues and its gain
  // is unchanged, else dropped or put back with its new gain.
  enum class Recheck { kRealise, kDropped, kRequeued };
  Recheck RecheckClean(int index) {
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

  Round RunRound(int round) {
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

  const Scenario& scenario_;
  const ExchangeOptions options_;
  const std::uint64_t seed_;
  const bool with_detail_;
  const int actor_count_;
  const int issue_count_;
  std::vector<char> present_;
  std::vector<char> eligible_;
  int capability_exponent_ = 0;
  std::vector<double> preference_;
  std::vector<double> salience_;
  std::vector<double> weight_;
  std::vector<double> denominator_;
  std::vector<double> gains_;
  std::vector<int> exchange_counts_;

  int round_ = 0;
  std::vector<double> start_;
  std::vector<double> start_sum_;
  std::vector<double> current_sum_;
  std::vector<double> votes_;
  std::vector<signed char> direction_;
  std::vector<Candidate> candidates_;
  std::vector<ViewRecord> records_;
  std::vector<HeapEntry> heap_;
  std::vector<HeapEntry> tied_;
  std::int64_t lowest_seq_ = 0;
  std::int64_t highest_seq_ = 0;
  std::vector<int> supply_begin_;
  std::vector<int> demand_begin_;
  std::vector<int> supply_end_;  // live part of each cell: [begin, end)
  std::vector<int> demand_end_;
  std::vector<int> supply_list_;
  std::vector<int> demand_list_;
  std::vector<std::uint32_t> touched_stamp_;
  std::uint32_t stamp_ = 0;
  std::vector<int> touched_;
  std::vector<Moved> front_;
  std::vector<Moved> back_;
  Stream* tie_stream_ = nullptr;
  int clamp_edges_ = 0;
  int ties_ = 0;
  bool rex_phase_ = false;
};

class ExchangeModel : public Model {
 public:
  explicit ExchangeModel(ExchangeOptions options) : options_(options) {}
  Forecast Run(const Scenario& scenario, std::uint64_t seed) const override {
    return RunExchange(scenario, options_, seed);
  }
  Forecast RunOutcome(const Scenario& scenario, std::uint64_t seed) const override {
    Engine engine(scenario, options_, seed, false);
    return engine.Run();
  }

 private:
  ExchangeOptions options_;
};

}  // namespace

Forecast RunExchange(const Scenario& scenario, const ExchangeOptions& options, std::uint64_t seed) {
  Engine engine(scenario, options, seed);
  return engine.Run();
}

void RegisterExchangeModel(ModelRegistry& registry) {
  registry.Add(ModelInfo{
      "exchange",
      "Stokman's equal-gain exchange of voting positions across issue pairs (REX with p > 0)",
      {
          {"rounds",
           ParamType::kInteger,
           "1",
           {},
           1,
           1000,
           "rounds of exchange with preference drift (Decide runs 10; the published model 1)"},
          {"p",
           ParamType::kNumber,
           "0",
           {},
           0,
           1,
           "REX randomisation: 0 = equal gain; up to 1 lets one side take up to its maximal "
           "gain or drop to 0"},
          {"tie_break",
           ParamType::kChoice,
           "deterministic",
           {"deterministic", "random"},
           0,
           0,
           "equal gains: keep candidate-list order, or choose at random (seeded)"},
          {"decide_compat",
           ParamType::kBoolean,
           "false",
           {},
           0,
           0,
           "reproduce Decide: exchange-local outcome view in the clamp, its move-history "
           "check, groups fixed all round"},
          {"clamp",
           ParamType::kBoolean,
           "true",
           {},
           0,
           0,
           "cut moves that would push an outcome past the demander's position"},
          {"fixed_weight",
           ParamType::kNumber,
           "0.1",
           {},
           0,
           1,
           "preference drift towards the vote: fixed part"},
          {"salience_weight",
           ParamType::kNumber,
           "0.4",
           {},
           0,
           1,
           "preference drift towards the vote: part scaled by 1 - salience"},
          {"convergence",
           ParamType::kNumber,
           "0",
           {},
           0,
           1e300,
           "stop before `rounds` once no outcome moved more than this from the previous round "
           "(issue scale; 0: run all rounds)"},
      },
      true,
      [](const ParamValues& params) {
        ExchangeOptions options;
        options.rounds = static_cast<int>(params.GetInteger("rounds"));
        options.rex_p = params.GetNumber("p");
        options.random_ties = params.GetChoice("tie_break") == "random";
        options.decide_compat = params.GetBoolean("decide_compat");
        options.clamp = params.GetBoolean("clamp");
        options.fixed_weight = params.GetNumber("fixed_weight");
        options.salience_weight = params.GetNumber("salience_weight");
        options.convergence = params.GetNumber("convergence");
        return std::make_unique<ExchangeModel>(options);
      }});
}

}  // namespace statecraft

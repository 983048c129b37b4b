// The exchange model's engine (docs/models/exchange.md §2): the state of one run, the evaluation
// of a candidate exchange, the candidate list and the rounds. Internal to the model: included
// only by the files of this folder. Section numbers (§) refer to docs/models/exchange.md.
#ifndef STATECRAFT_MODELS_EXCHANGE_EXCHANGE_ENGINE_H_
#define STATECRAFT_MODELS_EXCHANGE_EXCHANGE_ENGINE_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "statecraft/core/forecast.h"
#include "statecraft/core/scenario.h"
#include "statecraft/models/exchange/exchange.h"

namespace statecraft::exchange_internal {

// Thresholds of docs/models/exchange.md §2.5 step 7 and §2.15 (on the 0–100 scale, gains in
// salience × scale points).
inline constexpr double kMinGain = 1e-10;
inline constexpr double kMinMove = 1e-10;
inline constexpr double kMaxMove = 100.0;
// An outcome this close to the demander's position is "on" it, not past it (§2.15 clamp edge).
inline constexpr double kClampEdge = 1e-9;
// Gains equal to 11 decimals are ties (§2.15).
inline constexpr double kGainScale = 1e11;

// SplitMix64: a fixed generator, so REX draws and random tie-breaks are the same everywhere.
inline std::uint64_t Mix(std::uint64_t value) {
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
  // Compat: head of the exchange-local view of the issue demanded by side k (§2.5 step 8, A6).
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
inline bool HeapBefore(const HeapEntry& a, const HeapEntry& b) {
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
         bool with_detail = true);

  Forecast Run();

 private:
  std::size_t Cell(int actor, int issue) const {
    return static_cast<std::size_t>(actor) * issue_count_ + issue;
  }

  // §2.2: O_d = Σ w x / Σ w over the actors present. An issue nobody weighs (A2: Decide returns
  // 0) gets the plain mean of the positions instead, and no exchange touches it.
  std::vector<double> Outcomes(const std::vector<double>& positions) const;

  // §2.1: a position on the 0–100 scale. Scales far from 1 (±1e308, where high - low and
  // × 100 overflow) are brought into the band of exact_scale.h first, which gives the same value.
  static double ToHundred(const Issue& issue, double position);

  double Denormalize(int issue, double value) const;

  // A gain (weight × distance) in the unit of the input's capabilities.
  double InputUnits(double gain) const;

  std::vector<double> Denormalize(const std::vector<double>& outcome) const;

  std::vector<double> DenormalizePositions(const std::vector<double>& positions) const;

  // ---- evaluation of one candidate (§2.5) ----

  double SalienceOf(int actor, int issue) const { return salience_[Cell(actor, issue)]; }
  double WeightOf(int actor, int issue) const { return weight_[Cell(actor, issue)]; }

  // Votes and gains of both sides from their shifts and moves.
  void Finish(Candidate& candidate) const;

  // Sets side k's shift and derives the partner's by the equal-gain rate (§2.5 step 2):
  // Δ_partner = Δ_k·(s_k,supply + s_partner,supply_k)/(s_k,demand + s_partner,demand_k).
  void EqualGainFrom(Candidate& candidate, int k, double shift, double move) const;

  // §2.5 steps 1–4: J moves all the way to I's position unless I would then pass J's.
  void SolveEqualGain(Candidate& candidate) const;

  // Outcome of `issue` in candidate's exchange-local view `view` (compat, A6): start-of-round
  // positions, overridden by the recorded votes, with `actor` at `value`.
  double ViewOutcome(const Candidate& candidate, int view, int issue, int actor,
                     double value) const;

  const ViewRecord* FindRecord(const Candidate& candidate, int view, int actor) const;

  // §2.5 step 8: when X's move would push the outcome on its supply issue past the partner's
  // position, cut the move so that the outcome lands on it, and re-derive the partner's side.
  void Clamp(Candidate& candidate, int k);

  // §2.9: REX. One side (u) wins or loses (v) a random part (z·p) of the room between the
  // equal gain and its maximal gain; the moves are re-derived so that it gets exactly that.
  void Randomise(Candidate& candidate, int candidate_index);

  bool SideValid(const Side& side, bool append) const;

  // §2.5 step 7. Equal gain: Decide compares the absolute gain with 1e-10. REX (rex_phase): the
  // equal-gain value must pass that test and neither side may lose.
  bool Valid(const Candidate& candidate, const bool append[2]) const;

  // Full evaluation (§2.5): equal gain, clamp for I then J while valid, REX, validity; then the
  // move history is updated (appended for sides whose vote was just moved, else the last entry
  // replaced).
  bool Evaluate(Candidate& candidate, int candidate_index, const bool append[2]);

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

  void Push(int index);

  void Place(int index, std::int64_t key, bool front);

  // The next candidate to realise, or -1.
  int PopBest();

  // True when the best remaining live candidate has the same rounded gain as `chosen`: the
  // choice rested on the tie rule (stale heap entries on top are discarded on the way).
  bool TiedWithNext(int chosen);

  // ---- one round ----

  void AddCandidate(int issue_p, int issue_q, int first, int second);

  void BuildCandidates(const std::vector<double>& outcome);

  // Candidate sides indexed by (actor, supply issue) and (actor, demand issue), as CSR arrays.
  void BuildIndex();

  // Records the partner's realised vote in a candidate's view; an earlier record closer to the
  // partner's start-of-round position is kept (Decide's update_updates, A6).
  void RecordInView(Candidate& candidate, int view, int actor, int issue, double vote);

  struct Moved {
    int index;
    std::int64_t old_key;
    std::int64_t old_seq;
  };

  // Adds the live candidates of one index cell to touched_, dropping dead ones from the cell
  // (order within a cell does not matter: each candidate's update depends only on itself and
  // the realised exchange).
  void CollectTouched(std::vector<int>& list, const std::vector<int>& begin, std::vector<int>& end,
                      std::size_t cell);

  // §2.6 step 2: after realising `chosen`, update and re-evaluate every candidate sharing an
  // (actor, supply issue) or (actor, demand issue) with one of its sides. Under the clean rules
  // a shared demand issue changes nothing (there is no exchange-local view), so only supply
  // issues are followed.
  void Propagate(int chosen);

  // Clean mode (A6, A8): the chosen candidate is re-checked against the current outcome; it is
  // realised only if both actors are still on opposite sides of it on both issues and its gain
  // is unchanged, else dropped or put back with its new gain.
  enum class Recheck { kRealise, kDropped, kRequeued };
  Recheck RecheckClean(int index);

  Round RunRound(int round);

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

}  // namespace statecraft::exchange_internal

#endif  // STATECRAFT_MODELS_EXCHANGE_EXCHANGE_ENGINE_H_

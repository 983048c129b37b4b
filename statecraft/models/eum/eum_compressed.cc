// The compressed form of the eum round, the engine's default (statecraft/models/eum/README.md,
// "Algorithm and cost"): pairs over distinct positions, vote tallies in vector lanes. It gives
// the same numbers as the straightforward form bit for bit.
#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <vector>

#include "statecraft/models/eum/eum_engine.h"

namespace statecraft::eum_internal {
namespace {

// The vote-tally kernel of the compressed form is also compiled for AVX2 and picked at load time.
// The clones do the same lane-wise IEEE operations in the same order (no reassociation, nothing
// to contract), so they give the same bits. Not under ThreadSanitizer: it instruments the clones'
// resolver, which runs while the program is loaded, before the sanitizer's runtime is up, and
// crashes there.
#if defined(__SANITIZE_THREAD__)
#define STATECRAFT_EUM_NO_CLONES
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define STATECRAFT_EUM_NO_CLONES
#endif
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(STATECRAFT_EUM_NO_CLONES)
#define STATECRAFT_EUM_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define STATECRAFT_EUM_CLONES
#endif

constexpr int kPairBlock = 16;

// For the pairs (g, first + j), j < count ≤ kPairBlock, over utility[k * m + h] = u_k(h) and the
// voters' weights: for_g[j] = Σ_k max(0, w_k (u_k(h) − u_k(g))), for_h[j] = Σ_k max(0, −(...)),
// each summed over k in input order. A full block has a fixed trip count, which the compiler turns
// into vector lanes, one pair per lane.
STATECRAFT_EUM_CLONES
void TallyBlock(const double* utility, const double* weights, int n, int m, int g, int first,
                int count, double* for_g, double* for_h) {
  // Σ_k max(0, −v_k) is accumulated as −Σ_k min(0, v_k): negation is exact and commutes with
  // rounding, so this is the same number with one operation less per term.
  double sum_g[kPairBlock] = {};
  double sum_h[kPairBlock] = {};
  if (count == kPairBlock) {
    for (int k = 0; k < n; ++k) {
      const double* row = utility + static_cast<std::size_t>(k) * m;
      const double weight = weights[k];
      const double at_g = row[g];
      for (int j = 0; j < kPairBlock; ++j) {
        const double vote = weight * (row[first + j] - at_g);
        sum_g[j] += std::max(0.0, vote);
        sum_h[j] += std::min(0.0, vote);
      }
    }
  } else {
    for (int k = 0; k < n; ++k) {
      const double* row = utility + static_cast<std::size_t>(k) * m;
      const double weight = weights[k];
      const double at_g = row[g];
      for (int j = 0; j < count; ++j) {
        const double vote = weight * (row[first + j] - at_g);
        sum_g[j] += std::max(0.0, vote);
        sum_h[j] += std::min(0.0, vote);
      }
    }
  }
  for (int j = 0; j < count; ++j) {
    for_g[j] = sum_g[j];
    for_h[j] = 0.0 - sum_h[j];
  }
}

// The compressed form. Actors sharing a position share every distance and every P, so votes are
// tallied over the m distinct positions instead of the n actors, and one sweep over the voters
// gives both directions of a pair (V_k(h, g) = −V_k(g, h) exactly) and its absolute total. The
// voter powers d^r are computed once per pass (m × n), the expected utilities of the offers come
// from per-actor tables of U_s and U_f (n × m powers instead of 4n²).
//
// Every sum is taken in the same order as in StraightforwardEngine (voters in input order; the
// global normaliser and Sec over actors in input order), so both forms give the same bits. This
// matters: near a tie of the octant tests (an actor a hair's breadth from its proposer, §3.6) the
// chosen offer depends on the last bit, and the reference trajectories (the comp_key=least row of
// the variant sweep) follow one particular rounding.
//
// Cost per round: O(m² n) for the votes (2 passes), O(n²) for the normaliser, Sec and the offers,
// 3 n m powers. With m = n (all positions distinct) that is half the pair work of the plain form
// and fewer powers (it needs about 5 n²); positions coincide often (confrontations move actors
// onto each other), and then m ≪ n.
class CompressedEngine : public RoundEngine {
 public:
  using RoundEngine::RoundEngine;

  void Step(const std::vector<double>& x, double range, double median,
            EumRoundResult* result) override {
    const int n = static_cast<int>(x.size());
    const double q = options_.q;
    GroupPositions(x);
    const int m = static_cast<int>(group_position_.size());

    // First pass, every r = 1 (§3.5 steps 1–2): Sec_a = Σ_{o≠a} EU(o → a), o in input order.
    ones_.assign(n, 1.0);
    Probabilities(x, ones_, range, &first_probability_);
    security_.assign(n, 0.0);
    for (int o = 0; o < n; ++o) {
      const int h = group_of_[o];
      for (int a = 0; a < n; ++a) {
        const int g = group_of_[a];
        if (g == h) continue;
        const double distance = std::abs(x[o] - x[a]) / range;
        security_[a] +=
            ChallengeUtility(first_probability_[h * m + g], salience_[a],
                             SuccessUtility(distance, 1.0), FailureUtility(distance, 1.0),
                             StatusQuoTerm(q, kLinearStatusQuo, 1.0, x[o], x[a], median, range));
      }
    }
    RiskExponents(security_, &result->risk_exponents);
    const std::vector<double>& risk = result->risk_exponents;
    status_quo_.resize(n);
    for (int a = 0; a < n; ++a) status_quo_[a] = StatusQuoUtility(risk[a]);

    // Second pass: votes shaped by each voter's r (unless linear, where it equals the first).
    const std::vector<double>* probability = &first_probability_;
    if (options_.probability_risk == EumProbabilityRisk::kVoter) {
      Probabilities(x, risk, range, &second_probability_);
      probability = &second_probability_;
    }

    // U_s and U_f of every actor, with its own exponent, towards every position.
    success_.resize(static_cast<std::size_t>(n) * m);
    failure_.resize(static_cast<std::size_t>(n) * m);
    // An actor's own position is never a target (h == g is skipped below): its two powers are
    // not computed.
    for (int a = 0; a < n; ++a) {
      const int own_group = group_of_[a];
      for (int h = 0; h < m; ++h) {
        if (h == own_group) continue;
        const double distance = std::abs(x[a] - group_position_[h]) / range;
        success_[a * m + h] = SuccessUtility(distance, risk[a]);
        failure_[a * m + h] = FailureUtility(distance, risk[a]);
      }
    }
    const bool own = options_.perspective == EumPerspective::kOwn;
    result->offers.clear();
    for (int mover = 0; mover < n; ++mover) {
      const int g = group_of_[mover];
      MoverChoice choice(x[mover], options_.capitulation, options_.compromise_key);
      const double rho = risk[mover];
      for (int p = 0; p < n; ++p) {
        const int h = group_of_[p];
        if (h == g) continue;
        const double a = ChallengeUtility(
            (*probability)[g * m + h], salience_[p], success_[mover * m + h],
            failure_[mover * m + h],
            StatusQuoTerm(q, status_quo_[mover], rho, x[mover], x[p], median, range));
        // Rival's EU with the mover's r (Scholz code) or the rival's own (eq. 25b).
        const int rival_row = own ? p * m + g : mover * m + h;
        const double b = ChallengeUtility(
            (*probability)[h * m + g], salience_[mover], success_[rival_row], failure_[rival_row],
            StatusQuoTerm(q, status_quo_[own ? p : mover], own ? risk[p] : rho, x[p], x[mover],
                          median, range));
        choice.Consider(p, x[p], a, b);
      }
      if (const EumOffer* best = choice.Best()) {
        EumOffer offer = *best;
        offer.mover = mover;
        result->offers.push_back(offer);
      }
    }
  }

 private:
  void GroupPositions(const std::vector<double>& x) {
    const int n = static_cast<int>(x.size());
    order_.resize(n);
    std::iota(order_.begin(), order_.end(), 0);
    std::sort(order_.begin(), order_.end(), [&](int a, int b) { return x[a] < x[b]; });
    group_position_.clear();
    group_of_.resize(n);
    for (int k = 0; k < n; ++k) {
      const int actor = order_[k];
      if (group_position_.empty() || x[actor] != group_position_.back()) {
        group_position_.push_back(x[actor]);
      }
      group_of_[actor] = static_cast<int>(group_position_.size()) - 1;
    }
  }

  // Votes of every voter on the pairs (g, h), h in [first, first + count), count ≤ kPairBlock:
  // Σ_k max(0, V_k(g, h)) (for g), Σ_k max(0, V_k(h, g)) (for h, since V_k(h, g) = −V_k(g, h)
  // exactly) and their sum Σ_k |V_k(g, h)|.
  void TallyPairs(int g, int first, int count, int n, int m) {
    double for_g[kPairBlock] = {};
    double for_h[kPairBlock] = {};
    TallyBlock(utility_.data(), weight_.data(), n, m, g, first, count, for_g, for_h);
    for (int j = 0; j < count; ++j) {
      const int h = first + j;
      numerator_[g * m + h] = for_g[j];
      numerator_[h * m + g] = for_h[j];
      absolute_[g * m + h] = for_g[j] + for_h[j];
      absolute_[h * m + g] = for_g[j] + for_h[j];
    }
  }

  // P between positions from the votes of every actor (§3.3), voter exponents `exponent`.
  void Probabilities(const std::vector<double>& x, const std::vector<double>& exponent,
                     double range, std::vector<double>* probability) {
    const int n = static_cast<int>(x.size());
    const int m = static_cast<int>(group_position_.size());
    // utility_[k * m + h] = d(voter k, position h)^{r_k}: positions contiguous, so that a block
    // of pairs (g, h..h+15) reads one short run per voter and the compiler can keep the block's
    // sums in vector registers. Each pair's sum still runs over the voters in input order.
    utility_.resize(static_cast<std::size_t>(n) * m);
    // At the voter's own position the distance is +0, and 0^r = +0 for the exponents of §3.5
    // (r in [1/2, 2]), so that power is not computed: the same bits.
    for (int k = 0; k < n; ++k) {
      double* row = &utility_[static_cast<std::size_t>(k) * m];
      const int own_group = group_of_[k];
      for (int h = 0; h < m; ++h) {
        row[h] = h == own_group && exponent[k] > 0.0
                     ? 0.0
                     : VoterUtility(std::abs(x[k] - group_position_[h]) / range, exponent[k]);
      }
    }
    numerator_.assign(static_cast<std::size_t>(m) * m, 0.0);
    absolute_.assign(static_cast<std::size_t>(m) * m, 0.0);
    for (int g = 0; g < m; ++g) {
      int h = g + 1;
      for (; h + kPairBlock <= m; h += kPairBlock) TallyPairs(g, h, kPairBlock, n, m);
      if (h < m) TallyPairs(g, h, m - h, n, m);
    }
    double normaliser = 0.0;
    if (options_.probability == EumProbability::kGlobal) {
      // S = Σ_a Σ_b Σ_k |V_k(a, b)| over ordered pairs of actors, in input order.
      for (int a = 0; a < n; ++a) {
        const double* row = &absolute_[static_cast<std::size_t>(group_of_[a]) * m];
        for (int b = 0; b < n; ++b) normaliser += row[group_of_[b]];
      }
    }
    probability->assign(static_cast<std::size_t>(m) * m, 0.0);
    for (int g = 0; g < m; ++g) {
      for (int h = 0; h < m; ++h) {
        if (g == h) continue;
        const double denominator =
            options_.probability == EumProbability::kGlobal ? normaliser : absolute_[g * m + h];
        if (denominator > 0.0) (*probability)[g * m + h] = numerator_[g * m + h] / denominator;
      }
    }
  }

  std::vector<int> order_, group_of_;
  std::vector<double> group_position_;
  std::vector<double> ones_, security_, status_quo_, utility_, numerator_, absolute_;
  std::vector<double> first_probability_, second_probability_, success_, failure_;
};

}  // namespace

std::unique_ptr<RoundEngine> MakeCompressedEngine(const EumIssueInput& input,
                                                  const std::vector<double>& weight,
                                                  const EumOptions& options) {
  return std::make_unique<CompressedEngine>(input, weight, options);
}

}  // namespace statecraft::eum_internal

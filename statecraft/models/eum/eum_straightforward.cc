// The straightforward form of the eum round (docs/models/eum.md §3.10): the literal O(n³)
// computation the compressed form is checked against, bit for bit.
#include <cmath>
#include <memory>
#include <vector>

#include "statecraft/models/eum/eum_engine.h"

namespace statecraft::eum_internal {
namespace {

// The literal form of §3.10: P for every ordered pair of actors with a loop over all voters,
// EU for every ordered pair. O(n³) per pass, O(n²) memory.
class StraightforwardEngine : public RoundEngine {
 public:
  using RoundEngine::RoundEngine;

  void Step(const std::vector<double>& x, double range, double median,
            EumRoundResult* result) override {
    const int n = static_cast<int>(x.size());
    const double q = options_.q;
    ones_.assign(n, 1.0);
    Probabilities(x, ones_, range);
    // First pass, every r = 1 (§3.5 step 1–2): Sec_a = Σ_{o≠a} EU(o → a).
    security_.assign(n, 0.0);
    for (int o = 0; o < n; ++o) {
      for (int a = 0; a < n; ++a) {
        if (x[o] == x[a]) continue;  // EU = 0 between actors at one position
        const double distance = std::abs(x[o] - x[a]) / range;
        security_[a] +=
            ChallengeUtility(probability_[o * n + a], salience_[a], SuccessUtility(distance, 1.0),
                             FailureUtility(distance, 1.0),
                             StatusQuoTerm(q, kLinearStatusQuo, 1.0, x[o], x[a], median, range));
      }
    }
    RiskExponents(security_, &result->risk_exponents);
    const std::vector<double>& risk = result->risk_exponents;
    status_quo_.resize(n);
    for (int a = 0; a < n; ++a) status_quo_[a] = StatusQuoUtility(risk[a]);
    Probabilities(x, options_.probability_risk == EumProbabilityRisk::kVoter ? risk : ones_, range);
    result->offers.clear();
    for (int m = 0; m < n; ++m) {
      MoverChoice choice(x[m], options_.capitulation, options_.compromise_key);
      for (int p = 0; p < n; ++p) {
        if (x[p] == x[m]) continue;
        const double distance = std::abs(x[m] - x[p]) / range;
        const double rho_mover = risk[m];
        const int rival = options_.perspective == EumPerspective::kMover ? m : p;
        const double rho_rival = risk[rival];
        const double a = ChallengeUtility(
            probability_[m * n + p], salience_[p], SuccessUtility(distance, rho_mover),
            FailureUtility(distance, rho_mover),
            StatusQuoTerm(q, status_quo_[m], rho_mover, x[m], x[p], median, range));
        const double b = ChallengeUtility(
            probability_[p * n + m], salience_[m], SuccessUtility(distance, rho_rival),
            FailureUtility(distance, rho_rival),
            StatusQuoTerm(q, status_quo_[rival], rho_rival, x[p], x[m], median, range));
        choice.Consider(p, x[p], a, b);
      }
      if (const EumOffer* best = choice.Best()) {
        EumOffer offer = *best;
        offer.mover = m;
        result->offers.push_back(offer);
      }
    }
  }

 private:
  // P_ij from the votes V_k(i, j) = w_k [d_kj^{r_k} − d_ki^{r_k}] (§3.3).
  void Probabilities(const std::vector<double>& x, const std::vector<double>& voter_risk,
                     double range) {
    const int n = static_cast<int>(x.size());
    utility_.resize(static_cast<std::size_t>(n) * n);
    for (int k = 0; k < n; ++k) {
      for (int a = 0; a < n; ++a) {
        utility_[k * n + a] = VoterUtility(std::abs(x[k] - x[a]) / range, voter_risk[k]);
      }
    }
    numerator_.assign(static_cast<std::size_t>(n) * n, 0.0);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        double positive = 0.0;
        for (int k = 0; k < n; ++k) {
          positive += std::max(0.0, weight_[k] * (utility_[k * n + j] - utility_[k * n + i]));
        }
        numerator_[i * n + j] = positive;
      }
    }
    // Σ_k |V_k(i, j)| = Σ_k max(0, V_k(i, j)) + Σ_k max(0, V_k(j, i)).
    absolute_.assign(static_cast<std::size_t>(n) * n, 0.0);
    double normaliser = 0.0;
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        absolute_[i * n + j] = numerator_[i * n + j] + numerator_[j * n + i];
        normaliser += absolute_[i * n + j];
      }
    }
    probability_.assign(static_cast<std::size_t>(n) * n, 0.0);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        if (x[i] == x[j]) continue;
        const double denominator =
            options_.probability == EumProbability::kGlobal ? normaliser : absolute_[i * n + j];
        if (denominator > 0.0) probability_[i * n + j] = numerator_[i * n + j] / denominator;
      }
    }
  }

  std::vector<double> ones_, security_, status_quo_, utility_, numerator_, absolute_, probability_;
};

}  // namespace

std::unique_ptr<RoundEngine> MakeStraightforwardEngine(const EumIssueInput& input,
                                                       const std::vector<double>& weight,
                                                       const EumOptions& options) {
  return std::make_unique<StraightforwardEngine>(input, weight, options);
}

}  // namespace statecraft::eum_internal

// eum: Bueno de Mesquita's expected utility model (BDM 1994), as reconstructed by Scholz, Calbert
// & Smith (2011), on one-dimensional issues. Each issue of a scenario is run on its own; actors
// without a stake on an issue are left out of it.
//
// The defaults follow the published algorithm ("Scholz-code semantics", docs/models/eum.md
// §3.10) except for the stopping rule, whose default averages the median over the rounds so that
// the forecast does not hinge on the round it stops at; EumOptions::Reference() reproduces the
// published numbers. Every interpretive choice the literature differs on is a named switch
// (§3.3–3.8). The
// per-issue engine, RunEumIssue, is public so that tests and benchmarks can drive it directly.
// README.md beside this file holds the math, every switch and every known divergence; section
// numbers (§) in this folder's comments refer to docs/models/eum.md.
#ifndef STATECRAFT_MODELS_EUM_EUM_H_
#define STATECRAFT_MODELS_EUM_EUM_H_

#include <string>
#include <vector>

#include "statecraft/core/registry.h"

namespace statecraft {

// §3.3: P_ij normalised once over all ordered pairs (Scholz code) or per pair (eq. 31).
enum class EumProbability { kGlobal, kPair };
// §3.3/§3.9: whether voter k's risk exponent r_k shapes its votes (Scholz code) or not.
enum class EumProbabilityRisk { kVoter, kLinear };
// §3.4: whose risk exponent the mover uses for the rival's expected utility.
enum class EumPerspective { kMover, kOwn };
// §3.7: how a mover picks among compromise offers.
enum class EumCompromiseKey { kMidpoint, kLeast };
// §3.1: range R fixed at the start or recomputed every round.
enum class EumRange { kFixed, kDynamic };
// §3.8: when a run stops. kAverage (statecraft's default, README "Stopping rules"): the forecast
// is the long-run mean of the weighted median — over one period of the cycle once the state
// recurs (the run stops there), else over rounds 1..rounds.
enum class EumStop { kFixedRounds, kFixedPoint, kCycle, kAverage };
enum class EumOfferKind { kConfrontation, kCompromise, kCapitulation };

struct EumOptions {
  EumProbability probability = EumProbability::kGlobal;
  EumProbabilityRisk probability_risk = EumProbabilityRisk::kVoter;
  EumPerspective perspective = EumPerspective::kMover;
  EumCompromiseKey compromise_key = EumCompromiseKey::kMidpoint;
  bool capitulation = true;
  double q = 1.0;  // status-quo probability Q
  EumRange range = EumRange::kFixed;
  // The number of rounds (kFixedRounds), the cap (kFixedPoint, kCycle) or the averaging horizon
  // (kAverage: the forecast moves by at most range/rounds when the horizon moves by one round).
  int rounds = 100;
  EumStop stop = EumStop::kAverage;
  // Fixed-point tolerance, as a fraction of the issue's range: the run has converged when no
  // actor moves by more than epsilon × R in a round.
  double epsilon = 1e-9;
  // Use the straightforward O(n³)-per-pass form instead of the compressed one. Both give the same
  // numbers to rounding; the straightforward form exists to check the fast one.
  bool straightforward = false;

  // The reference implementation's stopping (Scholz's Appendix, jmckib): exactly 10 rounds, the
  // forecast is the last round's median. The goldens use it.
  static EumOptions Reference() {
    EumOptions options;
    options.rounds = 10;
    options.stop = EumStop::kFixedRounds;
    return options;
  }
};

// One issue's actors (those with a stake), in scenario order.
struct EumIssueInput {
  std::vector<double> position;
  std::vector<double> capability;
  std::vector<double> salience;  // in [0, 1]
};

// An offer that moved its mover. Actor numbers index EumIssueInput.
struct EumOffer {
  int mover = 0;
  int proposer = 0;
  EumOfferKind kind = EumOfferKind::kConfrontation;
  double new_position = 0.0;
  double eu_mover = 0.0;     // a = EU(mover → proposer), as the mover sees it
  double eu_proposer = 0.0;  // b = EU(proposer → mover), as the mover sees it
};

struct EumRoundResult {
  std::vector<double> positions;       // after the round
  std::vector<double> risk_exponents;  // r_i used in the round (§3.5)
  std::vector<EumOffer> offers;        // the offers applied, by mover
  double median = 0.0;                 // c·s-weighted median after the round
  double mean = 0.0;                   // c·s-weighted mean after the round
};

struct EumCycle {
  int period = 0;       // 1 is a fixed point
  int first_round = 0;  // the state after this round recurs after first_round + period
  double median_min = 0.0;
  double median_mean = 0.0;
  double median_max = 0.0;
};

struct EumIssueResult {
  double range = 0.0;  // R at the start
  double initial_median = 0.0;
  double initial_mean = 0.0;
  std::vector<EumRoundResult> rounds;  // rounds 1..rounds_run
  bool converged = false;              // the last round moved nobody by more than epsilon × R
  bool has_cycle = false;  // a state recurred (exactly); `cycle` describes the first recurrence
  EumCycle cycle;
  std::string stopped_by;  // "fixed_rounds", "fixed_point", "cycle", "average"
  std::string note;        // set when the issue has no dynamics (fewer than two actors, R = 0)
  // The forecast under the stopping rule: the last round's median, or (kAverage) the mean of the
  // median over the cycle, or over rounds 1..rounds when no state recurred.
  double outcome = 0.0;
  // Whether the median has stopped moving: the run reached a fixed point, or a cycle along which
  // the median is constant. Otherwise [outcome_low, outcome_high] is the range the median keeps
  // moving in: over the cycle when the state recurred, else over the last half of the rounds run.
  bool settled = false;
  double outcome_low = 0.0;
  double outcome_high = 0.0;
};

// Runs one issue. Throws InputError on no actor, a salience outside [0, 1], a negative or
// non-finite capability or a non-finite position. Fewer than two actors, all actors at one
// position, or every weight c·s zero: nobody moves, every r is 1 (README, "Degenerate issues").
EumIssueResult RunEumIssue(const EumIssueInput& input, const EumOptions& options);

// The lower c·s-weighted median (§3.2): the smallest position whose cumulative weight reaches half
// the total, which is the Condorcet winner among held positions under the linear votes of eq. 29
// (ties go to the lowest position). Zero total weight: the lower unweighted median.
double EumWeightedMedian(const std::vector<double>& positions, const std::vector<double>& weights);

// EU(i → j) of eq. 25a (docs/models/eum.md §3.4) for a challenger at `challenger` and a target at
// `target` with normalised distance d = |challenger − target| / range, P = P_ij, the target's
// salience and risk exponent rho. The engine never asks for it when both hold one position (EU = 0
// there).
double EumChallengeUtility(double probability, double target_salience, double rho, double q,
                           double challenger, double target, double median, double range);

const char* EumOfferKindName(EumOfferKind kind);

void RegisterEumModel(ModelRegistry& registry);

}  // namespace statecraft

#endif  // STATECRAFT_MODELS_EUM_EUM_H_

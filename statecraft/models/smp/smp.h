// smp: KTAB's spatial model of politics (the "SMP" of the KAPSARC Toolkit for Behavioral
// Analysis), reproducing KTAB's smpc numbers (docs/models/smp.md §4).
//
// The issues of a scenario are the dimensions of one policy space. Each turn, every actor infers
// risk attitudes from a probabilistic Condorcet election over the current positions (§4.4),
// picks the most advantageous actor to challenge (§4.7–4.8), the two build a bargain (§4.9), and
// every actor adopts the bargain in its queue that a capability-weighted vote of all actors
// prefers (§4.10). Ideals follow positions through an accommodation matrix (§4.11); the run
// stops by KTAB's rule (§4.12).
//
// Two entry points:
// - the registered model "smp" (RegisterSmpModel), which maps a Scenario to positions on each
//   issue's own scale and attaches per-turn detail (targets, bargains, win probabilities);
// - RunSmp, the engine on KTAB's [0, 1] scale, which also takes an accommodation matrix (the
//   Scenario has no slot for one); RunSmpOutcome, the same run keeping its last state only.
//
// KtabPrng and KtabRandomScenario reproduce KTAB's random number generator and its `--euSMP`
// scenario generator (§4.13). See README.md beside this file for the math and every switch;
// section numbers (§) in this folder's comments refer to docs/models/smp.md.
#ifndef STATECRAFT_MODELS_SMP_SMP_H_
#define STATECRAFT_MODELS_SMP_SMP_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "statecraft/core/registry.h"
#include "statecraft/core/scenario.h"

namespace statecraft {

// The switches of docs/models/smp.md §4.2, with KTAB's defaults marked.
enum class SmpVictoryModel { kLinear /*default*/, kSquare, kQuartic, kOctic, kBinary };
enum class SmpPceModel { kConditional /*default*/, kMarkovIncentive, kMarkovUniform };
enum class SmpStateTransitions { kDeterministic /*default*/, kStochastic };
enum class SmpVotingRule { kBinary, kPropBin, kProp /*default*/, kPropCbc, kCubic, kASymProsp };
enum class SmpRiskAdjustment { kNone, kOneThird /*default*/, kHalf, kTwoThirds, kFull };
enum class SmpRiskRange { kMin, kMid /*default*/, kMax };
enum class SmpThirdPartyCommit { kNoCommit, kSemiCommit /*default*/, kFullCommit };
enum class SmpBargainInterpolation { kS1P1, kS2P2 /*default*/, kS2PMax };
enum class SmpBargainModel { kInitOnlyInterp /*default*/, kInitRcvrInterp, kPWCompInterp };

struct SmpConfig {
  SmpVictoryModel victory_model = SmpVictoryModel::kLinear;
  SmpPceModel pce_model = SmpPceModel::kConditional;
  SmpStateTransitions state_transitions = SmpStateTransitions::kDeterministic;
  SmpVotingRule voting_rule = SmpVotingRule::kProp;
  SmpRiskAdjustment risk_adjustment = SmpRiskAdjustment::kOneThird;
  SmpRiskRange risk_range = SmpRiskRange::kMid;
  SmpThirdPartyCommit third_party_commit = SmpThirdPartyCommit::kSemiCommit;
  SmpBargainInterpolation bargain_interpolation = SmpBargainInterpolation::kS2P2;
  SmpBargainModel bargain_model = SmpBargainModel::kInitOnlyInterp;
  // Stop rule smpStopFn(minIter, maxIter, minDeltaRatio, minSigDelta), docs/models/smp.md §4.12.
  int min_iterations = 2;
  int max_iterations = 100;
  double min_delta_ratio = 0.02;
  double min_significant_delta = 1e-4;
  // KTAB's --euSMP quirk (docs/models/smp.md §4.4): turn 0's bargain utilities use risk-neutral
  // attitudes.
  bool initial_bargains_risk_neutral = false;
};

// One scenario on KTAB's scale: positions and ideals in [0, 1], saliences with per-actor sums
// ≤ 1, capabilities ≥ 0. Actor-major arrays (actor * dimension_count + dimension).
struct SmpInput {
  int actor_count = 0;
  int dimension_count = 0;
  std::vector<double> capability;
  std::vector<double> position;
  std::vector<double> salience;
  // Row-major actor_count × actor_count accommodation matrix A of §4.11; empty means identity.
  std::vector<double> accommodation;
};

// One actor's challenge in one turn (§4.8), from the initiator's own perspective.
struct SmpChallenge {
  int target = -1;           // -1: no advantageous target this turn
  double gain = 0.0;         // the initiator's expected gain Δ from challenging the target
  double probability = 0.0;  // the initiator's estimate that it wins the contest
};

// A bargain (§4.9): the positions the initiator and the receiver would take.
struct SmpBargain {
  int initiator = -1;  // -1 with receiver -1: the status quo of the queue's owner
  int receiver = -1;
  std::vector<double> initiator_position;
  std::vector<double> receiver_position;
};

// One state of the run: positions and what was computed on them.
struct SmpState {
  std::vector<double> position;         // actor-major, [0, 1]
  std::vector<double> ideal;            // actor-major, [0, 1]
  std::vector<double> risk;             // R_i inferred on this state (§4.4)
  std::vector<double> win_probability;  // of each actor's position (pDist, §4.14)
  // Filled on every state but the last: the turn that leads from this state to the next.
  std::vector<SmpChallenge> challenges;      // per initiator
  std::vector<SmpBargain> accepted;          // per actor: the bargain it adopted (status quo too)
  std::vector<double> accepted_probability;  // the PCE probability of the adopted bargain
};

struct SmpHistory {
  std::vector<SmpState> states;      // state 0 is the input
  std::vector<double> change_ratio;  // per turn t ≥ 1: "Fractional change compared to first step"
};

// Runs the model. Throws InputError when the input is unusable (fewer than one actor, arrays of
// the wrong size, values out of range). `seed` drives KtabPrng in stochastic mode only.
SmpHistory RunSmp(const SmpInput& input, const SmpConfig& config, std::uint64_t seed);

// The last state of a run: what a Monte Carlo draw needs.
struct SmpFinalState {
  std::vector<double> position;  // actor-major, [0, 1]
  int turns = 0;
};

// RunSmp's last positions and turn count (the same numbers, bit for bit) without recording the
// states and turns before them, nor the win probabilities no turn needs.
SmpFinalState RunSmpOutcome(const SmpInput& input, const SmpConfig& config, std::uint64_t seed);

// KTAB's PRNG (docs/models/smp.md §4.13): mt19937_64 whose outputs go through the bijection
// qTrans(i) = (i + 0xE08C1D668B756F83)·(2i + 3) mod 2^64.
class KtabPrng {
 public:
  explicit KtabPrng(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t Next();
  // a + (b − a)·(n / (2^64 − 1)) for the next n.
  double Uniform(double low, double high);

 private:
  std::mt19937_64 engine_;
};

// KTAB's `--euSMP` scenario (docs/models/smp.md §4.13) on KTAB's scale; with random_accommodation,
// KTAB's
// `--ra` diagonal accommodation A_ii ~ U(0.1, 0.5).
SmpInput KtabRandomInput(std::uint64_t seed, bool random_accommodation = false);

// The same scenario as a Scenario: positions on a 0–100 scale, saliences in [0, 1], actors
// "SActor-00"…, dimensions "SDim-00"… (KTAB's names). Run it with the parameter
// initial_bargains_risk_neutral=true to reproduce KTAB's `--euSMP --seed S` run (that flag is
// KTAB's turn-0 quirk, §4.4).
Scenario KtabRandomScenario(std::uint64_t seed);

// The seed KTAB's smpc uses when none is given (its seed 0 means "draw one at random").
inline constexpr std::uint64_t kKtabDefaultSeed = 15455440707583219804ULL;

void RegisterSmpModel(ModelRegistry& registry);

}  // namespace statecraft

#endif  // STATECRAFT_MODELS_SMP_SMP_H_

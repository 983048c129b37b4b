// Sweep: a Monte Carlo of one model on a scenario under a plan of levers (and, optionally, the
// opponent's counter-levers). Each draw samples every ranged number of the scenario and the
// magnitude of every lever the plan leaves open, applies the counter-levers and then the plan,
// runs the model and applies the decision rules. Draws run in parallel on a pool of std::threads;
// draw k always uses the seeds DrawSeed(seed, k, stream), and writes only its own slots, so the
// result is identical for any thread count, any draw range it is computed in, and any number of
// processes a draw distributor (distributed.h, statecraft --mpi) shares it among.
//
// Summaries: quantiles (10 / 50 / 90 %), the probability of a threshold event ("ISSUE<=25"), and
// drivers — the Spearman rank correlation of each sampled input with the outcome, with the
// outcome's mean among the draws where the input is in its lowest and highest fifth (the two ends
// of a tornado bar).
#ifndef STATECRAFT_ANALYSIS_SWEEP_H_
#define STATECRAFT_ANALYSIS_SWEEP_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "statecraft/analysis/model_error.h"
#include "statecraft/analysis/statistics.h"
#include "statecraft/analysis/target.h"
#include "statecraft/analysis/uncertainty.h"
#include "statecraft/core/model.h"
#include "statecraft/core/scenario.h"
#include "statecraft/levers/lever.h"

namespace statecraft {

inline constexpr int kDefaultDriverDraws = 100000;
inline constexpr int kSweepBlockDraws = 16384;

struct SweepOptions {
  int draws = 1000;
  std::uint64_t seed = 0;
  int threads = 0;  // 0: every core
  Distribution distribution = Distribution::kTriangular;
  // Compute only draws [first_draw, first_draw + draw_count) of the sweep of `draws` draws
  // (draw_count -1: up to `draws`). Draw k uses the same seeds whatever the range, so parts
  // appended in draw order equal the whole sweep bit for bit.
  int first_draw = 0;
  int draw_count = -1;
  // The sampled inputs (for drivers) are kept for draws [0, driver_draws) only, so that a sweep
  // of millions of draws needs memory for its outcomes but not for dozens of inputs per draw.
  // Below the default every draw's inputs are kept.
  int driver_draws = kDefaultDriverDraws;
  // Called as draws are computed, with how many were just computed (a few at a time), from the
  // working threads at once: it must be thread-safe and cheap. May be empty. Under a draw
  // distributor each process counts its own share only.
  std::function<void(int)> draws_done;
  // The calibration whose model errors the analyses' summaries include — quantiles, intervals
  // and target probabilities (sweep_error.h, docs/calibration.md); null: the inputs' uncertainty
  // alone (`--model-error off`). The draws themselves never depend on it.
  std::shared_ptr<const Calibration> calibration;
  // Polled from the computing threads before each few draws; true stops the sweep, which then
  // throws SweepCancelled, so that a client's Cancel takes effect within a few draws. Not polled
  // while the draws are shared among processes (a process leaving alone would leave the others
  // waiting). May be empty.
  std::function<bool()> cancelled;
};

// What RunSweep throws when SweepOptions::cancelled asked it to stop.
class SweepCancelled : public std::runtime_error {
 public:
  SweepCancelled() : std::runtime_error("cancelled") {}
};

// Threads to use: `requested`, or every core when 0; InputError when negative.
int ResolveThreads(int requested);

// One lever of a sweep: at a fixed magnitude, or drawn from its declared range.
struct SweepLever {
  const Lever* lever = nullptr;
  double magnitude = 0.0;
  bool sampled = false;
  std::uint64_t stream = 0;  // the random stream of its magnitude draws
};

struct SweepPlan {
  std::vector<SweepLever> counter;  // applied first: the opponent's inducements are in place
  std::vector<SweepLever> levers;   // when a deal is weighed
};

// The plan's levers for a sweep: magnitudes given in the plan are fixed, the others are drawn
// from their declared ranges (`sample_open` false: fixed at their central values).
SweepPlan MakeSweepPlan(const LeverSet& levers, const Plan& plan, bool sample_open = true);
// Fixed levers (an optimize candidate or a counter-plan), streams from the declaration order.
std::vector<SweepLever> FixedLevers(const LeverSet& levers,
                                    const std::vector<AppliedLever>& applied, bool counter);

struct SweepResult {
  int first_draw = 0;  // the sweep's index of the first draw held here
  int draws = 0;       // the number of draws held here
  int issue_count = 0;
  std::vector<std::string> issue_names;
  std::vector<std::string> input_labels;  // scenario inputs, then sampled lever magnitudes
  std::vector<double> inputs;         // draw-major: InputDraws() × input_labels.size() (see below)
  std::vector<double> outcomes;       // draw-major: draws × issues, after decision rules
  std::vector<double> unconstrained;  // draw-major: draws × issues, the model's own
  int deals_offered = 0;              // deals per draw
  std::vector<int> deals_struck;      // per draw
  double Outcome(int draw, int issue) const { return outcomes[draw * issue_count + issue]; }
  // The draws whose sampled inputs are held: the first InputDraws() draws held here. All of them
  // unless the sweep reaches past SweepOptions::driver_draws.
  int InputDraws() const {
    return input_labels.empty() ? draws : static_cast<int>(inputs.size() / input_labels.size());
  }
};

// IssueLeftWithoutPositions (levers/lever.h) for the counter-levers and levers of a sweep.
std::optional<std::string> IssueLeftWithoutPositions(const Scenario& scenario,
                                                     const SweepPlan& plan);

// Runs the Monte Carlo over the options' draw range, in blocks of kSweepBlockDraws draws folded
// into a SweepAccumulator when the range is longer (the result is the same bit for bit). Throws
// InputError when the plan leaves an issue without an actor with a position, when the model rejects
// a drawn scenario (the lowest failing draw's error, whatever the thread count) or when the range
// does not lie within [0, draws).
SweepResult RunSweep(const Scenario& scenario, const SweepPlan& plan, const ModelInfo& info,
                     const ParamValues& params, const SweepOptions& options);

// Appends `part` to `whole`. The part must start where the whole ends (part.first_draw ==
// whole.first_draw + whole.draws) and have the same issues, inputs and deals; InputError
// otherwise. An empty whole (no draws and no issues) takes the part as it is. The part's sampled
// inputs are appended only while the whole holds the inputs of every one of its draws.
void AppendSweepPart(SweepResult& whole, const SweepResult& part);

// Folds the parts of one sweep, given in draw order, into the whole result with bounded memory
// for the inputs: outcomes, the model's own outcomes and deals struck are kept for every draw
// (8 × 2 × issues + 4 bytes a draw: quantiles, means, target probabilities and deal shares stay
// exact), sampled inputs only for draws [0, driver_draws) (drivers are computed from those).
// RunSweep folds its blocks of draws this way; a store can fold saved parts the same way.
class SweepAccumulator {
 public:
  // `expected_draws`: the draws the parts will hold in all, to reserve memory once.
  explicit SweepAccumulator(int driver_draws = kDefaultDriverDraws, int expected_draws = 0);
  // InputError when the part does not continue the draws held so far (see AppendSweepPart).
  void Add(const SweepResult& part);
  const SweepResult& result() const { return whole_; }
  SweepResult Take() { return std::move(whole_); }

 private:
  int driver_draws_;
  int expected_draws_;
  SweepResult whole_;
};

struct Quantiles {
  double q10 = 0.0;
  double median = 0.0;
  double q90 = 0.0;
  double mean = 0.0;
};

// Quantiles of an issue's outcome (after decision rules, or the model's own).
Quantiles SummarizeIssue(const SweepResult& result, int issue, bool ruled = true);

// Share of draws in which the target is met.
double TargetProbability(const SweepResult& result, const Target& target);

// Share of draws in which every offered deal was struck (0 when none is offered).
double DealStruckShare(const SweepResult& result);

struct Driver {
  std::string input;
  double rank_correlation = 0.0;   // Spearman's rho with the issue's outcome
  double outcome_when_low = 0.0;   // mean outcome where the input is in its lowest fifth
  double outcome_when_high = 0.0;  // ... and in its highest fifth
};

// The inputs that drive an issue's outcome, strongest |rho| first (at most `count`); inputs
// constant over the draws are left out. Computed over the draws whose inputs are held (the first
// InputDraws(): every draw up to SweepOptions::driver_draws, 100,000 by default), so beyond that
// the drivers are those of the first 100,000 draws, whose Spearman rho has a standard error of
// about 1/sqrt(100,000) ≈ 0.003.
std::vector<Driver> Drivers(const SweepResult& result, int issue, int count);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_SWEEP_H_

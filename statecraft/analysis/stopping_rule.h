// Sequential tests of a probability estimated over a fixed set of draws (optimize.h's search).
//
// A plan's probability of the target is the mean over N draws of a per-draw probability in
// [0, 1] (sweep_error.h: the share of draws meeting the target, or with the models' own error
// the mean of each draw's probability). The exhaustive search computes that mean over all N
// draws and compares it with the required probability p. A sequential test draws a few, then
// more, and stops as soon as the comparison over all N draws is settled:
//
//   - surely: the draws still to come cannot change it (each adds between 0 and 1);
//   - or with a chance below `risk` of disagreeing with the N-draw mean. After n draws with mean
//     m, the N-draw mean can reach p only if the remaining N - n draws average
//     a = (N p - n m) / (N - n). For draws independent and in [0, 1] with any mean mu, Hoeffding's
//     bound (1963, Theorem 1: P(mean of k ≤ x) ≤ exp(-k KL(x‖mu)) for x ≤ mu, KL the Bernoulli
//     relative entropy) bounds the chance of both the first n averaging m or less and the rest
//     averaging a or more by exp(-[n KL(m‖mu) + (N - n) KL(a‖mu)]); the exponent is smallest at
//     mu = p, which gives DisagreementChance. The same holds with the inequalities reversed.
//     That bound holds for any distribution of the draws, so it assumes the widest (each draw 0
//     or 1); the draws' probabilities with the models' error are far less spread. From 24 draws
//     on, the test also stops when the normal approximation (central limit theorem) of the
//     remaining draws' mean, with the draws' variance, puts the N-draw mean on the same side
//     with a chance of disagreeing below `risk`: the mean of the rest is predicted as m with
//     variance s^2 (1 / (N - n) + 1 / n), the second term for m's own error. s^2 is the draws'
//     variance with two draws added at 0 and 1, so that a few equal draws never claim
//     certainty.
//
// Draws are the same draws the exhaustive search takes (common random numbers), so when a test
// runs to its last draw its mean is the exhaustive search's value bit for bit.
#ifndef STATECRAFT_ANALYSIS_STOPPING_RULE_H_
#define STATECRAFT_ANALYSIS_STOPPING_RULE_H_

namespace statecraft {

// Each early stop disagrees with the N-draw comparison with a chance below this.
inline constexpr double kSequentialRisk = 1e-6;

// Per-draw probabilities seen so far: their count, sum and sum of squares.
struct RunningMean {
  int draws = 0;
  double sum = 0.0;
  double sum_squares = 0.0;

  void Add(double value) {
    ++draws;
    sum += value;
    sum_squares += value * value;
  }
  double Mean() const { return draws == 0 ? 0.0 : sum / draws; }
  // The Monte Carlo standard error of the mean: the draws' standard deviation over sqrt(draws).
  double StandardError() const;
};

enum class Verdict {
  kUndecided,  // draw more
  kBelow,      // the mean over every draw is below the requirement
  kAtLeast,    // the mean over every draw is at least the requirement
};

// The chance bound above for a test that, after `draws` of `total` draws with mean `mean`,
// declares the `total`-draw mean on the same side of `required` as `mean`. 1 when `mean` is on
// the requirement's boundary; 0 when the remaining draws cannot cross it.
double DisagreementChance(double mean, int draws, int total, double required);

// The verdict on the mean over `total` draws against `required` after the draws seen so far:
// settled surely, or with a chance of disagreeing below `risk`, or undecided.
Verdict TestAgainst(const RunningMean& seen, int total, double required,
                    double risk = kSequentialRisk);

// The variance of the draws seen, with two draws added at 0 and 1 (see the file comment).
double RegularizedVariance(const RunningMean& seen);

// Draw counts at which a sequential test looks: 16, 24, 36, 54, ... and finally `total`.
int NextLook(int drawn, int total);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_STOPPING_RULE_H_

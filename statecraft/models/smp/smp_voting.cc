// Coalitions, victory probabilities and the PCE of the SMP engine: docs/models/smp.md §4.5–§4.6.
#include "statecraft/models/smp/smp_voting.h"

#include <cmath>

namespace statecraft::smp_internal {
namespace {

// Constants of §4.2 and §4.6.
constexpr double kMinCoalition = 1e-8;  // minC in Model::coalitions
constexpr double kMarkovUniformTolerance = 1e-6;
constexpr double kMarkovIncentiveTolerance = 1e-8;
constexpr double kMarkovIncentiveDiagonal = 1e-10;
constexpr double kBinaryLoserProbability = 1e-6;

// Model::coalitions, §4.6, for options i > j: the weight of the voters for i over j and of
// those for j over i. `by_option` holds each option's utilities for every voter (option-major),
// so the voters of a pair are read in sequence. Two pairs are summed side by side: each sum still
// adds its voters in KTAB's order (so every bit is KTAB's), but the two chains of additions
// overlap in the processor.
template <SmpVotingRule kRule>
void Coalitions(const double* weight, const double* by_option, int voter_count, int option_count,
                double* coalition) {
  const int m = option_count;
  for (int i = 0; i < m; ++i) {
    const double* utility_i = by_option + static_cast<std::size_t>(i) * voter_count;
    int j = 0;
    for (; j + 1 < i; j += 2) {
      const double* utility_j = by_option + static_cast<std::size_t>(j) * voter_count;
      const double* utility_next = utility_j + voter_count;
      double for_i = kMinCoalition;
      double for_j = kMinCoalition;
      double for_i_next = kMinCoalition;
      double for_next = kMinCoalition;
      for (int k = 0; k < voter_count; ++k) {
        const double vote = Vote<kRule>(weight[k], utility_i[k], utility_j[k]);
        const double vote_next = Vote<kRule>(weight[k], utility_i[k], utility_next[k]);
        // Adding an exact zero leaves the sums bit-identical to KTAB's branches.
        for_i += Positive(vote);
        for_j += Positive(-vote);
        for_i_next += Positive(vote_next);
        for_next += Positive(-vote_next);
      }
      coalition[i * m + j] = for_i;
      coalition[j * m + i] = for_j;
      coalition[i * m + j + 1] = for_i_next;
      coalition[(j + 1) * m + i] = for_next;
    }
    for (; j < i; ++j) {
      const double* utility_j = by_option + static_cast<std::size_t>(j) * voter_count;
      double for_i = kMinCoalition;
      double for_j = kMinCoalition;
      for (int k = 0; k < voter_count; ++k) {
        const double vote = Vote<kRule>(weight[k], utility_i[k], utility_j[k]);
        for_i += Positive(vote);
        for_j += Positive(-vote);
      }
      coalition[i * m + j] = for_i;
      coalition[j * m + i] = for_j;
    }
    coalition[i * m + i] = kMinCoalition;
  }
}

double VictoryWeight(SmpVictoryModel model, double strength) {
  switch (model) {
    case SmpVictoryModel::kSquare:
      return strength * strength;
    case SmpVictoryModel::kQuartic: {
      const double square = strength * strength;
      return square * square;
    }
    case SmpVictoryModel::kOctic: {
      const double square = strength * strength;
      const double fourth = square * square;
      return fourth * fourth;
    }
    default:
      return strength;
  }
}

// Model::vProb, §4.6: pairwise victory probabilities from coalition strengths.
void VictoryProbabilities(SmpVictoryModel model, const std::vector<double>& coalition, int m,
                          std::vector<double>& victory) {
  victory.assign(static_cast<std::size_t>(m) * m, 0.5);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < m; ++j) {
      if (i == j) continue;
      const double c_ij = coalition[i * m + j];
      const double c_ji = coalition[j * m + i];
      if (model == SmpVictoryModel::kBinary) {
        double p_ij;
        double p_ji;
        if (c_ij >= 1.1 * c_ji) {
          p_ij = 1.0;
          p_ji = kBinaryLoserProbability;
        } else if (c_ji >= 1.1 * c_ij) {
          p_ij = kBinaryLoserProbability;
          p_ji = 1.0;
        } else {
          const double ratio = c_ij / (c_ij + c_ji);
          p_ij = (ratio * 2.1 - 1.0) / 0.1;
          p_ji = 1.0 - p_ij;
        }
        victory[i * m + j] = p_ij / (p_ij + p_ji);
      } else {
        const double x_ij = VictoryWeight(model, c_ij);
        const double x_ji = VictoryWeight(model, c_ji);
        victory[i * m + j] = x_ij / (x_ij + x_ji);
      }
    }
  }
}

// Model::probCE2, §4.6: the probability of each option under the chosen PCE model.
void ProbabilisticCondorcet(SmpPceModel pce, SmpVictoryModel victory_model, int m,
                            VoteScratch& scratch, std::vector<double>& probability) {
  const std::vector<double>& coalition = scratch.coalition;
  std::vector<double>& victory = scratch.victory;
  VictoryProbabilities(victory_model, coalition, m, victory);
  probability.assign(m, 1.0 / m);
  switch (pce) {
    case SmpPceModel::kConditional: {
      double total = 0.0;
      for (int i = 0; i < m; ++i) {
        double product = 1.0;
        for (int j = 0; j < m; ++j) product *= victory[i * m + j];
        probability[i] = product;
        total += product;
      }
      for (int i = 0; i < m; ++i) probability[i] /= total;
      return;
    }
    case SmpPceModel::kMarkovUniform: {
      std::vector<double>& next = scratch.next;
      next.assign(m, 0.0);
      double change = 1.0;
      while (change > kMarkovUniformTolerance) {
        change = 0.0;
        for (int i = 0; i < m; ++i) {
          double sum = 0.0;
          for (int j = 0; j < m; ++j) sum += victory[i * m + j] * (probability[i] + probability[j]);
          next[i] = sum / m;
          change = std::max(change, std::abs(next[i] - probability[i]));
        }
        for (int i = 0; i < m; ++i) probability[i] = (probability[i] + next[i]) / 2.0;
      }
      return;
    }
    case SmpPceModel::kMarkovIncentive: {
      std::vector<double>& challenge = scratch.challenge;
      challenge.assign(static_cast<std::size_t>(m) * m, 0.0);
      for (int j = 0; j < m; ++j) {
        double column = 0.0;
        for (int k = 0; k < m; ++k) {
          double incentive = coalition[k * m + j] * victory[k * m + j];
          if (k == j) incentive += kMarkovIncentiveDiagonal;
          challenge[k * m + j] = incentive;
          column += incentive;
        }
        for (int k = 0; k < m; ++k) challenge[k * m + j] /= column;
      }
      std::vector<double>& next = scratch.next;
      next.assign(m, 0.0);
      double change = 1.0;
      while (change > kMarkovIncentiveTolerance) {
        change = 0.0;
        for (int i = 0; i < m; ++i) {
          double sum = 0.0;
          for (int j = 0; j < m; ++j) {
            const double ct_ij = probability[i] * challenge[j * m + i];
            const double ct_ji = probability[j] * challenge[i * m + j];
            sum += victory[i * m + j] * (ct_ij + ct_ji);
          }
          next[i] = sum;
          change = std::max(change, std::abs(next[i] - probability[i]));
        }
        for (int i = 0; i < m; ++i) probability[i] = (probability[i] + next[i]) / 2.0;
      }
      return;
    }
  }
}

}  // namespace

void ScalarPce(const SmpConfig& config, SmpVotingRule rule, const std::vector<double>& weight,
               const double* utility, int voter_count, int option_count, VoteScratch& scratch,
               std::vector<double>& probability) {
  const int n = voter_count;
  const int m = option_count;
  scratch.by_option.resize(static_cast<std::size_t>(n) * m);
  for (int k = 0; k < n; ++k) {
    for (int i = 0; i < m; ++i) scratch.by_option[i * n + k] = utility[k * m + i];
  }
  scratch.coalition.resize(static_cast<std::size_t>(m) * m);
  WithVotingRule(rule, [&](auto constant) {
    Coalitions<decltype(constant)::value>(weight.data(), scratch.by_option.data(), n, m,
                                          scratch.coalition.data());
  });
  ProbabilisticCondorcet(config.pce_model, config.victory_model, m, scratch, probability);
}

}  // namespace statecraft::smp_internal

#include "statecraft/models/smp/smp_voting.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace statecraft::smp_internal {
namespace {

// Constants of docs/models/smp.md §4.5 and §4.6.
constexpr double kMinCoalition = 1e-8;  // minC in Model::coalitions
constexpr double kMarkovUniformTolerance = 1e-6;
constexpr double kMarkovIncentiveTolerance = 1e-8;
constexpr double kMarkovIncentiveDiagonal = 1e-10;
constexpr double kBinaryLoserProbability = 1e-6;

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

}  // namespace

// Model::coalitions, docs/models/smp.md §4.6: utility is voters × options, row-major.
void Coalitions(SmpVotingRule rule, const std::vector<double>& weight,
                const std::vector<double>& utility, int voter_count, int option_count,
                std::vector<double>& coalition) {
  coalition.assign(static_cast<std::size_t>(option_count) * option_count, 0.0);
  for (int i = 0; i < option_count; ++i) {
    for (int j = 0; j < i; ++j) {
      double for_i = kMinCoalition;
      double for_j = kMinCoalition;
      for (int k = 0; k < voter_count; ++k) {
        const double vote =
            Vote(rule, weight[k], utility[k * option_count + i], utility[k * option_count + j]);
        // Branch-free; adding an exact zero leaves the sums bit-identical to KTAB's branches.
        for_i += std::max(vote, 0.0);
        for_j += std::max(-vote, 0.0);
      }
      coalition[i * option_count + j] = for_i;
      coalition[j * option_count + i] = for_j;
    }
    coalition[i * option_count + i] = kMinCoalition;
  }
}

// Model::vProb, docs/models/smp.md §4.6: pairwise victory probabilities from coalition strengths.
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

// Model::probCE2, docs/models/smp.md §4.6: the probability of each option under the chosen PCE
// model.
void ProbabilisticCondorcet(SmpPceModel pce, SmpVictoryModel victory_model,
                            const std::vector<double>& coalition, int m,
                            std::vector<double>& victory, std::vector<double>& probability) {
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
      std::vector<double> next(m);
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
      std::vector<double> challenge(static_cast<std::size_t>(m) * m);
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
      std::vector<double> next(m);
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

// Model::scalarPCE: the probability of each option when voters vote with weights.
void ScalarPce(const SmpConfig& config, SmpVotingRule rule, const std::vector<double>& weight,
               const std::vector<double>& utility, int voter_count, int option_count,
               std::vector<double>& coalition, std::vector<double>& victory,
               std::vector<double>& probability) {
  Coalitions(rule, weight, utility, voter_count, option_count, coalition);
  ProbabilisticCondorcet(config.pce_model, config.victory_model, coalition, option_count, victory,
                         probability);
}

}  // namespace statecraft::smp_internal

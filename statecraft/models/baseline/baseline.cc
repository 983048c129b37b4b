#include "statecraft/models/baseline/baseline.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

#include "statecraft/core/exact_scale.h"

namespace statecraft {
namespace {

enum class Statistic { kMean, kMedian };

BaselineWeights ParseWeights(const std::string& text) {
  if (text == "salience") return BaselineWeights::kSalience;
  if (text == "capability") return BaselineWeights::kCapability;
  if (text == "capability_salience") return BaselineWeights::kCapabilitySalience;
  return BaselineWeights::kNone;
}

// The factors of an actor's weight: capability and salience, each 1 when not weighed by.
double CapabilityFactor(const Scenario& scenario, int actor, int issue, BaselineWeights weights) {
  const bool used =
      weights == BaselineWeights::kCapability || weights == BaselineWeights::kCapabilitySalience;
  return used ? scenario.Capability(actor, issue) : 1.0;
}

double SalienceFactor(const Scenario& scenario, int actor, int issue, BaselineWeights weights) {
  const bool used =
      weights == BaselineWeights::kSalience || weights == BaselineWeights::kCapabilitySalience;
  return used ? scenario.Salience(actor, issue) : 1.0;
}

class BaselineModel : public Model {
 public:
  BaselineModel(Statistic statistic, BaselineWeights weights)
      : statistic_(statistic), weights_(weights) {}

  Forecast Run(const Scenario& scenario, std::uint64_t /*seed*/) const override {
    scenario.CheckEveryIssueHasPositions();
    Forecast forecast;
    Round round;
    round.positions = InputPositions(scenario);
    std::vector<double> values;
    std::vector<double> capabilities;
    std::vector<double> saliences;
    std::vector<double> weights;
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      values.clear();
      capabilities.clear();
      saliences.clear();
      for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
        if (!scenario.HasStake(actor, issue)) continue;
        values.push_back(scenario.Position(actor, issue));
        capabilities.push_back(CapabilityFactor(scenario, actor, issue, weights_));
        saliences.push_back(SalienceFactor(scenario, actor, issue, weights_));
      }
      // Both statistics are invariant to scaling the weights, and equivariant to scaling the
      // positions, by powers of two: capabilities, saliences and positions are brought near 1
      // first (exact_scale.h), so that capabilities of 1e308 or scales of ±1e308 neither overflow
      // nor lose their digits.
      const int capability_exponent = BandExponentOf(capabilities);
      const int salience_exponent = BandExponentOf(saliences);
      const int value_exponent = BandExponentOf(values);
      const auto [lowest_value, highest_value] = std::minmax_element(values.begin(), values.end());
      const double lowest = *lowest_value;
      const double highest = *highest_value;
      weights.resize(values.size());
      for (std::size_t k = 0; k < values.size(); ++k) {
        weights[k] = ScaleByPowerOfTwo(capabilities[k], capability_exponent) *
                     ScaleByPowerOfTwo(saliences[k], salience_exponent);
        values[k] = ScaleByPowerOfTwo(values[k], value_exponent);
      }
      const double statistic = statistic_ == Statistic::kMean ? WeightedMean(values, weights)
                                                              : WeightedMedian(values, weights);
      // Both lie within the positions' hull; positions more than 2^1074 times smaller than the
      // largest underflow when scaled, and come back held to it.
      round.outcome.push_back(
          std::clamp(ScaleByPowerOfTwo(statistic, -value_exponent), lowest, highest));
    }
    forecast.outcome = round.outcome;
    forecast.rounds.push_back(std::move(round));
    return forecast;
  }

 private:
  Statistic statistic_;
  BaselineWeights weights_;
};

// The choices are spelled out here rather than in a namespace-scope vector, so that registering
// the models during another file's static initialisation (benchmarks do) never sees them empty.
ParamSpec WeightsParam(const std::string& default_value) {
  return ParamSpec{"weights",
                   ParamType::kChoice,
                   default_value,
                   {"none", "salience", "capability", "capability_salience"},
                   0,
                   0,
                   "what each actor's position is weighted by"};
}

}  // namespace

double WeightedMean(const std::vector<double>& values, const std::vector<double>& weights) {
  return ExactWeightedMean(values, weights);
}

double WeightedMedian(const std::vector<double>& values, const std::vector<double>& weights) {
  const std::size_t count = values.size();
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  const bool unweighted = !(total > 0.0);
  if (unweighted) total = static_cast<double>(count);
  const double half = total / 2.0;
  // Relative tolerance for "exactly half", so that weights like 0.1 + 0.2 still split evenly.
  const double tolerance = 1e-12 * total;
  double cumulative = 0.0;
  for (std::size_t k = 0; k < count; ++k) {
    cumulative += unweighted ? 1.0 : weights[order[k]];
    if (std::abs(cumulative - half) <= tolerance && k + 1 < count) {
      return (values[order[k]] + values[order[k + 1]]) / 2.0;
    }
    if (cumulative > half) return values[order[k]];
  }
  return values[order[count - 1]];
}

void RegisterBaselineModels(ModelRegistry& registry) {
  registry.Add(ModelInfo{"mean",
                         "mean of the actors' positions per issue (weights: none by default)",
                         "the plain average of where the actors stand: a yardstick, not a theory",
                         {WeightsParam("none")},
                         false,
                         [](const ParamValues& params) {
                           return std::make_unique<BaselineModel>(
                               Statistic::kMean, ParseWeights(params.GetChoice("weights")));
                         }});
  registry.Add(ModelInfo{"median",
                         "median of the actors' positions per issue (weights: none by default)",
                         "the position of the middle actor: a yardstick, not a theory",
                         {WeightsParam("none")},
                         false,
                         [](const ParamValues& params) {
                           return std::make_unique<BaselineModel>(
                               Statistic::kMedian, ParseWeights(params.GetChoice("weights")));
                         }});
  registry.Add(ModelInfo{"weighted_median",
                         "median position weighted by capability x salience (the median voter)",
                         "where half the clout (capability times salience) stands on either side",
                         {},
                         false,
                         [](const ParamValues&) {
                           return std::make_unique<BaselineModel>(
                               Statistic::kMedian, BaselineWeights::kCapabilitySalience);
                         }});
  registry.Add(ModelInfo{"compromise",
                         "mean position weighted by capability x salience (compromise model)",
                         "the average position, each actor counted by its clout and how much it "
                         "cares: the benchmark the theories must beat",
                         {},
                         false,
                         [](const ParamValues&) {
                           return std::make_unique<BaselineModel>(
                               Statistic::kMean, BaselineWeights::kCapabilitySalience);
                         }});
}

}  // namespace statecraft

#include "statecraft/models/choice/choice.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "statecraft/core/error.h"

namespace statecraft {
namespace {

// The distance feature's unit: the weighted standard deviation plus 5 % of the range, so that
// an issue where everybody agrees does not make every other candidate infinitely far.
constexpr double kDistanceFloor = 0.05;

// The shipped fit: `statecraft fit deu data/deu/deu_i_ii_iii_combined_blksv.tsv --capability votes`
// (docs/models/choice.md; its inner cross-validation chose the `keenest` ingredients, penalty
// and no compromise atom). A test with the `fit` label checks that the fit gives these numbers.
constexpr double kShippedBeta[kChoiceFeatureCount] = {-1.0075242191796316,
                                                      -0.8401094262769413,
                                                      0.83448076572446983,
                                                      -0.86245602725143211,
                                                      0.71614028675262043,
                                                      0,
                                                      0,
                                                      0};
constexpr double kShippedCompromiseWeight = 0;

constexpr const char* kFeatureNames[kChoiceFeatureCount] = {
    "distance",      "imbalance", "held",     "share",
    "keenest_share", "scale_end", "midpoint", "reference_point"};

struct IngredientName {
  ChoiceIngredients ingredients;
  const char* name;
};

constexpr IngredientName kIngredientNames[] = {
    {ChoiceIngredients::kAuto, "auto"},
    {ChoiceIngredients::kAnchors, "anchors"},
    {ChoiceIngredients::kCompromise, "compromise"},
    {ChoiceIngredients::kKeenest, "keenest"},
    {ChoiceIngredients::kImbalance, "imbalance"},
    {ChoiceIngredients::kPositions, "positions"},
    {ChoiceIngredients::kDistance, "distance"},
};

std::string NumberText(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

class ChoiceModel : public Model {
 public:
  explicit ChoiceModel(ChoiceCoefficients coefficients) : coefficients_(coefficients) {}

  Forecast Run(const Scenario& scenario, std::uint64_t /*seed*/) const override {
    scenario.CheckEveryIssueHasPositions();
    Forecast forecast;
    Round round;
    round.positions = InputPositions(scenario);
    Detail candidates = Detail::MakeObject();
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      const ChoiceCandidates made = MakeChoiceCandidates(scenario, issue);
      const std::vector<double> probabilities = ChoiceProbabilities(made, coefficients_);
      round.outcome.push_back(ChoiceForecast(made, probabilities, coefficients_.compromise_weight));
      Detail list = Detail::MakeList();
      for (std::size_t k = 0; k < made.values.size(); ++k) {
        Detail item = Detail::MakeObject();
        item.Set("value", made.values[k]);
        item.Set("probability", (1.0 - coefficients_.compromise_weight) * probabilities[k]);
        list.Append(std::move(item));
      }
      Detail compromise = Detail::MakeObject();
      compromise.Set("value", made.weighted_mean);
      compromise.Set("probability", coefficients_.compromise_weight);
      Detail item = Detail::MakeObject();
      item.Set("candidates", std::move(list));
      item.Set("compromise", std::move(compromise));
      candidates.Set(scenario.issues[issue].name, std::move(item));
    }
    forecast.outcome = round.outcome;
    forecast.rounds.push_back(std::move(round));
    forecast.detail.Set("choice", std::move(candidates));
    return forecast;
  }

  Forecast RunOutcome(const Scenario& scenario, std::uint64_t /*seed*/) const override {
    scenario.CheckEveryIssueHasPositions();
    Forecast forecast;
    Round round;
    round.positions = InputPositions(scenario);
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      const ChoiceCandidates made = MakeChoiceCandidates(scenario, issue);
      round.outcome.push_back(ChoiceForecast(made, ChoiceProbabilities(made, coefficients_),
                                             coefficients_.compromise_weight));
    }
    forecast.outcome = round.outcome;
    forecast.rounds.push_back(std::move(round));
    return forecast;
  }

 private:
  ChoiceCoefficients coefficients_;
};

ChoiceIngredients IngredientsOf(const std::string& name) {
  for (const auto& entry : kIngredientNames) {
    if (name == entry.name) return entry.ingredients;
  }
  return ChoiceIngredients::kAuto;
}

ChoiceCoefficients CoefficientsOf(const ParamValues& params) {
  ChoiceCoefficients coefficients;
  for (int k = 0; k < kChoiceFeatureCount; ++k) {
    coefficients.beta[k] = params.GetNumber(kFeatureNames[k]);
  }
  coefficients.compromise_weight = params.GetNumber("compromise_weight");
  return coefficients;
}

}  // namespace

const char* ChoiceIngredientsName(ChoiceIngredients ingredients) {
  for (const auto& entry : kIngredientNames) {
    if (entry.ingredients == ingredients) return entry.name;
  }
  return "auto";
}

ChoiceCandidates MakeChoiceCandidates(const Scenario& scenario, int issue) {
  const Issue& declared = scenario.issues[issue];
  std::vector<double> positions;
  std::vector<double> saliences;
  std::vector<double> weights;
  double total = 0.0;
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    if (!scenario.HasStake(actor, issue)) continue;
    positions.push_back(scenario.Position(actor, issue));
    saliences.push_back(scenario.Salience(actor, issue));
    weights.push_back(scenario.Capability(actor, issue) * saliences.back());
    total += weights.back();
  }
  if (positions.empty()) {
    throw InputError("choice: issue '" + declared.name + "' has no actor with a stake");
  }
  if (!(total > 0.0)) {
    std::fill(weights.begin(), weights.end(), 1.0);
    total = static_cast<double>(weights.size());
  }
  ChoiceCandidates made;
  const double low = declared.scale_low;
  const double high = declared.scale_high;
  // The mean, spread and width are computed in units of a power of two near the scale's largest
  // magnitude: exact, so the same bits on ordinary scales, and no square or width overflows on
  // scales near ±1e308.
  int exponent = 0;
  std::frexp(std::max(std::abs(low), std::abs(high)), &exponent);
  const double magnitude = std::ldexp(1.0, exponent);
  double mean = 0.0;
  for (std::size_t k = 0; k < positions.size(); ++k) {
    mean += weights[k] * (positions[k] / magnitude);
  }
  mean /= total;
  double variance = 0.0;
  for (std::size_t k = 0; k < positions.size(); ++k) {
    const double deviation = positions[k] / magnitude - mean;
    variance += weights[k] * deviation * deviation;
  }
  mean *= magnitude;
  made.weighted_mean = mean;
  const double midpoint = 0.5 * low + 0.5 * high;
  const double unit =
      (std::sqrt(variance / total) + kDistanceFloor * (high / magnitude - low / magnitude)) *
      magnitude;
  made.values = positions;
  made.values.push_back(low);
  made.values.push_back(high);
  made.values.push_back(midpoint);
  if (declared.reference_point) made.values.push_back(declared.reference_point->central);
  std::sort(made.values.begin(), made.values.end());
  made.values.erase(std::unique(made.values.begin(), made.values.end()), made.values.end());
  // The keenest actors: those whose salience is the issue's highest; their total weight.
  const double top_salience = *std::max_element(saliences.begin(), saliences.end());
  double keenest_total = 0.0;
  for (std::size_t k = 0; k < positions.size(); ++k) {
    if (saliences[k] == top_salience) keenest_total += weights[k];
  }
  for (double value : made.values) {
    double below = 0.0, at = 0.0, above = 0.0, keenest = 0.0;
    bool held = false;
    for (std::size_t k = 0; k < positions.size(); ++k) {
      if (positions[k] < value) {
        below += weights[k];
      } else if (positions[k] > value) {
        above += weights[k];
      } else {
        at += weights[k];
        if (saliences[k] == top_salience) keenest += weights[k];
        held = true;
      }
    }
    std::array<double, kChoiceFeatureCount> features{};
    features[kChoiceDistance] = std::abs(value - mean) / unit;
    features[kChoiceImbalance] = std::abs(below - above) / total;
    features[kChoiceHeld] = held ? 1.0 : 0.0;
    features[kChoiceShare] = at / total;
    features[kChoiceKeenestShare] = keenest_total > 0.0 ? keenest / keenest_total : 0.0;
    features[kChoiceScaleEnd] = value == low || value == high ? 1.0 : 0.0;
    features[kChoiceMidpoint] = value == midpoint ? 1.0 : 0.0;
    features[kChoiceReferencePoint] =
        declared.reference_point && value == declared.reference_point->central ? 1.0 : 0.0;
    made.features.push_back(features);
  }
  return made;
}

std::vector<double> ChoiceProbabilities(const ChoiceCandidates& candidates,
                                        const ChoiceCoefficients& coefficients) {
  std::vector<double> utility(candidates.values.size());
  double largest = -HUGE_VAL;
  for (std::size_t c = 0; c < utility.size(); ++c) {
    double sum = 0.0;
    for (int k = 0; k < kChoiceFeatureCount; ++k) {
      sum += coefficients.beta[k] * candidates.features[c][k];
    }
    utility[c] = sum;
    largest = std::max(largest, sum);
  }
  double total = 0.0;
  for (double& value : utility) {
    value = std::exp(value - largest);
    total += value;
  }
  for (double& value : utility) value /= total;
  return utility;
}

double ChoiceForecast(const ChoiceCandidates& candidates, const std::vector<double>& probabilities,
                      double compromise_weight) {
  // Walk the candidates upwards, adding the compromise atom where the weighted mean lies; the
  // forecast is the first value at which the cumulative probability reaches one half.
  constexpr double kHalf = 0.5 - 1e-12;
  double cumulative = 0.0;
  bool compromise_added = compromise_weight <= 0.0;
  for (std::size_t c = 0; c < candidates.values.size(); ++c) {
    if (!compromise_added && candidates.weighted_mean < candidates.values[c]) {
      cumulative += compromise_weight;
      compromise_added = true;
      if (cumulative >= kHalf) return candidates.weighted_mean;
    }
    cumulative += (1.0 - compromise_weight) * probabilities[c];
    if (!compromise_added && candidates.weighted_mean == candidates.values[c]) {
      cumulative += compromise_weight;
      compromise_added = true;
    }
    if (cumulative >= kHalf) return candidates.values[c];
  }
  return compromise_added ? candidates.values.back() : candidates.weighted_mean;
}

void RegisterChoiceModel(ModelRegistry& registry) {
  std::vector<ParamSpec> params;
  const char* descriptions[kChoiceFeatureCount] = {
      "coefficient of the distance to the weighted mean (in weighted SDs + 5 % of the range)",
      "coefficient of |weight below - weight above| / total weight",
      "coefficient of an actor holding the candidate",
      "coefficient of the weighted share of the actors at the candidate",
      "coefficient of the weighted share at the candidate of the actors with the top salience",
      "coefficient of the candidate being an end of the scale",
      "coefficient of the candidate being the midpoint of the scale",
      "coefficient of the candidate being the reference point"};
  for (int k = 0; k < kChoiceFeatureCount; ++k) {
    params.push_back({kFeatureNames[k],
                      ParamType::kNumber,
                      NumberText(kShippedBeta[k]),
                      {},
                      -1000.0,
                      1000.0,
                      descriptions[k]});
  }
  params.push_back({"compromise_weight",
                    ParamType::kNumber,
                    NumberText(kShippedCompromiseWeight),
                    {},
                    0.0,
                    0.99,
                    "probability of the weighted mean mixed into the candidate distribution"});
  params.push_back(
      {"ingredients",
       ParamType::kChoice,
       "auto",
       {"auto", "distance", "positions", "imbalance", "keenest", "compromise", "anchors"},
       0,
       0,
       "what a fit may use: distance; + held and share (positions); + imbalance; + "
       "keenest_share (keenest); + the compromise atom (compromise); + scale ends, "
       "midpoint and reference point (anchors); auto: the set its inner "
       "cross-validation prefers"});
  registry.Add(ModelInfo{
      "choice",
      "fitted choice among candidate outcomes (positions, scale ends and midpoint, reference "
      "point); conditional logit, median forecast",
      "picks the likeliest outcome among the actors' positions and the scale's landmarks, as "
      "learned from past EU decisions with known outcomes",
      params, false,
      [](const ParamValues& values) {
        return std::make_unique<ChoiceModel>(CoefficientsOf(values));
      },
      [](const std::vector<Scenario>& training, const ParamValues& values) {
        const ChoiceCoefficients fitted =
            FitChoice(training, IngredientsOf(values.GetChoice("ingredients")));
        std::vector<std::pair<std::string, std::string>> assignments;
        for (int k = 0; k < kChoiceFeatureCount; ++k) {
          assignments.emplace_back(kFeatureNames[k], NumberText(fitted.beta[k]));
        }
        assignments.emplace_back("compromise_weight", NumberText(fitted.compromise_weight));
        return assignments;
      }});
}

}  // namespace statecraft

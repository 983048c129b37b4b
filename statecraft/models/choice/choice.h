// choice: a forecaster fitted on decisions with known outcomes. On each issue the outcome is
// taken to be one of a few candidate outcomes — the actors' positions, the ends and the midpoint
// of the scale, and the reference point — chosen with probabilities given by a conditional logit
// on generic features of each candidate (its distance to the capability × salience weighted mean,
// how far it is from splitting the weight in half, whether actors hold it and with what weighted
// share and the share of the keenest actors — those with the issue's highest salience —, whether
// it is an end, the midpoint or the reference point). The forecast is the median of
// that distribution, with a small atom at the weighted mean (the compromise) mixed in.
//
// Only generic inputs enter: positions, saliences, capabilities, the reference point and the
// scale; never an actor's name. Every feature is invariant to x ↦ a·x + b (a > 0), so the model
// is scale-invariant. The coefficients are fitted by penalised maximum likelihood (Newton's
// method, ChoiceFit), the penalty and the compromise atom's weight by 10-fold cross-validation by
// scenario inside the training data. docs/models/choice.md has the math and the backtests.
#ifndef STATECRAFT_MODELS_CHOICE_CHOICE_H_
#define STATECRAFT_MODELS_CHOICE_CHOICE_H_

#include <array>
#include <string>
#include <vector>

#include "statecraft/core/registry.h"

namespace statecraft {

// The features of a candidate, in coefficient order.
enum ChoiceFeature {
  kChoiceDistance,        // |c − weighted mean| / (weighted SD + 5 % of the range)
  kChoiceImbalance,       // |W(< c) − W(> c)| / W: 0 where c splits the weight in half
  kChoiceHeld,            // 1 when an actor holds c
  kChoiceShare,           // the weighted share of the actors at c
  kChoiceKeenestShare,    // the weighted share at c of the actors with the issue's top salience
  kChoiceScaleEnd,        // 1 at either end of the scale
  kChoiceMidpoint,        // 1 at the midpoint of the scale
  kChoiceReferencePoint,  // 1 at the reference point
  kChoiceFeatureCount,
};

// Nested sets of ingredients, each adding to the one before (the ablation of
// docs/models/choice.md): which features a fit may use, and whether it may mix in the
// compromise atom. kAuto lets the fit choose the set by its inner cross-validation.
enum class ChoiceIngredients {
  kDistance,
  kPositions,
  kImbalance,
  kKeenest,
  kCompromise,
  kAnchors,
  kAuto
};

struct ChoiceCoefficients {
  std::array<double, kChoiceFeatureCount> beta{};
  double compromise_weight = 0.0;  // α: the probability of the weighted mean in the mixture
};

struct ChoiceCandidates {
  std::vector<double> values;  // ascending, distinct
  std::vector<std::array<double, kChoiceFeatureCount>> features;
  double weighted_mean = 0.0;
};

// The candidates of an issue and their features. The scenario's issue needs at least one stake.
ChoiceCandidates MakeChoiceCandidates(const Scenario& scenario, int issue);

// The candidates' probabilities under the coefficients (softmax of β·features).
std::vector<double> ChoiceProbabilities(const ChoiceCandidates& candidates,
                                        const ChoiceCoefficients& coefficients);

// The forecast: the lower median of the candidate distribution mixed (1 − α, α) with an atom at
// the weighted mean.
double ChoiceForecast(const ChoiceCandidates& candidates, const std::vector<double>& probabilities,
                      double compromise_weight);

// The fit on every issue of `training` with a known outcome: coefficients by penalised maximum
// likelihood; the penalty, α (and, for kAuto, the set of ingredients) by 10-fold cross-validation
// by scenario. InputError when no issue has a known outcome.
ChoiceCoefficients FitChoice(const std::vector<Scenario>& training, ChoiceIngredients ingredients);

const char* ChoiceIngredientsName(ChoiceIngredients ingredients);

void RegisterChoiceModel(ModelRegistry& registry);

}  // namespace statecraft

#endif  // STATECRAFT_MODELS_CHOICE_CHOICE_H_

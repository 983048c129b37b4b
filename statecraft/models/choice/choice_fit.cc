// Fitting the choice model (docs/models/choice.md, "Fit").
//
// Each issue with a known outcome y contributes its candidates and a target distribution t: the
// candidates nearest to y share probability one (ties split evenly). The coefficients maximise
// the penalised log-likelihood
//
//     L(β) = Σ_i Σ_c t_ic log p_ic(β) − (λ/2) ‖β‖²,   p_ic = exp(β·x_ic) / Σ_c' exp(β·x_ic'),
//
// by Newton's method: g = Σ_i (Σ_c t_ic x_ic − x̄_i) − λβ with x̄_i = Σ_c p_ic x_ic, and
// −∇²L = Σ_i Σ_c p_ic (x_ic − x̄_i)(x_ic − x̄_i)ᵀ + λI, positive definite, solved by Cholesky;
// a step that lowers L is halved. L is concave, so the optimum is unique and the fit
// deterministic. The penalty λ and the compromise weight α are chosen by 10-fold
// cross-validation by scenario on the training data alone (the lowest mean absolute error of the
// forecast; ties go to the stronger penalty and the smaller α).
#include <algorithm>
#include <cmath>

#include "statecraft/core/error.h"
#include "statecraft/core/folds.h"
#include "statecraft/models/choice/choice.h"

namespace statecraft {
namespace {

constexpr int kInnerFolds = 10;
constexpr double kPenalties[] = {3.0, 1.0, 0.3, 0.1, 0.03};
constexpr double kCompromiseWeights[] = {0.0, 0.05, 0.1, 0.15, 0.2, 0.25};
constexpr int kMaxIterations = 200;

struct Example {
  ChoiceCandidates candidates;
  std::vector<double> target;
  int scenario = 0;
  double known = 0.0;
};

std::vector<Example> MakeExamples(const std::vector<Scenario>& training) {
  std::vector<Example> examples;
  for (std::size_t s = 0; s < training.size(); ++s) {
    const Scenario& scenario = training[s];
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      const Issue& declared = scenario.issues[issue];
      if (!declared.known_outcome) continue;
      bool any = false;
      for (int actor = 0; actor < scenario.ActorCount() && !any; ++actor) {
        any = scenario.HasStake(actor, issue);
      }
      if (!any) continue;
      Example example;
      example.candidates = MakeChoiceCandidates(scenario, issue);
      example.scenario = static_cast<int>(s);
      example.known = declared.known_outcome->central;
      const double tolerance = 1e-9 * (declared.scale_high - declared.scale_low);
      double nearest = HUGE_VAL;
      for (double value : example.candidates.values) {
        nearest = std::min(nearest, std::abs(value - example.known));
      }
      double count = 0.0;
      for (double value : example.candidates.values) {
        const bool hit = std::abs(value - example.known) <= nearest + tolerance;
        example.target.push_back(hit ? 1.0 : 0.0);
        count += hit ? 1.0 : 0.0;
      }
      for (double& weight : example.target) weight /= count;
      examples.push_back(std::move(example));
    }
  }
  return examples;
}

std::vector<int> ActiveFeatures(ChoiceIngredients ingredients) {
  std::vector<int> active = {kChoiceDistance};
  if (ingredients == ChoiceIngredients::kDistance) return active;
  active.push_back(kChoiceHeld);
  active.push_back(kChoiceShare);
  if (ingredients == ChoiceIngredients::kPositions) return active;
  active.push_back(kChoiceImbalance);
  if (ingredients == ChoiceIngredients::kImbalance) return active;
  active.push_back(kChoiceKeenestShare);
  if (ingredients != ChoiceIngredients::kAnchors) return active;
  active.push_back(kChoiceScaleEnd);
  active.push_back(kChoiceMidpoint);
  active.push_back(kChoiceReferencePoint);
  return active;
}

bool MixesCompromise(ChoiceIngredients ingredients) {
  return ingredients == ChoiceIngredients::kCompromise ||
         ingredients == ChoiceIngredients::kAnchors;
}

// Solves A x = b for a symmetric positive definite A (row-major, n × n) by Cholesky.
std::vector<double> SolvePositiveDefinite(std::vector<double> a, std::vector<double> b, int n) {
  for (int j = 0; j < n; ++j) {
    double diagonal = a[j * n + j];
    for (int k = 0; k < j; ++k) diagonal -= a[j * n + k] * a[j * n + k];
    diagonal = std::sqrt(std::max(diagonal, 1e-300));
    a[j * n + j] = diagonal;
    for (int i = j + 1; i < n; ++i) {
      double value = a[i * n + j];
      for (int k = 0; k < j; ++k) value -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = value / diagonal;
    }
  }
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < i; ++k) b[i] -= a[i * n + k] * b[k];
    b[i] /= a[i * n + i];
  }
  for (int i = n - 1; i >= 0; --i) {
    for (int k = i + 1; k < n; ++k) b[i] -= a[k * n + i] * b[k];
    b[i] /= a[i * n + i];
  }
  return b;
}

// The penalised log-likelihood over the examples in `use` (all when empty), its gradient and the
// negated Hessian, over the active features.
double Evaluate(const std::vector<Example>& examples, const std::vector<bool>& use,
                const std::vector<int>& active, const ChoiceCoefficients& coefficients,
                double penalty, std::vector<double>* gradient, std::vector<double>* hessian) {
  const int n = static_cast<int>(active.size());
  double objective = 0.0;
  if (gradient != nullptr) gradient->assign(n, 0.0);
  if (hessian != nullptr) hessian->assign(n * n, 0.0);
  std::vector<double> mean(n);
  for (std::size_t e = 0; e < examples.size(); ++e) {
    if (!use.empty() && !use[e]) continue;
    const Example& example = examples[e];
    const std::vector<double> probability = ChoiceProbabilities(example.candidates, coefficients);
    for (std::size_t c = 0; c < probability.size(); ++c) {
      if (example.target[c] > 0.0) {
        objective += example.target[c] * std::log(std::max(probability[c], 1e-300));
      }
    }
    if (gradient == nullptr) continue;
    std::fill(mean.begin(), mean.end(), 0.0);
    for (std::size_t c = 0; c < probability.size(); ++c) {
      for (int k = 0; k < n; ++k) {
        const double x = example.candidates.features[c][active[k]];
        mean[k] += probability[c] * x;
        (*gradient)[k] += example.target[c] * x;
      }
    }
    for (int k = 0; k < n; ++k) (*gradient)[k] -= mean[k];
    for (std::size_t c = 0; c < probability.size(); ++c) {
      for (int r = 0; r < n; ++r) {
        const double dr = example.candidates.features[c][active[r]] - mean[r];
        if (dr == 0.0) continue;
        for (int k = 0; k <= r; ++k) {
          const double dk = example.candidates.features[c][active[k]] - mean[k];
          (*hessian)[r * n + k] += probability[c] * dr * dk;
        }
      }
    }
  }
  double norm = 0.0;
  for (int k = 0; k < n; ++k) norm += coefficients.beta[active[k]] * coefficients.beta[active[k]];
  objective -= 0.5 * penalty * norm;
  if (gradient != nullptr) {
    for (int r = 0; r < n; ++r) {
      (*gradient)[r] -= penalty * coefficients.beta[active[r]];
      (*hessian)[r * n + r] += penalty;
      for (int k = 0; k < r; ++k) (*hessian)[k * n + r] = (*hessian)[r * n + k];
    }
  }
  return objective;
}

// Newton's method from `start` (warm starts along the penalty path).
ChoiceCoefficients Newton(const std::vector<Example>& examples, const std::vector<bool>& use,
                          const std::vector<int>& active, double penalty,
                          ChoiceCoefficients start) {
  const int n = static_cast<int>(active.size());
  ChoiceCoefficients current = start;
  std::vector<double> gradient, hessian;
  double objective = Evaluate(examples, use, active, current, penalty, &gradient, &hessian);
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    const std::vector<double> step = SolvePositiveDefinite(hessian, gradient, n);
    double largest = 0.0;
    for (double value : step) largest = std::max(largest, std::abs(value));
    double scale = 1.0;
    ChoiceCoefficients next = current;
    double next_objective = objective;
    for (int halving = 0; halving < 40; ++halving) {
      next = current;
      for (int k = 0; k < n; ++k) next.beta[active[k]] += scale * step[k];
      next_objective = Evaluate(examples, use, active, next, penalty, nullptr, nullptr);
      if (next_objective >= objective) break;
      scale *= 0.5;
    }
    if (next_objective < objective) break;  // no ascent left at rounding level
    current = next;
    objective = Evaluate(examples, use, active, current, penalty, &gradient, &hessian);
    if (largest * scale < 1e-10) break;
  }
  return current;
}

// The out-of-fold sum of absolute errors for every penalty and compromise weight (penalty-major),
// on the folds of the training scenarios.
std::vector<double> CrossValidatedErrors(const std::vector<Example>& examples,
                                         const std::vector<int>& fold,
                                         const std::vector<int>& active, bool mix) {
  constexpr int kWeightCount = static_cast<int>(std::size(kCompromiseWeights));
  std::vector<double> error_sum(std::size(kPenalties) * kWeightCount, 0.0);
  for (int f = 0; f < kInnerFolds; ++f) {
    std::vector<bool> use(examples.size());
    bool any_held_out = false;
    for (std::size_t e = 0; e < examples.size(); ++e) {
      use[e] = fold[examples[e].scenario] != f;
      any_held_out = any_held_out || !use[e];
    }
    if (!any_held_out) continue;
    ChoiceCoefficients warm;
    for (std::size_t p = 0; p < std::size(kPenalties); ++p) {
      warm = Newton(examples, use, active, kPenalties[p], warm);
      for (std::size_t e = 0; e < examples.size(); ++e) {
        if (use[e]) continue;
        const std::vector<double> probability = ChoiceProbabilities(examples[e].candidates, warm);
        for (int w = 0; w < kWeightCount; ++w) {
          const double weight = mix ? kCompromiseWeights[w] : 0.0;
          error_sum[p * kWeightCount + w] += std::abs(
              ChoiceForecast(examples[e].candidates, probability, weight) - examples[e].known);
        }
      }
    }
  }
  return error_sum;
}

}  // namespace

ChoiceCoefficients FitChoice(const std::vector<Scenario>& training, ChoiceIngredients ingredients) {
  const std::vector<Example> examples = MakeExamples(training);
  if (examples.empty()) {
    throw InputError(
        "choice: no issue with a known outcome to fit on; expected backtest data such as DEU");
  }
  const std::vector<int> fold = AssignFolds(training, kInnerFolds);
  std::vector<ChoiceIngredients> levels = {ingredients};
  if (ingredients == ChoiceIngredients::kAuto) {
    levels = {ChoiceIngredients::kDistance,   ChoiceIngredients::kPositions,
              ChoiceIngredients::kImbalance,  ChoiceIngredients::kKeenest,
              ChoiceIngredients::kCompromise, ChoiceIngredients::kAnchors};
  }
  // The best (ingredients, penalty, weight) by out-of-fold error; ties go to the simpler
  // ingredients, the stronger penalty and the smaller weight (the order searched).
  constexpr int kWeightCount = static_cast<int>(std::size(kCompromiseWeights));
  ChoiceIngredients best_level = levels.front();
  int best = 0;
  double best_error = HUGE_VAL;
  for (ChoiceIngredients level : levels) {
    const std::vector<double> errors =
        CrossValidatedErrors(examples, fold, ActiveFeatures(level), MixesCompromise(level));
    for (std::size_t k = 0; k < errors.size(); ++k) {
      if (errors[k] < best_error - 1e-9) {
        best_error = errors[k];
        best = static_cast<int>(k);
        best_level = level;
      }
    }
  }
  const std::vector<int> active = ActiveFeatures(best_level);
  ChoiceCoefficients fitted;
  for (int p = 0; p <= best / kWeightCount; ++p) {
    fitted = Newton(examples, {}, active, kPenalties[p], fitted);
  }
  fitted.compromise_weight =
      MixesCompromise(best_level) ? kCompromiseWeights[best % kWeightCount] : 0.0;
  return fitted;
}

}  // namespace statecraft

// Model error: a model's empirical error on decisions with known outcomes, and the distribution
// of the outcome it gives around one of the model's point forecasts (docs/calibration.md).
//
// On an issue with scale [lo, hi] (range R = hi − lo), a point forecast m and the issue's spread x
// (ErrorSpread: the capability × salience weighted standard deviation of the positions, as a
// share of R), the outcome is
//
//     Y = clamp(m + R · s(x) · Z, lo, hi),    s(x) = a + b · x,
//
// where Z follows the empirical distribution of the standardised residuals of a backtest,
// z_k = (y_k − m_k) / (R_k · s(x_k)). Errors are measured as shares of each issue's range, so one
// calibration serves every scale; clamping puts the mass beyond the scale at its ends, where
// real outcomes pile up; the empirical Z keeps the residuals' atoms (a model that often hits the
// outcome exactly keeps that mass at its forecast). s(x) is fitted by least squares of |y − m| / R
// on x (a ≥ 0.01, b ≥ 0): where actors disagree more, outcomes stray further.
#ifndef STATECRAFT_ANALYSIS_MODEL_ERROR_H_
#define STATECRAFT_ANALYSIS_MODEL_ERROR_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "statecraft/core/scenario.h"

namespace statecraft {

// One scored issue of a backtest, as the error model sees it.
struct Residual {
  double forecast = 0.0;  // the model's point forecast
  double known = 0.0;     // the known outcome
  double scale_low = 0.0;
  double scale_high = 100.0;
  double spread = 0.0;  // ErrorSpread of the issue
};

struct ModelError {
  double scale_intercept = 0.0;      // a of s(x) = a + b·x
  double scale_slope = 0.0;          // b
  std::vector<double> standardized;  // z_k, ascending
};

// The capability × salience weighted standard deviation of the positions on an issue, as a share
// of its range (0 when fewer than two actors hold a stake or every weight is 0, then unweighted).
double ErrorSpread(const Scenario& scenario, int issue);

// Fits s(x) and the standardised residuals. InputError when `residuals` is empty.
ModelError FitModelError(const std::vector<Residual>& residuals);

// A ModelError bound to one issue: the distribution of the outcome around a point forecast.
// Default-constructed: no model error (the outcome is the point forecast).
class IssueError {
 public:
  IssueError() = default;
  IssueError(std::shared_ptr<const ModelError> error, double scale_low, double scale_high,
             double spread);

  bool HasError() const { return error_ != nullptr; }
  // The error's scale R · s(x) in the issue's units (0 without error).
  double Scale() const { return 2 * half_scale_; }
  double scale_low() const { return scale_low_; }
  double scale_high() const { return scale_high_; }
  // The number of equally likely outcomes around one point forecast (1 without error).
  int Atoms() const;
  // The k-th of them, ascending in k: clamp(point + Scale() · z_k, lo, hi).
  double Atom(double point, int k) const;

  // P(Y ≤ value) and P(Y < value) given the point forecast: a binary search over z, O(log n).
  double AtMost(double point, double value) const;
  double Below(double point, double value) const;
  // P(Y ≥ value) = 1 − Below.
  double AtLeast(double point, double value) const { return 1.0 - Below(point, value); }

 private:
  // The number of atoms k with Atom(point, k) ≤ value (strict: < value).
  int CountUpTo(double point, double value, bool strict) const;

  std::shared_ptr<const ModelError> error_;
  double scale_low_ = 0.0;
  double scale_high_ = 0.0;
  double half_scale_ = 0.0;
};

// Every model's error, by model label, with what it was fitted on.
struct Calibration {
  std::string name;                    // where it was read from (a file name), for reports
  std::string source;                  // the dataset and settings, in words
  std::vector<std::string> scenarios;  // the scenarios (DEU: proposals) it was fitted on
  std::map<std::string, std::shared_ptr<const ModelError>> models;

  // The error of the model with this label, or of its family ("eum" for "eum:rounds=10") when
  // the label itself was not calibrated; nullptr when neither was. `used` receives the label
  // whose error is returned.
  std::shared_ptr<const ModelError> Find(const std::string& label,
                                         std::string* used = nullptr) const;
  // True when a scenario of this name was part of the fit.
  bool FittedOn(const std::string& scenario) const;
};

// The error of `error` on an issue of `scenario` (its scale and spread); no error when null.
IssueError BindError(const std::shared_ptr<const ModelError>& error, const Scenario& scenario,
                     int issue);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_MODEL_ERROR_H_

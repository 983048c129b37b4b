// Student's t distribution with an integer number of degrees of freedom: what an interval over a
// handful of cases needs (the normal quantile 1.96 is too narrow below about 30 cases).
#ifndef STATECRAFT_ANALYSIS_STUDENT_T_H_
#define STATECRAFT_ANALYSIS_STUDENT_T_H_

namespace statecraft {

// P(|T| <= t) for T with `degrees_of_freedom` >= 1 and t >= 0 (Abramowitz & Stegun 26.7.3–4).
double StudentTCentralProbability(double t, int degrees_of_freedom);

// The t with P(T <= t) = probability, for probability in (0.5, 1): 12.706 for 0.975 and one
// degree of freedom, 2.228 for ten, 1.960 in the limit.
double StudentTQuantile(double probability, int degrees_of_freedom);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_STUDENT_T_H_

// The evaluations optimize.h's searches are built from: a case is one plan with one counter-plan
// (or none) under every model, drawn as far as a search needs; its cells (one per model) keep the
// draws computed so far, so a case is extended look by look (stopping_rule.h) and never draws
// one twice. Draw k of a cell is draw k of the exhaustive search (same seeds), so a cell drawn to
// the last draw gives the exhaustive search's probability and median bit for bit.
#ifndef STATECRAFT_ANALYSIS_PLAN_CASES_H_
#define STATECRAFT_ANALYSIS_PLAN_CASES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "statecraft/analysis/optimize.h"
#include "statecraft/analysis/stopping_rule.h"
#include "statecraft/analysis/sweep_error.h"

namespace statecraft {

struct PlanCell {
  const ModelChoice* model = nullptr;
  IssueError error;   // the model's error on the target issue, bound once for the case
  SweepResult drawn;  // draws [0, drawn.draws), outcomes only (no sampled inputs)
  RunningMean seen;   // the per-draw probabilities of the target
};

struct PlanCase {
  std::vector<AppliedLever> counter;  // empty: no counter-plan
  std::size_t counter_index = 0;      // its index among the search's counter-plans
  SweepPlan sweep_plan;
  std::vector<PlanCell> cells;  // one per model, in the models' order
};

class CaseDrawer {
 public:
  // The references must outlive the drawer.
  CaseDrawer(const Scenario& scenario, const LeverSet& levers,
             const std::vector<ModelChoice>& models, const OptimizeOptions& options);

  PlanCase MakeCase(const std::vector<AppliedLever>& plan,
                    const std::vector<AppliedLever>& counter) const;
  // Extends every cell of the case that has fewer than `draws` draws to `draws` draws.
  void DrawTo(PlanCase& item, int draws);
  void DrawAll(PlanCase& item) { DrawTo(item, total()); }
  // Extends one model's cell of the case to `draws` draws.
  void DrawCellTo(PlanCase& item, std::size_t model, int draws) {
    DrawCell(item.sweep_plan, item.cells[model], draws);
  }
  // Extends the cells not yet settled against `required` to their next look, until one is
  // settled below it.
  void DrawNextLook(PlanCase& item, double required);
  // Draws until the case is settled against `required` (kBelow as soon as one model's cell is).
  Verdict Settle(PlanCase& item, double required);

  int total() const { return options_.sweep.draws; }
  std::uint64_t draws_spent() const { return draws_spent_; }

 private:
  void DrawCell(const SweepPlan& sweep_plan, PlanCell& cell, int draws);

  const Scenario& scenario_;
  const LeverSet& levers_;
  const std::vector<ModelChoice>& models_;
  const OptimizeOptions& options_;
  std::uint64_t draws_spent_ = 0;
  std::vector<int> below_by_model_;  // looks that ended with the model's cell below
};

// The case against `required`: kBelow when one model's cell is below, kAtLeast when every one
// is at least it, else undecided.
Verdict CaseVerdict(const PlanCase& item, int total, double required);
bool FullyDrawn(const PlanCase& item, int total);
// The probability of the target (lowest over models; exact once fully drawn) and its Monte Carlo
// standard error (that model's).
double CaseProbability(const PlanCase& item, const Target& target,
                       double* standard_error = nullptr);
// The target issue's median of the model furthest from the target (over the models drawn).
double CaseMedian(const PlanCase& item, const Target& target);

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_PLAN_CASES_H_

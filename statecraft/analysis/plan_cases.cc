#include "statecraft/analysis/plan_cases.h"

#include <algorithm>
#include <numeric>

namespace statecraft {

CaseDrawer::CaseDrawer(const Scenario& scenario, const LeverSet& levers,
                       const std::vector<ModelChoice>& models, const OptimizeOptions& options)
    : scenario_(scenario),
      levers_(levers),
      models_(models),
      options_(options),
      below_by_model_(models.size(), 0) {}

PlanCase CaseDrawer::MakeCase(const std::vector<AppliedLever>& plan,
                              const std::vector<AppliedLever>& counter) const {
  PlanCase item;
  item.counter = counter;
  item.sweep_plan.levers = FixedLevers(levers_, plan, false);
  item.sweep_plan.counter = FixedLevers(levers_, counter, true);
  const Calibration* calibration = options_.sweep.calibration.get();
  // The error's scale depends only on the case (ScenarioForError), so it is bound once here
  // rather than at every look.
  const Scenario for_error =
      calibration != nullptr ? ScenarioForError(scenario_, item.sweep_plan) : Scenario();
  for (const ModelChoice& model : models_) {
    PlanCell cell;
    cell.model = &model;
    if (calibration != nullptr) {
      cell.error =
          BindIssueErrors(calibration, ModelLabel(model), for_error)[options_.target.issue];
    }
    item.cells.push_back(std::move(cell));
  }
  return item;
}

void CaseDrawer::DrawCell(const SweepPlan& sweep_plan, PlanCell& cell, int draws) {
  const int from = cell.drawn.draws;
  if (from >= draws) return;
  SweepOptions sweep = options_.sweep;
  sweep.first_draw = from;
  sweep.draw_count = draws - from;
  sweep.driver_draws = 0;  // a search needs the outcomes, not the sampled inputs
  const SweepResult part =
      RunSweep(scenario_, sweep_plan, *cell.model->info, cell.model->params, sweep);
  const Target& target = options_.target;
  for (int draw = 0; draw < part.draws; ++draw) {
    cell.seen.Add(DrawTargetProbability(target, cell.error, part.Outcome(draw, target.issue)));
  }
  AppendSweepPart(cell.drawn, part);
  draws_spent_ += static_cast<std::uint64_t>(part.draws);
}

void CaseDrawer::DrawTo(PlanCase& item, int draws) {
  for (PlanCell& cell : item.cells) DrawCell(item.sweep_plan, cell, draws);
}

void CaseDrawer::DrawNextLook(PlanCase& item, double required) {
  // Models that have set plans aside most often are drawn first, and the look ends as soon as
  // one model's cell is settled below: the case is then below whatever the other models say.
  std::vector<std::size_t> order(item.cells.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
    return below_by_model_[a] > below_by_model_[b];
  });
  for (const std::size_t model : order) {
    PlanCell& cell = item.cells[model];
    if (TestAgainst(cell.seen, total(), required) != Verdict::kUndecided) continue;
    DrawCell(item.sweep_plan, cell, NextLook(cell.drawn.draws, total()));
    if (TestAgainst(cell.seen, total(), required) == Verdict::kBelow) {
      ++below_by_model_[model];
      return;
    }
  }
}

Verdict CaseDrawer::Settle(PlanCase& item, double required) {
  for (;;) {
    const Verdict verdict = CaseVerdict(item, total(), required);
    if (verdict != Verdict::kUndecided) return verdict;
    DrawNextLook(item, required);
  }
}

Verdict CaseVerdict(const PlanCase& item, int total, double required) {
  bool settled = true;
  for (const PlanCell& cell : item.cells) {
    const Verdict verdict = TestAgainst(cell.seen, total, required);
    if (verdict == Verdict::kBelow) return Verdict::kBelow;
    if (verdict == Verdict::kUndecided) settled = false;
  }
  return settled ? Verdict::kAtLeast : Verdict::kUndecided;
}

bool FullyDrawn(const PlanCase& item, int total) {
  return std::all_of(item.cells.begin(), item.cells.end(),
                     [total](const PlanCell& cell) { return cell.drawn.draws >= total; });
}

double CaseProbability(const PlanCase& item, const Target& target, double* standard_error) {
  double lowest = 1.0;
  double error = 0.0;
  bool first = true;
  for (const PlanCell& cell : item.cells) {
    if (cell.drawn.draws == 0) continue;  // a model not drawn: another settled the case first
    // Over the draws held, summed in draw order as the exhaustive search sums them.
    const double probability = TargetProbability(cell.drawn, target, cell.error);
    if (first || probability < lowest) error = cell.seen.StandardError();
    lowest = std::min(lowest, probability);
    first = false;
  }
  if (standard_error != nullptr) *standard_error = error;
  return lowest;
}

double CaseMedian(const PlanCase& item, const Target& target) {
  double median = 0.0;
  bool first = true;
  for (const PlanCell& cell : item.cells) {
    if (cell.drawn.draws == 0) continue;  // a model not drawn: another settled the case first
    const double value = SummarizeIssue(cell.drawn, target.issue, cell.error).median;
    const bool further = target.at_most ? value > median : value < median;
    if (first || further) median = value;
    first = false;
  }
  return median;
}

}  // namespace statecraft

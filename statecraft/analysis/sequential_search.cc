// The sequential search (optimize.h, file comment).
#include <algorithm>
#include <numeric>

#include "statecraft/analysis/optimize_search.h"

namespace statecraft {
namespace {

// Every lever of `part` is in `whole` at the same magnitude.
bool IsSubset(const std::vector<AppliedLever>& part, const std::vector<AppliedLever>& whole) {
  return std::all_of(part.begin(), part.end(), [&whole](const AppliedLever& lever) {
    return std::any_of(whole.begin(), whole.end(), [&lever](const AppliedLever& other) {
      return other.lever == lever.lever && other.magnitude == lever.magnitude;
    });
  });
}

// The draws of the least drawn cell of a case.
int LeastDrawn(const PlanCase& item) {
  int least = item.cells.front().drawn.draws;
  for (const PlanCell& cell : item.cells) least = std::min(least, cell.drawn.draws);
  return least;
}

class Search {
 public:
  Search(const SearchSpace& space, CaseDrawer& drawer, const PlanCase& baseline,
         OptimizeResult& result)
      : space_(space),
        options_(space.options),
        drawer_(drawer),
        baseline_(baseline),
        result_(result),
        models_(baseline.cells.size()),
        refutations_(space.counter_plans.size(), 0) {}

  void Run();

 private:
  struct Failed {
    PlanEvaluation evaluation;
    PlanCase base;
    // The evaluation's median is from its case as it stands; false: not computed yet (see
    // ReportClosest).
    bool median_known = true;
  };
  std::uint64_t FullDraws(std::size_t cases) const {
    return static_cast<std::uint64_t>(drawer_.total()) * models_ * cases;
  }
  bool StopRequested() const { return options_.cancelled && options_.cancelled(); }
  // The plan's cases against the counter-plans it faces, most damaging counter-plans first.
  std::vector<PlanCase> CounterCases(const std::vector<AppliedLever>& plan) const;
  // Tests the counter cases against the requirement, in order; the index of the first found
  // below it, or -1 when every one is at least the requirement.
  int Refute(std::vector<PlanCase>& cases);
  // The lowest probability over the case without counter-levers (in the evaluation) and the
  // counter cases, racing each counter case against the lowest so far.
  void RaceCounters(std::vector<PlanCase>& cases, PlanEvaluation& evaluation);
  void ReportClosest(std::vector<Failed>& failed);

  const SearchSpace& space_;
  const OptimizeOptions& options_;
  CaseDrawer& drawer_;
  const PlanCase& baseline_;
  OptimizeResult& result_;
  std::uint64_t models_;
  std::vector<int> refutations_;        // plans each counter-plan has beaten
  std::uint64_t exhaustive_draws_ = 0;  // what the exhaustive search would draw for the same plans
};

std::vector<PlanCase> Search::CounterCases(const std::vector<AppliedLever>& plan) const {
  std::vector<std::size_t> order = CounterOptions(space_, plan);
  std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
    return refutations_[a] > refutations_[b];
  });
  std::vector<PlanCase> cases;
  for (const std::size_t index : order) {
    cases.push_back(drawer_.MakeCase(plan, space_.counter_plans[index]));
    cases.back().counter_index = index;
  }
  return cases;
}

int Search::Refute(std::vector<PlanCase>& cases) {
  // Each counter-plan is settled before the next: the most damaging come first and usually
  // beat the plan, and a plan that meets the target must be settled against every one anyway.
  for (std::size_t k = 0; k < cases.size(); ++k) {
    if (drawer_.Settle(cases[k], options_.probability) == Verdict::kBelow) {
      return static_cast<int>(k);
    }
  }
  return -1;
}

void Search::RaceCounters(std::vector<PlanCase>& cases, PlanEvaluation& evaluation) {
  const Target& target = options_.target;
  evaluation.countered_probability = evaluation.probability;
  evaluation.countered_error = evaluation.probability_error;
  evaluation.best_counter.clear();
  evaluation.counter_cost = 0.0;
  // Every counter-plan's first look, then the lowest estimates first, so that the bar drops
  // early and the others are set aside soon.
  const int first_look = NextLook(0, drawer_.total());
  std::vector<double> estimates;
  for (PlanCase& item : cases) {
    drawer_.DrawTo(item, std::max(first_look, LeastDrawn(item)));
    estimates.push_back(CaseProbability(item, target));
  }
  std::vector<std::size_t> order(cases.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&estimates](std::size_t a, std::size_t b) {
    return estimates[a] < estimates[b];
  });
  // The robust probability is the lowest over counter-plans and models, so each model's cell
  // races by itself.
  const int total = drawer_.total();
  for (const std::size_t k : order) {
    PlanCase& item = cases[k];
    for (std::size_t model = 0; model < item.cells.size(); ++model) {
      const PlanCell& cell = item.cells[model];
      for (;;) {
        if (cell.drawn.draws >= total) {
          const double probability = TargetProbability(cell.drawn, target, cell.error);
          if (probability < *evaluation.countered_probability) {
            evaluation.countered_probability = probability;
            evaluation.countered_error = cell.seen.StandardError();
            evaluation.best_counter = item.counter;
            evaluation.counter_cost = PlanCost(item.counter);
          }
          break;
        }
        // A cell that cannot take the probability lower than the lowest so far by more than
        // that one's Monte Carlo error is set aside: the robust probability shown is then within
        // its error of the lowest over every counter-plan.
        const double bar = *evaluation.countered_probability - evaluation.countered_error;
        if (TestAgainst(cell.seen, total, bar) == Verdict::kAtLeast) break;
        drawer_.DrawCellTo(item, model, NextLook(cell.drawn.draws, total));
      }
    }
  }
}

void Search::Run() {
  const double required = options_.probability;
  const int total = drawer_.total();
  std::vector<std::vector<AppliedLever>> meeting;
  std::vector<Failed> failed;
  for (const auto& plan : space_.candidates) {
    if (StopRequested()) {
      result_.cancelled = true;
      return;
    }
    if (options_.progress) {
      options_.progress(result_.evaluated + result_.pruned, space_.candidates.size());
    }
    if (std::any_of(meeting.begin(), meeting.end(),
                    [&plan](const auto& works) { return IsSubset(works, plan); })) {
      ++result_.pruned;
      continue;
    }
    PlanEvaluation evaluation;
    evaluation.levers = plan;
    evaluation.cost = PlanCost(plan);
    PlanCase base = plan.empty() ? baseline_ : drawer_.MakeCase(plan, {});
    if (!plan.empty()) exhaustive_draws_ += FullDraws(1);
    const Verdict verdict = drawer_.Settle(base, required);
    // Most plans are set aside here and never shown: their median waits until it is needed.
    TakeWithoutCounter(base, total, options_.target, evaluation, false);
    ++result_.evaluated;
    if (verdict == Verdict::kBelow) {
      failed.push_back({evaluation, std::move(base), false});
      continue;
    }
    std::vector<PlanCase> cases = CounterCases(plan);
    exhaustive_draws_ += FullDraws(cases.size());
    const int refuted_by = Refute(cases);
    if (refuted_by >= 0) {
      ++refutations_[cases[refuted_by].counter_index];
      failed.push_back({evaluation, std::move(base), false});
      continue;
    }
    drawer_.DrawAll(base);
    TakeWithoutCounter(base, total, options_.target, evaluation);
    RaceCounters(cases, evaluation);
    evaluation.meets = *evaluation.countered_probability >= required;
    if (!evaluation.meets) {
      failed.push_back({evaluation, std::move(base)});
      continue;
    }
    meeting.push_back(plan);
    if (!result_.best) {
      result_.best = evaluation;
    } else {
      result_.runners_up.push_back(evaluation);
      if (static_cast<int>(result_.runners_up.size()) >= options_.runners_up) break;
    }
  }
  if (!result_.best) ReportClosest(failed);
  const std::uint64_t spent = drawer_.draws_spent() - FullDraws(1);  // the baseline's are shared
  result_.draws_saved = exhaustive_draws_ > spent ? exhaustive_draws_ - spent : 0;
}

void Search::ReportClosest(std::vector<Failed>& failed) {
  const Target& target = options_.target;
  auto closer = [&target](const Failed& a, const Failed& b) {
    return Closer(a.evaluation, b.evaluation, target);
  };
  // Closer reads the medians of two plans only when their probabilities are equal: the plans
  // whose probability another plan shares get theirs now, the others only if they lead.
  std::vector<double> probabilities;
  for (const Failed& item : failed) probabilities.push_back(item.evaluation.probability);
  std::sort(probabilities.begin(), probabilities.end());
  for (Failed& item : failed) {
    if (item.median_known) continue;
    const auto [low, high] =
        std::equal_range(probabilities.begin(), probabilities.end(), item.evaluation.probability);
    if (high - low < 2) continue;
    item.evaluation.median = CaseMedian(item.base, target);
    item.median_known = true;
  }
  std::stable_sort(failed.begin(), failed.end(), closer);
  // The leaders may carry estimates: draw them to the last draw, then rank them again.
  const std::size_t leaders =
      std::min(failed.size(), static_cast<std::size_t>(2 * (options_.runners_up + 1)));
  for (std::size_t k = 0; k < leaders; ++k) {
    if (failed[k].evaluation.estimated) {
      drawer_.DrawAll(failed[k].base);
      TakeWithoutCounter(failed[k].base, drawer_.total(), target, failed[k].evaluation);
    } else if (!failed[k].median_known) {
      failed[k].evaluation.median = CaseMedian(failed[k].base, target);
    }
    failed[k].median_known = true;
  }
  std::stable_sort(failed.begin(), failed.begin() + leaders, closer);
  const std::size_t count =
      std::min(failed.size(), static_cast<std::size_t>(options_.runners_up + 1));
  for (std::size_t k = 0; k < count; ++k) {
    if (StopRequested()) {
      result_.cancelled = true;
      return;
    }
    PlanEvaluation& evaluation = failed[k].evaluation;
    std::vector<PlanCase> cases = CounterCases(evaluation.levers);
    if (evaluation.probability < options_.probability) exhaustive_draws_ += FullDraws(cases.size());
    RaceCounters(cases, evaluation);
    result_.closest.push_back(evaluation);
  }
}

}  // namespace

void SequentialSearch(const SearchSpace& space, CaseDrawer& drawer, const PlanCase& baseline,
                      OptimizeResult& result) {
  Search(space, drawer, baseline, result).Run();
}

}  // namespace statecraft

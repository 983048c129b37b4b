// Progress in draws for a search that may end early (optimize.h): the draws it has computed and
// an upper bound on those it computes in all, reported through the context's search_progress
// hook. The bound: every case (a plan, or a plan against a counter-plan, under every model) is
// drawn at most once to the last draw, so before plan k of N is weighed at most
//     (N − k) · (1 + C) + (R + 1) · (C + 2)
// cases remain, C counter-plans and R runners-up: each plan's own case and its cases against
// each counter-plan, then, when no plan meets the target, the closest plans drawn to the end and
// raced against every counter-plan again. The bound only falls as plans are weighed; the
// sequential search usually stops far below it, and at its end the bound is what was drawn.
#ifndef STATECRAFT_APP_SEARCH_PROGRESS_H_
#define STATECRAFT_APP_SEARCH_PROGRESS_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>

#include "statecraft/analysis/optimize.h"
#include "statecraft/app/context.h"

namespace statecraft::app {

class SearchDrawProgress {
 public:
  // `models`: the models each case runs; the options' draws per case and runners-up.
  SearchDrawProgress(const Context& context, std::size_t models, const OptimizeOptions& options);
  SearchDrawProgress(const SearchDrawProgress&) = delete;
  SearchDrawProgress& operator=(const SearchDrawProgress&) = delete;

  // Sets the options' hooks (sweep.draws_done, searching, progress) to report here, and to the
  // context's progress hook in plans. Valid while this object lives.
  void Watch(OptimizeOptions& options);
  // The search is over: the bound becomes the draws computed.
  void Finish();

 private:
  void Searching(std::size_t candidates, std::size_t counter_plans);
  void PlansWeighed(std::size_t weighed);
  void AddDraws(int draws);
  // Reports the state; call under mutex_.
  void Report();

  const Context& context_;
  std::int64_t draws_per_case_;  // draws × models
  std::int64_t runners_up_;
  std::int64_t counter_plans_ = 0;
  std::atomic<std::int64_t> done_{0};
  std::mutex mutex_;
  SearchProgress reported_;
};

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_SEARCH_PROGRESS_H_

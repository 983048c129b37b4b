#include "statecraft/app/search_progress.h"

#include <algorithm>

namespace statecraft::app {

SearchDrawProgress::SearchDrawProgress(const Context& context, std::size_t models,
                                       const OptimizeOptions& options)
    : context_(context),
      draws_per_case_(static_cast<std::int64_t>(options.sweep.draws) *
                      static_cast<std::int64_t>(models)),
      runners_up_(std::max(options.runners_up, 0)) {}

void SearchDrawProgress::Watch(OptimizeOptions& options) {
  options.searching = [this](std::size_t candidates, std::size_t counter_plans) {
    Searching(candidates, counter_plans);
  };
  options.progress = [this](std::size_t weighed, std::size_t candidates) {
    if (context_.progress) {
      context_.progress(static_cast<int>(weighed),
                        static_cast<int>(std::max<std::size_t>(candidates, 1)));
    }
    PlansWeighed(weighed);
  };
  if (context_.search_progress) {
    options.sweep.draws_done = [this](int draws) { AddDraws(draws); };
  }
}

void SearchDrawProgress::Searching(std::size_t candidates, std::size_t counter_plans) {
  std::lock_guard<std::mutex> lock(mutex_);
  counter_plans_ = static_cast<std::int64_t>(counter_plans);
  reported_.plans = static_cast<std::int64_t>(candidates);
  // The baseline's case, drawn before the first plan, and every plan's.
  const std::int64_t cases =
      1 + reported_.plans * (1 + counter_plans_) + (runners_up_ + 1) * (counter_plans_ + 2);
  reported_.draws_at_most = done_.load() + cases * draws_per_case_;
  Report();
}

void SearchDrawProgress::PlansWeighed(std::size_t weighed) {
  std::lock_guard<std::mutex> lock(mutex_);
  reported_.plans_weighed = static_cast<std::int64_t>(weighed);
  const std::int64_t remaining =
      std::max<std::int64_t>(reported_.plans - reported_.plans_weighed, 0);
  const std::int64_t cases =
      remaining * (1 + counter_plans_) + (runners_up_ + 1) * (counter_plans_ + 2);
  reported_.draws_at_most =
      std::min(reported_.draws_at_most, done_.load() + cases * draws_per_case_);
  Report();
}

void SearchDrawProgress::AddDraws(int draws) {
  done_.fetch_add(draws);
  std::lock_guard<std::mutex> lock(mutex_);
  Report();
}

void SearchDrawProgress::Finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  reported_.draws_at_most = done_.load();
  Report();
}

void SearchDrawProgress::Report() {
  if (!context_.search_progress) return;
  // Draws reported by threads that reach the lock out of order are counted by whichever reports
  // last: the count reported never falls.
  reported_.draws_done = std::max(reported_.draws_done, done_.load());
  reported_.draws_at_most = std::max(reported_.draws_at_most, reported_.draws_done);
  context_.search_progress(reported_);
}

}  // namespace statecraft::app

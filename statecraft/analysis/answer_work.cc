#include "statecraft/analysis/answer_work.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <thread>

#include "statecraft/analysis/distributed.h"

namespace statecraft {

AnswerWork::AnswerWork(const Scenario& scenario, const LeverSet& levers, Answer& answer,
                       const AnswerOptions& options)
    : scenario_(scenario),
      levers_(levers),
      answer_(answer),
      options_(options),
      slots_(answer.models.size()) {}

bool AnswerWork::StopRequested() {
  const bool asked = options_.cancelled && options_.cancelled();
  std::lock_guard<std::mutex> lock(mutex_);
  cancelled_ = cancelled_ || asked;
  return cancelled_;
}

void AnswerWork::Finish(std::size_t model) {
  std::lock_guard<std::mutex> lock(mutex_);
  slots_[model].done = true;
  ++done_;
  if (options_.progress) options_.progress(done_, static_cast<int>(slots_.size()));
}

bool AnswerWork::RunModelWhatif(std::size_t model) {
  Slot& slot = slots_[model];
  const ModelChoice& choice = answer_.models[model];
  slot.item.model = choice.info->name;
  const auto start = std::chrono::steady_clock::now();
  // A model that cannot handle the scenario is reported, not allowed to hide the others.
  try {
    slot.item.whatif =
        RunWhatif(scenario_, levers_, levers_.plans, {choice}, answer_.sweep, answer_.target);
  } catch (const SweepCancelled&) {
    return false;  // a request to stop, not the model's failure
  } catch (const std::exception& error) {
    slot.item.failure = error.what();
  }
  slot.whatif_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return true;
}

void AnswerWork::RunModelSearch(std::size_t model, int threads) {
  Slot& slot = slots_[model];
  OptimizeOptions search = answer_.optimize;
  search.sweep.threads = threads;
  try {
    slot.item.optimize = Optimize(scenario_, levers_, {answer_.models[model]}, search);
    if (slot.item.optimize->cancelled) {
      std::lock_guard<std::mutex> lock(mutex_);
      cancelled_ = true;
      return;
    }
  } catch (const SweepCancelled&) {
    std::lock_guard<std::mutex> lock(mutex_);
    cancelled_ = true;
    return;
  } catch (const std::exception& error) {
    slot.item.failure = error.what();
  }
  Finish(model);
}

void AnswerWork::Run() {
  std::vector<std::size_t> searches;
  for (std::size_t model = 0; model < slots_.size(); ++model) {
    if (StopRequested() || !RunModelWhatif(model)) {
      answer_.cancelled = true;
      return;
    }
    if (slots_[model].item.failure.empty() && !levers_.levers.empty()) {
      searches.push_back(model);
    } else {
      Finish(model);
    }
  }
  // Dearest first (the what-ifs' times), so that the last search to start is a short one.
  std::stable_sort(searches.begin(), searches.end(), [this](std::size_t a, std::size_t b) {
    return slots_[a].whatif_seconds > slots_[b].whatif_seconds;
  });
  // Draws shared among processes must be asked for in the same order by every process.
  const DrawDistributor* distributor = CurrentDrawDistributor();
  const bool distributed = distributor != nullptr && distributor->ProcessCount() > 1;
  const int cores = ResolveThreads(answer_.sweep.threads);
  const int workers = distributed ? 1 : std::min(cores, static_cast<int>(searches.size()));
  std::size_t next = 0;
  auto worker = [&] {
    for (;;) {
      std::size_t model = 0;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (cancelled_ || next >= searches.size()) return;
        model = searches[next++];
      }
      if (StopRequested()) return;
      RunModelSearch(model, workers > 1 ? 1 : answer_.optimize.sweep.threads);
    }
  };
  if (workers <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (int w = 0; w < workers; ++w) pool.emplace_back(worker);
    for (std::thread& thread : pool) thread.join();
  }
  answer_.cancelled = cancelled_;
  for (Slot& slot : slots_) {
    if (slot.done) answer_.answers.push_back(std::move(slot.item));
  }
}

}  // namespace statecraft

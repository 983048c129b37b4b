// How ComputeAnswer (answer.h) spreads its work over the cores. Each model's what-ifs run first,
// one model after another, each on every core (500 draws a plan keep the cores busy); the
// searches for the cheapest plan then run side by side, one model per core, dearest first. The
// searches look at a plan a few draws at a time, too few to share among cores, so one search a
// core keeps them busy instead; a model's what-if time is the estimate of its search's cost, so
// the longest searches start first. Every draw has the seeds it would have in a sequential
// answer, and each model's search does exactly what it does alone, so the answer is the same bit
// for bit whatever the cores.
#ifndef STATECRAFT_ANALYSIS_ANSWER_WORK_H_
#define STATECRAFT_ANALYSIS_ANSWER_WORK_H_

#include <cstddef>
#include <mutex>
#include <vector>

#include "statecraft/analysis/answer.h"

namespace statecraft {

class AnswerWork {
 public:
  // The references must outlive the work; `answer` holds the models and the options of its
  // what-ifs and searches.
  AnswerWork(const Scenario& scenario, const LeverSet& levers, Answer& answer,
             const AnswerOptions& options);

  // Fills answer.answers, one per model in the models' order, or sets answer.cancelled.
  void Run();

 private:
  struct Slot {
    ModelAnswer item;
    double whatif_seconds = 0.0;
    bool done = false;
  };
  bool StopRequested();
  // The model's what-ifs; false when the answer was cancelled.
  bool RunModelWhatif(std::size_t model);
  // The model's search with `threads` threads for its draws.
  void RunModelSearch(std::size_t model, int threads);
  void Finish(std::size_t model);

  const Scenario& scenario_;
  const LeverSet& levers_;
  Answer& answer_;
  const AnswerOptions& options_;
  std::vector<Slot> slots_;
  std::mutex mutex_;  // guards cancelled_, done_ and the progress calls
  bool cancelled_ = false;
  int done_ = 0;
};

}  // namespace statecraft

#endif  // STATECRAFT_ANALYSIS_ANSWER_WORK_H_

// Progress in draws: the working threads of a sweep report the draws they compute
// (SweepOptions::draws_done); a command that runs sweeps reports them through its context's
// progress hook as steps of one draw, so that every client (a terminal's progress line, a
// server's job) sees draws done out of draws in all.
#ifndef STATECRAFT_APP_DRAW_PROGRESS_H_
#define STATECRAFT_APP_DRAW_PROGRESS_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>

#include "statecraft/app/context.h"

namespace statecraft::app {

class DrawProgress {
 public:
  // `total_draws`: the draws the command computes in all, every plan and model counted.
  DrawProgress(const Context& context, std::int64_t total_draws);
  DrawProgress(const DrawProgress&) = delete;
  DrawProgress& operator=(const DrawProgress&) = delete;

  // For SweepOptions::draws_done; empty when the context has no progress hook. Valid while this
  // object lives.
  std::function<void(int)> Hook();
  // Counts `draws` more. Thread-safe; the hook is called at most about a thousand times in all
  // (it may be slow: a terminal, a lock) and never with fewer draws than an earlier call.
  void Add(std::int64_t draws);

 private:
  void Report(std::int64_t done);

  const Context& context_;
  std::int64_t total_;
  std::int64_t stride_;  // draws between two reports
  int scale_;            // draws a step, so that the total fits the hook's int
  std::atomic<std::int64_t> done_{0};
  std::mutex mutex_;
  std::int64_t reported_ = -1;
};

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_DRAW_PROGRESS_H_

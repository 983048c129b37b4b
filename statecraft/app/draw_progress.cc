#include "statecraft/app/draw_progress.h"

#include <algorithm>
#include <limits>

namespace statecraft::app {
namespace {

constexpr std::int64_t kReports = 1000;

}  // namespace

DrawProgress::DrawProgress(const Context& context, std::int64_t total_draws)
    : context_(context),
      total_(std::max<std::int64_t>(total_draws, 1)),
      stride_(std::max<std::int64_t>(total_ / kReports, 1)),
      scale_(static_cast<int>(total_ / std::numeric_limits<int>::max() + 1)) {
  if (context_.progress) Report(0);
}

std::function<void(int)> DrawProgress::Hook() {
  if (!context_.progress) return {};
  return [this](int draws) { Add(draws); };
}

void DrawProgress::Add(std::int64_t draws) {
  if (!context_.progress || draws <= 0) return;
  const std::int64_t done = done_.fetch_add(draws) + draws;
  // Only the calls that cross a stride report, so the hook is not called for every few draws.
  if (done / stride_ == (done - draws) / stride_ && done < total_) return;
  Report(std::min(done, total_));
}

void DrawProgress::Report(std::int64_t done) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Threads may reach the lock out of order: a count lower than one reported already is dropped.
  if (done <= reported_) return;
  reported_ = done;
  context_.progress(static_cast<int>(done / scale_), static_cast<int>(total_ / scale_));
}

}  // namespace statecraft::app

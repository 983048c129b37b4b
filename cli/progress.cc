#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cmath>
#include <iostream>

#include "cli/store_options.h"
#include "statecraft/analysis/distributed.h"

namespace statecraft::cli {
namespace {

// Redrawn at most this often: a terminal is slow, and a line changing faster cannot be read.
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::size_t TerminalWidth() {
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

std::string Duration(double seconds) {
  const long whole = std::lround(std::ceil(seconds));
  if (whole < 60) return std::to_string(whole) + " s";
  if (whole < 3600) {
    return std::to_string(whole / 60) + " min " + std::to_string(whole % 60) + " s";
  }
  return std::to_string(whole / 3600) + " h " + std::to_string(whole % 3600 / 60) + " min";
}

std::string Rate(double per_second) {
  if (per_second >= 100) return std::to_string(std::lround(per_second));
  char text[32];
  std::snprintf(text, sizeof(text), "%.1f", per_second);
  return text;
}

}  // namespace

void AddQuietOption(CLI::App& command, OutputOptions& options) {
  command.add_flag("-q,--quiet", options.quiet,
                   "print only the results, warnings and errors (no progress, no saved run id)");
}

void AddProgressOptions(CLI::App& command, OutputOptions& options) {
  AddQuietOption(command, options);
  command.add_flag("--progress", options.progress,
                   "show progress on standard error even when it is not a terminal");
}

bool ShowsProgress(const OutputOptions& options) {
  if (options.quiet || !IsLeadProcess()) return false;
  return options.progress || isatty(STDERR_FILENO) == 1;
}

void PrintSaved(const app::SaveReport& saved, const OutputOptions& options) {
  if (!saved.warning.empty()) std::cerr << "statecraft: warning: " << saved.warning << "\n";
  if (saved.run_id > 0 && !options.quiet) {
    const std::string id = std::to_string(saved.run_id);
    std::cerr << "saved as run " << id << " (statecraft runs show " << id << ")\n";
  }
}

std::string ProgressText(const std::string& what, const std::string& unit, int done, int total,
                         double seconds) {
  std::string text = what + ": " + std::to_string(done) + "/" + std::to_string(total) + " " + unit +
                     " (" + std::to_string(total > 0 ? 100LL * done / total : 0) + "%)";
  // The rate and the time left once there is something to measure them by.
  if (done > 0 && seconds > 0.0) {
    const double rate = done / seconds;
    text += ", " + Rate(rate) + " " + unit + "/s";
    if (done < total) text += ", about " + Duration((total - done) / rate) + " left";
  }
  return text;
}

ProgressLine::ProgressLine(std::string what, std::string unit, bool shown)
    : what_(std::move(what)),
      unit_(std::move(unit)),
      shown_(shown),
      start_(std::chrono::steady_clock::now()) {}

ProgressLine::~ProgressLine() { Finish(); }

std::function<void(int, int)> ProgressLine::Hook() {
  if (!shown_) return {};
  return [this](int done, int total) { Update(done, total); };
}

void ProgressLine::Update(int done, int total) {
  if (!shown_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && done < total && now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  Draw(ProgressText(what_, unit_, done, total, seconds));
}

void ProgressLine::Finish() {
  if (!shown_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (!drawn_) return;
  // Blanks over the line, and the cursor back at its start: the next output starts clean.
  std::cerr << "\r" << std::string(drawn_width_, ' ') << "\r" << std::flush;
  drawn_ = false;
  drawn_width_ = 0;
}

void ProgressLine::Draw(const std::string& text) {
  // One character short of the width, so that the terminal never wraps the line.
  const std::size_t width = TerminalWidth() - 1;
  std::string line = text.substr(0, width);
  const std::size_t shown_width = line.size();
  if (line.size() < drawn_width_) line += std::string(drawn_width_ - line.size(), ' ');
  std::cerr << "\r" << line << std::flush;
  drawn_ = true;
  drawn_width_ = std::max(drawn_width_, shown_width);
}

app::Context ProgressContext(app::StoreAccess* save_to, ProgressLine& progress) {
  app::Context context = CommandContext(save_to);
  context.progress = progress.Hook();
  return context;
}

}  // namespace statecraft::cli

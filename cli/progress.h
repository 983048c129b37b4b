// Progress and quiet on the command line. A long command (sweep, whatif, optimize, answer,
// backtest, runs resume) shows what it is doing on standard error, updated in place and erased
// at the end: steps done out of the total, the rate and the time left. It is shown when standard
// error is a terminal, or with --progress; --quiet silences everything but results, warnings and
// errors. Progress never goes to standard output, so it never mixes with a table or JSON.
#ifndef STATECRAFT_CLI_PROGRESS_H_
#define STATECRAFT_CLI_PROGRESS_H_

#include <CLI/CLI.hpp>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>

#include "statecraft/app/context.h"

namespace statecraft::cli {

struct OutputOptions {
  bool quiet = false;
  bool progress = false;
};

// --quiet, for commands that only save (the "saved as run" line).
void AddQuietOption(CLI::App& command, OutputOptions& options);
// --quiet and --progress, for long commands.
void AddProgressOptions(CLI::App& command, OutputOptions& options);

// Whether progress is shown: not --quiet, and --progress or standard error is a terminal (and
// this is the lead process of an MPI job).
bool ShowsProgress(const OutputOptions& options);

// A saving command's report: "saved as run N (statecraft runs show N)" unless --quiet, or the
// warning of a store that could not be written (always), on standard error.
void PrintSaved(const app::SaveReport& saved, const OutputOptions& options);

// One line of progress on standard error.
class ProgressLine {
 public:
  // `what`: what the command is doing ("sweep"); `unit`: what a step is ("draws").
  ProgressLine(std::string what, std::string unit, bool shown);
  ProgressLine(std::string what, std::string unit, const OutputOptions& options)
      : ProgressLine(std::move(what), std::move(unit), ShowsProgress(options)) {}
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // For Context::progress: (steps done, steps in all). Empty when not shown. Thread-safe.
  std::function<void(int, int)> Hook();
  void Update(int done, int total);
  // Erases the line (before the results are printed); the destructor does so too.
  void Finish();

 private:
  void Draw(const std::string& text);

  std::string what_;
  std::string unit_;
  bool shown_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
  std::size_t drawn_width_ = 0;
};

// The text of a progress line: "sweep: 420/1000 draws (42%), 210 draws/s, about 3 s left".
// `seconds`: time since the start. Exposed for tests.
std::string ProgressText(const std::string& what, const std::string& unit, int done, int total,
                         double seconds);

// A context with the command's store and progress hook.
app::Context ProgressContext(app::StoreAccess* save_to, ProgressLine& progress);

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_PROGRESS_H_

// What a command of the request layer needs from its client besides the request: the program's
// version (recorded with every saved run), where to save runs, and hooks for long commands
// (progress, cancellation).
#ifndef STATECRAFT_APP_CONTEXT_H_
#define STATECRAFT_APP_CONTEXT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "statecraft/store/run_store.h"

namespace statecraft::app {

// A run store opened when first needed. Thread-safe: the server's jobs share one.
class StoreAccess {
 public:
  // path: the store's file; empty: RunStore::DefaultPath().
  explicit StoreAccess(std::string path = "");
  // The store, opened for `mode` (StoreMode in run_store.h: commands that save create it, those
  // that read or change saved runs create nothing and check it for damage first). A store that
  // can be written is kept for every later use; one that cannot (a missing store read as empty,
  // a read-only one) is opened anew each time, so that a store created meanwhile is seen.
  // Throws InputError when it cannot be opened (read-only where it must be written, not a store,
  // newer schema), DamagedStoreError when it is damaged.
  std::shared_ptr<RunStore> Open(StoreMode mode = StoreMode::kSave);
  // The path it opens.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::mutex mutex_;
  std::shared_ptr<RunStore> store_;
};

// The progress of a search that may end early (optimize): the draws computed so far and an upper
// bound on the draws it computes in all, which tightens as plans are weighed (the search usually
// stops well below it); the plans weighed out of those within the budget.
struct SearchProgress {
  std::int64_t draws_done = 0;
  std::int64_t draws_at_most = 0;
  std::int64_t plans_weighed = 0;
  std::int64_t plans = 0;
};

struct Context {
  std::string program_version = "statecraft";
  // Where run, compare, whatif, sweep and optimize save their results; null: nothing is saved.
  StoreAccess* save_to = nullptr;
  // Called as a long command goes, with (steps done, steps in all); may be empty.
  std::function<void(int, int)> progress;
  // Called as a search (optimize) goes, in draws, besides `progress` (in plans); may be empty.
  std::function<void(const SearchProgress&)> search_progress;
  // Polled between steps, and between a few draws of a sweep; true stops the command, which then
  // fails with ErrorCode::kCancelled.
  std::function<bool()> cancelled;
  // Called with the id of the run a command saves: once its row is written for a run saved as it
  // goes (a sweep), once it is saved for the others.
  std::function<void(std::int64_t)> run_started;
};

// What a command that saves reports about saving. Saving never changes a command's result: a
// store that cannot be written costs a warning.
struct SaveReport {
  std::int64_t run_id = 0;  // 0: not saved
  std::string warning;      // why the run was not saved, or saved only in part
};

// Saves through `save` when the context asks for it, turning a failure into a warning; a damaged
// store (DamagedStoreError) is an error, not a warning.
SaveReport SaveRun(const Context& context, const std::function<std::int64_t(RunStore&)>& save);

// Throws the cancelled error when the context's hook says so.
void CheckCancelled(const Context& context);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_CONTEXT_H_

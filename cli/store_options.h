// Saving runs in the run store from the commands that compute them (run, compare, whatif, sweep,
// optimize), and opening the store for `statecraft runs`. Saving never changes what a command
// prints: it happens after the output (a sweep saves its blocks of draws as it goes, so that a
// killed sweep can be resumed), and a store that cannot be written only costs a warning on
// standard error (unless --db named it, which is checked before any work).
#ifndef STATECRAFT_CLI_STORE_OPTIONS_H_
#define STATECRAFT_CLI_STORE_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <exception>
#include <functional>
#include <memory>
#include <string>

#include "statecraft/store/run_store.h"

namespace statecraft::cli {

struct StoreOptions {
  std::string db;        // empty: RunStore::DefaultPath()
  bool no_save = false;  // only for commands that save
};

// --db PATH, and --no-save when `saves` is true.
void AddStoreOptions(CLI::App& command, StoreOptions& options, bool saves);

// The store the options name, opened for `access`; InputError when it cannot be opened.
std::unique_ptr<RunStore> OpenStore(const StoreOptions& options,
                                    StoreAccess access = StoreAccess::kSave);

// For commands that save: checks an explicitly named store before any work (so a bad --db is a
// bad input, reported before output) without creating it — a command that fails leaves no new
// store behind —, and later saves through `save`, warning on failure; a damaged store is an
// error (DamagedStoreError), not a warning. Under --mpi only the lead process saves.
class RunSaver {
 public:
  explicit RunSaver(const StoreOptions& options);
  // Calls save(store) unless saving is off; a failure becomes a warning on standard error.
  void Save(const std::function<void(RunStore&)>& save);
  // For a command that saves as it goes (a sweep): the store, or nullptr when saving is off or
  // the store cannot be opened (a warning on standard error).
  RunStore* Store();
  // The warning for a save that failed part-way.
  static void Warn(const std::exception& error);

 private:
  StoreOptions options_;
  std::unique_ptr<RunStore> store_;
};

// The version recorded with every saved run.
std::string ProgramVersion();

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_STORE_OPTIONS_H_

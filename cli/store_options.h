// The run store on the command line: --db PATH and --no-save. Commands that compute runs (run,
// compare, whatif, sweep, optimize) save them through the request layer, after their result is
// computed; a store that cannot be written only costs a warning on standard error, unless --db
// named it, which is checked before any work. `statecraft runs` reads the store.
#ifndef STATECRAFT_CLI_STORE_OPTIONS_H_
#define STATECRAFT_CLI_STORE_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "statecraft/app/context.h"

namespace statecraft::cli {

struct StoreOptions {
  std::string db;        // empty: RunStore::DefaultPath()
  bool no_save = false;  // only for commands that save
};

// --db PATH, and --no-save when `saves` is true.
void AddStoreOptions(CLI::App& command, StoreOptions& options, bool saves);

// The store the options name (opened when first used).
std::unique_ptr<app::StoreAccess> StoreOf(const StoreOptions& options);

// For commands that save: where to save, or null when saving is off (--no-save, or a process of
// an MPI job other than the lead). A store named by --db must be writable: checked here, before
// any work (InputError otherwise).
std::unique_ptr<app::StoreAccess> SaveTarget(const StoreOptions& options);

// The context of a command: the program's version and where it saves (may be null).
app::Context CommandContext(app::StoreAccess* save_to);

// The version recorded with every saved run.
std::string ProgramVersion();

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_STORE_OPTIONS_H_

#include "cli/store_options.h"

#include <iostream>

namespace statecraft::cli {

void AddStoreOptions(CLI::App& command, StoreOptions& options, bool saves) {
  command.add_option("--db", options.db,
                     "run store (SQLite) to use; default: " + RunStore::DefaultPath());
  if (saves) command.add_flag("--no-save", options.no_save, "do not save this run in the store");
}

std::unique_ptr<RunStore> OpenStore(const StoreOptions& options) {
  return std::make_unique<RunStore>(options.db.empty() ? RunStore::DefaultPath() : options.db);
}

RunSaver::RunSaver(const StoreOptions& options) : options_(options) {
  if (!options_.no_save && !options_.db.empty()) store_ = OpenStore(options_);
}

void RunSaver::Save(const std::function<void(RunStore&)>& save) {
  if (options_.no_save) return;
  try {
    if (!store_) store_ = OpenStore(options_);
    save(*store_);
  } catch (const std::exception& error) {
    std::cerr << "statecraft: warning: the run was not saved: " << error.what() << "\n";
  }
}

std::string ProgramVersion() { return std::string("statecraft ") + STATECRAFT_VERSION; }

}  // namespace statecraft::cli

#include "cli/store_options.h"

#include <iostream>

#include "statecraft/analysis/distributed.h"

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
  // Under --mpi every process runs the command; only the lead one saves.
  if (!IsLeadProcess()) options_.no_save = true;
  if (!options_.no_save && !options_.db.empty()) store_ = OpenStore(options_);
}

RunStore* RunSaver::Store() {
  if (options_.no_save) return nullptr;
  try {
    if (!store_) store_ = OpenStore(options_);
    return store_.get();
  } catch (const std::exception& error) {
    std::cerr << "statecraft: warning: the run will not be saved: " << error.what() << "\n";
    options_.no_save = true;
    return nullptr;
  }
}

void RunSaver::Warn(const std::exception& error) {
  std::cerr << "statecraft: warning: the run was not saved: " << error.what() << "\n";
}

void RunSaver::Save(const std::function<void(RunStore&)>& save) {
  if (options_.no_save) return;
  try {
    if (!store_) store_ = OpenStore(options_);
    save(*store_);
  } catch (const std::exception& error) {
    Warn(error);
  }
}

std::string ProgramVersion() { return std::string("statecraft ") + STATECRAFT_VERSION; }

}  // namespace statecraft::cli

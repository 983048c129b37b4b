#include "cli/store_options.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "statecraft/analysis/distributed.h"
#include "statecraft/core/error.h"

namespace statecraft::cli {
namespace {

// A store named by --db must be writable before any work is done: the file when it exists, and
// its folder, where SQLite keeps its write-ahead log. Otherwise a read-only store would only fail
// when saving, after the work, or be reported as unusable.
void CheckWritable(const std::string& path) {
  const std::filesystem::path file(path);
  std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
  std::error_code error;
  // A folder that does not exist yet is created where its nearest existing ancestor is.
  while (!std::filesystem::exists(folder, error) && folder.has_parent_path() &&
         folder.parent_path() != folder) {
    folder = folder.parent_path();
  }
  if (std::filesystem::exists(file, error) && access(file.c_str(), W_OK) != 0) {
    throw InputError(path + ": the run store is read-only (" + std::strerror(errno) +
                     "); expected a store this user can write, or --no-save");
  }
  if (std::filesystem::exists(folder, error) && access(folder.c_str(), W_OK) != 0) {
    throw InputError(path + ": the folder of the run store is read-only (" + std::strerror(errno) +
                     "); expected a folder this user can write, or --no-save");
  }
}

}  // namespace

void AddStoreOptions(CLI::App& command, StoreOptions& options, bool saves) {
  command.add_option("--db", options.db,
                     "run store (SQLite) to use; default: " + RunStore::DefaultPath());
  if (saves) command.add_flag("--no-save", options.no_save, "do not save this run in the store");
}

std::unique_ptr<RunStore> OpenStore(const StoreOptions& options, StoreAccess access) {
  return std::make_unique<RunStore>(options.db.empty() ? RunStore::DefaultPath() : options.db,
                                    access);
}

RunSaver::RunSaver(const StoreOptions& options) : options_(options) {
  // Under --mpi every process runs the command; only the lead one saves.
  if (!IsLeadProcess()) options_.no_save = true;
  if (!options_.no_save && !options_.db.empty()) {
    CheckWritable(options_.db);
    // An existing store is opened now, so that one that is not a store is reported before any
    // work; a new one is created only when the first run is saved.
    std::error_code error;
    if (std::filesystem::exists(options_.db, error)) store_ = OpenStore(options_);
  }
}

RunStore* RunSaver::Store() {
  if (options_.no_save) return nullptr;
  try {
    if (!store_) store_ = OpenStore(options_);
    return store_.get();
  } catch (const DamagedStoreError&) {
    throw;
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
  } catch (const DamagedStoreError&) {
    throw;
  } catch (const std::exception& error) {
    Warn(error);
  }
}

std::string ProgramVersion() { return std::string("statecraft ") + STATECRAFT_VERSION; }

}  // namespace statecraft::cli

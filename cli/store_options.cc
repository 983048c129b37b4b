#include "cli/store_options.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "statecraft/analysis/distributed.h"
#include "statecraft/core/error.h"
#include "statecraft/core/version.h"

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

std::unique_ptr<app::StoreAccess> StoreOf(const StoreOptions& options) {
  return std::make_unique<app::StoreAccess>(options.db);
}

std::unique_ptr<app::StoreAccess> SaveTarget(const StoreOptions& options) {
  // Under --mpi every process runs the command; only the lead one saves.
  if (options.no_save || !IsLeadProcess()) return nullptr;
  auto store = StoreOf(options);
  if (!options.db.empty()) {
    CheckWritable(options.db);
    // An existing store is opened now, so that one that is not a store (or is damaged) is
    // reported before any work; a new one is created only when the first run is saved, so that
    // a command that fails leaves no new store behind.
    std::error_code error;
    if (std::filesystem::exists(options.db, error)) store->Open();
  }
  return store;
}

app::Context CommandContext(app::StoreAccess* save_to) {
  app::Context context;
  context.program_version = ProgramVersion();
  context.save_to = save_to;
  return context;
}

std::string ProgramVersion() { return std::string("statecraft ") + kProgramVersion; }

}  // namespace statecraft::cli

// RunStore: every run, comparison, what-if, sweep and optimisation saved in one SQLite file, so
// analysts can come back to earlier results (`statecraft runs`, the report, the web UI's history).
//
// What a run records: the scenario (its canonical JSON, named by SHA-256, stored once however
// many runs use it), the models with their resolved parameters, the plan, the seed, the program
// version, timestamps, the outcome per model and issue, every round's positions, per-draw
// outcomes for sweeps, and the JSON the command printed. The printed JSON and each forecast's
// positions are stored compressed (packed.h): a COP21 run of 10 rounds takes about 75 KB.
//
// Robustness: WAL journal mode, a busy timeout for concurrent writers, foreign keys on, and SQL
// only as fixed text with bound parameters. A complete run is written in one transaction, so a
// writer killed mid-way leaves either the whole run or nothing. Long runs are written as a
// "running" row first, then their draws in batches (one transaction each), then marked
// "complete": a sweep killed mid-way leaves a running row and whole batches of draws. Sweeps
// are saved in blocks of draws (SaveSweepBlock) holding everything their summary needs, so a
// resumed sweep computes only the draws no block holds. Commits do not wait for the disk
// (synchronous=NORMAL): a killed program loses nothing it committed; a power cut may lose the
// last runs, never the store's consistency. The write-ahead log (FILE-wal beside the store)
// is copied into the store once it outgrows 1 MiB: a copy of the store is the file and its log.
//
// One RunStore may be shared by threads: every public method holds its lock.
//
// The schema is versioned: schema_version holds the number of migrations applied, and opening a
// store applies the missing ones in order, each in its own transaction.
#ifndef STATECRAFT_STORE_RUN_STORE_H_
#define STATECRAFT_STORE_RUN_STORE_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "statecraft/analysis/sweep.h"
#include "statecraft/core/error.h"
#include "statecraft/core/forecast.h"
#include "statecraft/core/scenario.h"
#include "statecraft/io/json_output.h"

struct sqlite3;

namespace statecraft {

// A store whose pages are damaged (SQLite: "database disk image is malformed"). The message names
// the store and what to do; commands end with it (exit 2) rather than warn, so that nothing keeps
// writing into a broken file unnoticed.
class DamagedStoreError : public InputError {
 public:
  using InputError::InputError;
};

// How a command uses the store.
enum class StoreMode {
  // Commands that save runs: the store and its folder are created when missing.
  kSave,
  // Commands that only read (runs list, show, export): nothing is created — a missing store
  // reads as an empty one —, a store in a read-only file or folder is opened read-only, and the
  // store is checked for damage first (PRAGMA quick_check).
  kRead,
  // Commands that change saved runs (runs resume, delete): nothing is created, and the store is
  // checked for damage first.
  kChange,
};

// What a new run records besides its scenario and results.
struct RunHeader {
  std::string kind;               // "run", "compare", "whatif", "sweep" or "optimize"
  Json models = Json::array();    // model names
  Json params = Json::object();   // model name → resolved parameters
  Json plan = nullptr;            // the levers or plans applied, when any
  Json options = Json::object();  // draws, target, threads: whatever else shaped the result
  std::uint64_t seed = 0;
  std::string program_version;
  int draws_planned = 0;  // for sweeps: draws per model
};

struct StoredRun {
  std::int64_t id = 0;
  std::string kind;
  std::string status;  // "running" or "complete"
  std::string scenario_name;
  std::string scenario_hash;
  std::string created_at;   // UTC, ISO 8601
  std::string finished_at;  // empty while running
  std::string program_version;
  std::uint64_t seed = 0;
  Json models;
  Json params;
  Json plan;
  Json options;
  int draws_planned = 0;
  int draws_saved = 0;  // rows in draws (every model)
  // Filled by Get only:
  std::string scenario_json;  // canonical JSON, as CanonicalScenarioJson wrote it
  Json result;                // what the command printed as JSON; null while running
};

// Which runs List returns; an empty field matches every run.
struct RunFilter {
  std::string kind;      // "run", "compare", "whatif", "sweep" or "optimize"
  std::string scenario;  // the scenario's name
  std::string status;    // "running" or "complete"
};

// The store's size on disk: the database file and its write-ahead log.
struct StoreSize {
  std::int64_t bytes = 0;
  std::int64_t runs = 0;
};

// Which runs a clean-up removes. With both rules a run is removed only when both say so. A run
// still running is never removed: it may be computing in another process.
struct CleanUpRule {
  std::int64_t keep = -1;  // remove all but the newest `keep` runs; -1: no such rule
  std::string before;      // remove runs created before this UTC time, ISO 8601 ("2026-11-30",
                           // "2026-11-30T12:00"); empty: no such rule
  bool dry_run = false;    // only say what would be removed
};

struct CleanUpReport {
  std::vector<std::int64_t> removed;  // ids, ascending (with dry_run: those that would be)
  std::int64_t running_spared = 0;    // running runs the rules matched but that were kept
  std::int64_t runs_left = 0;
  std::int64_t bytes_before = 0;
  std::int64_t bytes_after = 0;  // after compaction (VACUUM); bytes_before with dry_run
};

class RunStore {
 public:
  // $XDG_DATA_HOME/statecraft/runs.sqlite, or ~/.local/share/statecraft/runs.sqlite.
  static std::string DefaultPath();
  // The number of migrations this program knows.
  static int LatestSchemaVersion();

  // Opens the store as `mode` says (creating the file and its folder only for kSave) and
  // migrates it. InputError when the file cannot be opened, is read-only where it must be
  // written, is not a statecraft store, or was written by a newer schema; DamagedStoreError when
  // it is damaged. Damage found later, by any method, is a DamagedStoreError too.
  explicit RunStore(const std::string& path, StoreMode mode = StoreMode::kSave);
  ~RunStore();
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  const std::string& path() const { return path_; }
  // False for a store opened read-only (kRead in a read-only file or folder) or read as empty
  // because it does not exist yet (kRead of a missing file): nothing can be saved into it.
  bool writable() const { return writable_; }
  int SchemaVersion() const;

  // A complete run in one transaction: scenario, header, outcomes and positions of each
  // forecast, and the printed JSON. Returns the run's id. (A run of one forecast passes
  // std::span(&forecast, 1): no copy of it is made.)
  std::int64_t SaveRun(const Scenario& scenario, const RunHeader& header,
                       std::span<const Forecast> forecasts, const Json& result);

  // A long run: BeginRun writes a running row; SaveDraws adds a batch of draws (draw-major
  // outcomes, issue_count per draw) in one transaction; FinishRun stores the forecasts and the
  // result and marks it complete.
  std::int64_t BeginRun(const Scenario& scenario, const RunHeader& header);
  void SaveDraws(std::int64_t id, const std::string& model, int first_draw, int issue_count,
                 const std::vector<double>& outcomes);
  void FinishRun(std::int64_t id, const Scenario& scenario, std::span<const Forecast> forecasts,
                 const Json& result);
  // A part of a long run that is finished on its own (a model of a multi-model sweep): its
  // draws and its summary in one transaction, so a resumed run finds whole parts only.
  void SavePart(std::int64_t id, const std::string& part, int issue_count,
                const std::vector<double>& outcomes, const Json& summary);
  // A block of a model's sweep draws (a SweepResult over a range of draws) in one transaction:
  // everything a summary needs, bit for bit, and the per-draw outcomes in the draws table.
  void SaveSweepBlock(std::int64_t id, const std::string& model, const SweepResult& block);
  // The model's saved blocks, by first draw.
  std::vector<SweepResult> LoadSweepBlocks(std::int64_t id, const std::string& model) const;
  // The part's summary, or nullopt when it was not saved.
  std::optional<Json> LoadPart(std::int64_t id, const std::string& part) const;
  // The draws saved for a model, as {draw: outcomes per issue}, ascending.
  std::vector<std::pair<int, std::vector<double>>> LoadDraws(std::int64_t id,
                                                             const std::string& model) const;

  // Newest first; limit 0: all.
  std::vector<StoredRun> List(int limit = 0) const;
  std::vector<StoredRun> List(const RunFilter& filter, int limit) const;
  StoreSize Size() const;
  // Removes the runs the rule names in one transaction (all or none), then compacts the file so
  // that it shrinks on disk (run_store_cleanup.cc). InputError for a rule without a rule, or a
  // malformed date.
  CleanUpReport CleanUp(const CleanUpRule& rule);
  std::optional<StoredRun> Get(std::int64_t id) const;
  // Everything about a run as one JSON document: header, scenario, outcomes, positions, draws,
  // result. InputError when there is no such run.
  Json Export(std::int64_t id) const;
  // False when there was no such run.
  bool Delete(std::int64_t id);

  // SQLite's integrity_check and foreign_key_check, "ok" when both pass.
  std::string IntegrityCheck() const;

 private:
  void Execute(const std::string& sql) const;
  void Migrate();
  void SaveScenario(const Scenario& scenario, std::string* hash);
  void InsertDraws(std::int64_t id, const std::string& model, int first_draw, int issue_count,
                   const std::vector<double>& outcomes);
  std::int64_t InsertRun(const Scenario& scenario, const RunHeader& header, bool complete,
                         const Json& result);
  void InsertForecasts(std::int64_t id, const Scenario& scenario,
                       std::span<const Forecast> forecasts);
  Json ExportPositions(std::int64_t id) const;
  // Copies the store and its write-ahead log into a new private folder (snapshot_folder_) and
  // returns the copy's path; RemoveSnapshot deletes the folder.
  std::string SnapshotOf(const std::string& path);
  void RemoveSnapshot();

  std::string path_;
  // A store in a read-only place whose latest runs are still in its write-ahead log is read from
  // a private copy in this folder (removed on close); empty otherwise.
  std::string snapshot_folder_;
  bool writable_ = true;
  sqlite3* db_ = nullptr;
  mutable std::recursive_mutex mutex_;
};

}  // namespace statecraft

#endif  // STATECRAFT_STORE_RUN_STORE_H_

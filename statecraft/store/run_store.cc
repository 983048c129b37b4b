#include "statecraft/store/run_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <tuple>

#include "statecraft/core/error.h"
#include "statecraft/core/version.h"
#include "statecraft/io/native_format.h"
#include "statecraft/store/packed.h"
#include "statecraft/store/sha256.h"
#include "statecraft/store/sqlite_statement.h"
#include "statecraft/store/store_schema.h"

namespace statecraft {
namespace {

using store_internal::QuickCheck;
using store_internal::Statement;
using store_internal::StorePath;
using store_internal::ThrowDamaged;
using store_internal::ThrowFailure;
using store_internal::Transaction;

// The size past which closing the store copies its write-ahead log into the database (about a
// dozen saved runs). Every program that opens the store reads the whole log first: a larger
// limit costs each of them more, a smaller one waits for the disk more often.
constexpr std::uintmax_t kWalLimitBytes = 1 << 20;

std::string NowUtc() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[80];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(millis));
  return text;
}

// JSON the store holds; a text that does not parse means damaged pages.
Json ParseStoredJson(sqlite3* db, const std::string& text) {
  if (text.empty()) return nullptr;
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& error) {
    // Only the position: the parser's own message quotes the bytes it read, which in a damaged
    // page are rarely valid UTF-8 and would garble the terminal.
    ThrowDamaged(StorePath(db),
                 "a stored JSON text does not parse (at byte " + std::to_string(error.byte) + ")");
  }
}

// Columns read by List and Get, in this order.
constexpr const char* kRunColumns =
    "SELECT runs.id, runs.kind, runs.status, scenarios.name, runs.scenario_hash, "
    "runs.created_at, runs.finished_at, runs.program_version, runs.seed, runs.models_json, "
    "runs.params_json, runs.plan_json, runs.options_json, runs.draws_planned, "
    "(SELECT COUNT(*) FROM draws WHERE draws.run_id = runs.id), scenarios.canonical_json, "
    "runs.result_json, runs.result_packed "
    "FROM runs JOIN scenarios ON scenarios.hash = runs.scenario_hash ";

StoredRun ReadRun(const Statement& row, bool full) {
  StoredRun run;
  run.id = row.Integer(0);
  run.kind = row.Text(1);
  run.status = row.Text(2);
  run.scenario_name = row.Text(3);
  run.scenario_hash = row.Text(4);
  run.created_at = row.Text(5);
  run.finished_at = row.Text(6);
  run.program_version = row.Text(7);
  run.seed = static_cast<std::uint64_t>(row.Integer(8));
  run.models = ParseStoredJson(row.db(), row.Text(9));
  run.params = ParseStoredJson(row.db(), row.Text(10));
  run.plan = ParseStoredJson(row.db(), row.Text(11));
  run.options = ParseStoredJson(row.db(), row.Text(12));
  run.draws_planned = static_cast<int>(row.Integer(13));
  run.draws_saved = static_cast<int>(row.Integer(14));
  if (full) {
    run.scenario_json = row.Text(15);
    run.result =
        row.IsNull(17) ? ParseStoredJson(row.db(), row.Text(16)) : UnpackJson(row.Blob(17));
  }
  return run;
}

Json RunHeaderJson(const StoredRun& run) {
  Json out;
  out["id"] = run.id;
  out["kind"] = run.kind;
  out["status"] = run.status;
  out["scenario"] = run.scenario_name;
  out["scenario_hash"] = run.scenario_hash;
  out["models"] = run.models;
  out["params"] = run.params;
  out["plan"] = run.plan;
  out["options"] = run.options;
  out["seed"] = run.seed;
  out["program_version"] = run.program_version;
  out["created_at"] = run.created_at;
  out["finished_at"] = run.finished_at.empty() ? Json(nullptr) : Json(run.finished_at);
  out["draws_planned"] = run.draws_planned;
  out["draws_saved"] = run.draws_saved;
  return out;
}

Json NumberOrNull(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

}  // namespace

std::string RunStore::DefaultPath() {
  const char* data_home = std::getenv("XDG_DATA_HOME");
  std::filesystem::path base;
  if (data_home != nullptr && data_home[0] == '/') {
    base = data_home;
  } else {
    const char* home = std::getenv("HOME");
    base =
        std::filesystem::path(home != nullptr && home[0] != '\0' ? home : ".") / ".local" / "share";
  }
  return (base / "statecraft" / "runs.sqlite").string();
}

int RunStore::LatestSchemaVersion() {
  // The schema version is defined in core/version.h; a migration added without raising it there
  // (or the reverse) is a programming error that every store opening reports.
  if (static_cast<int>(StoreMigrations().size()) != kStoreSchemaVersion) {
    throw std::logic_error("the run store has " + std::to_string(StoreMigrations().size()) +
                           " migrations but kStoreSchemaVersion is " +
                           std::to_string(kStoreSchemaVersion));
  }
  return kStoreSchemaVersion;
}

namespace {

bool Writable(const std::filesystem::path& path) { return access(path.c_str(), W_OK) == 0; }

}  // namespace

RunStore::RunStore(const std::string& path, StoreMode mode) : path_(path) {
  const std::filesystem::path file(path);
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
  std::error_code error;
  const bool exists = std::filesystem::exists(file, error);
  std::string open_name = path;
  int flags = SQLITE_OPEN_READWRITE;
  bool read_only = false;
  if (mode == StoreMode::kSave) {
    if (file.has_parent_path()) {
      std::filesystem::create_directories(file.parent_path(), error);
      if (error) {
        throw InputError(path + ": cannot create the folder of the run store (" + error.message() +
                         ")");
      }
    }
    flags |= SQLITE_OPEN_CREATE;
  } else if (!exists) {
    if (mode == StoreMode::kChange) {
      throw InputError(path + ": no run store there (a command that saves runs creates it)");
    }
    // Nothing saved yet: an empty store in memory, so that reading finds no run and nothing is
    // created on disk.
    open_name = ":memory:";
    flags |= SQLITE_OPEN_CREATE;
    writable_ = false;
  } else if (mode == StoreMode::kRead && (!Writable(file) || !Writable(folder))) {
    // SQLite keeps its write-ahead log beside the file: in a read-only file or folder the store
    // is opened as an immutable file, which needs neither. Runs still in the log (the store does
    // not wait for the disk on close) are read from a private copy of the file and its log.
    std::error_code log_error;
    const std::uintmax_t log_bytes = std::filesystem::file_size(path + "-wal", log_error);
    if (!log_error && log_bytes > 0) {
      open_name = SnapshotOf(path);
    } else {
      open_name = "file:" + path + "?immutable=1";
      flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
      read_only = true;
    }
    writable_ = false;
  }
  if (sqlite3_open_v2(open_name.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    RemoveSnapshot();
    throw InputError(path + ": cannot open the run store (" + message + ")");
  }
  sqlite3_busy_timeout(db_, 10000);
  try {
    Execute("PRAGMA foreign_keys = ON");
    if (read_only) {
      const int version = SchemaVersion();
      if (version != LatestSchemaVersion()) {
        throw InputError(path + ": the run store has schema version " + std::to_string(version) +
                         ", this program reads version " + std::to_string(LatestSchemaVersion()) +
                         "; expected a store this user can write (to upgrade it) or one of this "
                         "version");
      }
    } else {
      {
        Statement journal(db_, "PRAGMA journal_mode = WAL");
        journal.Step();
      }
      // A commit appends to the write-ahead log without waiting for the disk (synchronous=NORMAL
      // in WAL mode): a process killed at any point leaves every run it committed and never half
      // of one; a power cut or an operating-system crash can lose the runs committed since the
      // last checkpoint, and leaves the store consistent even then. Closing leaves the log in
      // place (no checkpoint, so no wait for the disk) until it outgrows kWalLimitBytes.
      Execute("PRAGMA synchronous = NORMAL");
      sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
      Migrate();
    }
    if (mode != StoreMode::kSave) {
      const std::string check = QuickCheck(db_);
      if (check != "ok") ThrowDamaged(path, "quick_check: " + check);
    }
  } catch (const InputError&) {
    sqlite3_close(db_);
    db_ = nullptr;
    RemoveSnapshot();
    throw;
  } catch (const std::runtime_error& error) {
    // A store that cannot be written (read-only, or a full disk) is not a broken one: say so.
    const int code = sqlite3_errcode(db_) & 0xff;
    sqlite3_close(db_);
    db_ = nullptr;
    RemoveSnapshot();
    if (code == SQLITE_READONLY) {
      throw InputError(path + ": the run store is read-only (" + error.what() +
                       "); expected a store this user can write");
    }
    if (code == SQLITE_FULL || code == SQLITE_IOERR) {
      throw InputError(path + ": cannot write the run store (" + error.what() +
                       "); is the disk full?");
    }
    throw InputError(path + ": not a usable statecraft run store (" + error.what() + ")");
  }
}

std::string RunStore::SnapshotOf(const std::string& path) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "statecraft-store-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw InputError(path +
                     ": cannot read the run store's write-ahead log in a read-only place "
                     "(no temporary folder: " +
                     std::strerror(errno) + ")");
  }
  snapshot_folder_ = pattern;
  const std::filesystem::path copy = std::filesystem::path(pattern) / "runs.sqlite";
  std::error_code error;
  std::filesystem::copy_file(path, copy, error);
  if (!error) std::filesystem::copy_file(path + "-wal", copy.string() + "-wal", error);
  if (error) {
    std::filesystem::remove_all(snapshot_folder_, error);
    snapshot_folder_.clear();
    throw InputError(path + ": cannot read the run store (" + error.message() + ")");
  }
  return copy.string();
}

RunStore::~RunStore() {
  if (db_ == nullptr) {
    RemoveSnapshot();
    return;
  }
  // A log past its limit is copied into the database and emptied, without waiting for other
  // programs: one that is reading or writing now leaves it to a later close.
  std::error_code error;
  const std::uintmax_t log_bytes = std::filesystem::file_size(path_ + "-wal", error);
  if (!error && writable_ && log_bytes > kWalLimitBytes) {
    sqlite3_busy_timeout(db_, 0);
    sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  }
  sqlite3_close(db_);
  RemoveSnapshot();
}

void RunStore::RemoveSnapshot() {
  if (snapshot_folder_.empty()) return;
  std::error_code error;
  std::filesystem::remove_all(snapshot_folder_, error);
  snapshot_folder_.clear();
}

void RunStore::Execute(const std::string& sql) const {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    sqlite3_free(message);
    ThrowFailure(db_, "");
  }
}

int RunStore::SchemaVersion() const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Statement query(db_, "SELECT MAX(version) FROM schema_version");
  return query.Step() && !query.IsNull(0) ? static_cast<int>(query.Integer(0)) : 0;
}

void RunStore::Migrate() {
  Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  const auto& migrations = StoreMigrations();
  LatestSchemaVersion();  // checks the migrations against kStoreSchemaVersion
  // A store that is up to date (every open but the first) is read without taking the write lock.
  if (SchemaVersion() == static_cast<int>(migrations.size())) return;
  for (;;) {
    // Each step re-reads the version inside its write transaction, so two programs opening a
    // new store at once cannot apply a migration twice.
    Transaction transaction(db_);
    const int version = SchemaVersion();
    if (version > static_cast<int>(migrations.size())) {
      throw std::runtime_error("its schema version " + std::to_string(version) +
                               " is newer than this program's " +
                               std::to_string(migrations.size()));
    }
    if (version == static_cast<int>(migrations.size())) return;
    Execute(migrations[version]);
    Statement record(db_, "INSERT INTO schema_version (version) VALUES (?1)");
    record.Bind(1, static_cast<std::int64_t>(version + 1)).Run();
    transaction.Commit();
  }
}

void RunStore::SaveScenario(const Scenario& scenario, std::string* hash) {
  const std::string canonical = CanonicalScenarioJson(scenario);
  *hash = Sha256Hex(canonical);
  Statement insert(db_,
                   "INSERT OR IGNORE INTO scenarios (hash, name, canonical_json) "
                   "VALUES (?1, ?2, ?3)");
  insert.Bind(1, *hash).Bind(2, scenario.name).Bind(3, canonical).Run();
}

std::int64_t RunStore::InsertRun(const Scenario& scenario, const RunHeader& header, bool complete,
                                 const Json& result) {
  std::string hash;
  SaveScenario(scenario, &hash);
  const std::string now = NowUtc();
  Statement insert(db_,
                   "INSERT INTO runs (kind, status, scenario_hash, models_json, params_json, "
                   "plan_json, options_json, seed, program_version, created_at, finished_at, "
                   "draws_planned, result_packed) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  insert.Bind(1, header.kind)
      .Bind(2, std::string(complete ? "complete" : "running"))
      .Bind(3, hash)
      .Bind(4, header.models.dump())
      .Bind(5, header.params.dump())
      .Bind(6, header.plan.dump())
      .Bind(7, header.options.dump())
      .Bind(8, static_cast<std::int64_t>(header.seed))
      .Bind(9, header.program_version)
      .Bind(10, now)
      .Bind(12, static_cast<std::int64_t>(header.draws_planned));
  if (complete) {
    insert.Bind(11, now).BindBlob(13, PackJson(result));
  }
  insert.Run();
  return sqlite3_last_insert_rowid(db_);
}

void RunStore::InsertForecasts(std::int64_t id, const Scenario& scenario,
                               std::span<const Forecast> forecasts) {
  Statement outcome(db_,
                    "INSERT INTO outcomes (run_id, model, issue, outcome, unconstrained_outcome) "
                    "VALUES (?1, ?2, ?3, ?4, ?5)");
  Statement positions(db_,
                      "INSERT INTO round_positions (run_id, model, actors_json, issues_json, "
                      "round_count, positions) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  const int issue_count = scenario.IssueCount();
  Json actors = Json::array();
  for (const Actor& actor : scenario.actors) actors.push_back(actor.name);
  Json issues = Json::array();
  for (const Issue& issue : scenario.issues) issues.push_back(issue.name);
  const std::string actors_json = actors.dump();
  const std::string issues_json = issues.dump();
  std::vector<double> values;
  for (const Forecast& forecast : forecasts) {
    for (int issue = 0; issue < issue_count; ++issue) {
      const double ruled =
          forecast.ruled_outcome.empty() ? forecast.outcome[issue] : forecast.ruled_outcome[issue];
      outcome.Bind(1, id)
          .Bind(2, forecast.model)
          .Bind(3, scenario.issues[issue].name)
          .Bind(4, ruled)
          .Bind(5, forecast.outcome[issue])
          .Run();
    }
    values.clear();
    for (const Round& round : forecast.rounds) {
      values.insert(values.end(), round.positions.begin(), round.positions.end());
    }
    positions.Bind(1, id)
        .Bind(2, forecast.model)
        .Bind(3, actors_json)
        .Bind(4, issues_json)
        .Bind(5, static_cast<std::int64_t>(forecast.rounds.size()))
        .BindBlob(6, Compress(EncodeDoubles(values)))
        .Run();
  }
}

std::int64_t RunStore::SaveRun(const Scenario& scenario, const RunHeader& header,
                               std::span<const Forecast> forecasts, const Json& result) {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Transaction transaction(db_);
  const std::int64_t id = InsertRun(scenario, header, true, result);
  InsertForecasts(id, scenario, forecasts);
  transaction.Commit();
  return id;
}

std::int64_t RunStore::BeginRun(const Scenario& scenario, const RunHeader& header) {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Transaction transaction(db_);
  const std::int64_t id = InsertRun(scenario, header, false, nullptr);
  transaction.Commit();
  return id;
}

void RunStore::SaveDraws(std::int64_t id, const std::string& model, int first_draw, int issue_count,
                         const std::vector<double>& outcomes) {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Transaction transaction(db_);
  InsertDraws(id, model, first_draw, issue_count, outcomes);
  transaction.Commit();
}

void RunStore::InsertDraws(std::int64_t id, const std::string& model, int first_draw,
                           int issue_count, const std::vector<double>& outcomes) {
  Statement insert(db_,
                   "INSERT OR REPLACE INTO draws (run_id, model, draw, outcomes_json) "
                   "VALUES (?1, ?2, ?3, ?4)");
  const int draw_count = issue_count > 0 ? static_cast<int>(outcomes.size()) / issue_count : 0;
  for (int k = 0; k < draw_count; ++k) {
    Json values = Json::array();
    for (int issue = 0; issue < issue_count; ++issue) {
      values.push_back(NumberOrNull(outcomes[k * issue_count + issue]));
    }
    insert.Bind(1, id)
        .Bind(2, model)
        .Bind(3, static_cast<std::int64_t>(first_draw + k))
        .Bind(4, values.dump())
        .Run();
  }
}

void RunStore::SavePart(std::int64_t id, const std::string& part, int issue_count,
                        const std::vector<double>& outcomes, const Json& summary) {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Transaction transaction(db_);
  InsertDraws(id, part, 0, issue_count, outcomes);
  Statement insert(db_,
                   "INSERT OR REPLACE INTO run_parts (run_id, part, summary_json) "
                   "VALUES (?1, ?2, ?3)");
  insert.Bind(1, id).Bind(2, part).Bind(3, summary.dump()).Run();
  transaction.Commit();
}

void RunStore::SaveSweepBlock(std::int64_t id, const std::string& model, const SweepResult& block) {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Transaction transaction(db_);
  Statement insert(db_,
                   "INSERT OR REPLACE INTO sweep_blocks (run_id, model, first_draw, draw_count, "
                   "issue_names_json, input_labels_json, deals_offered, outcomes, unconstrained, "
                   "inputs, deals_struck) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  insert.Bind(1, id)
      .Bind(2, model)
      .Bind(3, static_cast<std::int64_t>(block.first_draw))
      .Bind(4, static_cast<std::int64_t>(block.draws))
      .Bind(5, Json(block.issue_names).dump())
      .Bind(6, Json(block.input_labels).dump())
      .Bind(7, static_cast<std::int64_t>(block.deals_offered))
      .BindBlob(8, EncodeDoubles(block.outcomes))
      .BindBlob(9, EncodeDoubles(block.unconstrained))
      .BindBlob(10, EncodeDoubles(block.inputs))
      .BindBlob(11, EncodeIntegers(block.deals_struck))
      .Run();
  // The per-draw outcomes also go where every run keeps them (runs export, draws_saved).
  InsertDraws(id, model, block.first_draw, block.issue_count, block.outcomes);
  transaction.Commit();
}

std::vector<SweepResult> RunStore::LoadSweepBlocks(std::int64_t id,
                                                   const std::string& model) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Statement query(db_,
                  "SELECT first_draw, draw_count, issue_names_json, input_labels_json, "
                  "deals_offered, outcomes, unconstrained, inputs, deals_struck FROM sweep_blocks "
                  "WHERE run_id = ?1 AND model = ?2 ORDER BY first_draw");
  query.Bind(1, id).Bind(2, model);
  std::vector<SweepResult> blocks;
  while (query.Step()) {
    SweepResult block;
    block.first_draw = static_cast<int>(query.Integer(0));
    block.draws = static_cast<int>(query.Integer(1));
    block.issue_names = ParseStoredJson(db_, query.Text(2)).get<std::vector<std::string>>();
    block.input_labels = ParseStoredJson(db_, query.Text(3)).get<std::vector<std::string>>();
    block.issue_count = static_cast<int>(block.issue_names.size());
    block.deals_offered = static_cast<int>(query.Integer(4));
    const std::size_t draws = static_cast<std::size_t>(block.draws);
    block.outcomes = DecodeDoubles(query.Blob(5), draws * block.issue_names.size());
    block.unconstrained = DecodeDoubles(query.Blob(6), draws * block.issue_names.size());
    // A block past the sweep's driver_draws holds no sampled inputs (SweepOptions).
    const std::string inputs = query.Blob(7);
    const std::size_t labels = block.input_labels.size();
    const std::size_t input_draws = labels > 0 ? inputs.size() / 8 / labels : 0;
    if (input_draws > draws) ThrowDamaged(path_, "a block of draws with more inputs than draws");
    block.inputs = DecodeDoubles(inputs, input_draws * labels);
    block.deals_struck = DecodeIntegers(query.Blob(8), draws);
    blocks.push_back(std::move(block));
  }
  return blocks;
}

std::optional<Json> RunStore::LoadPart(std::int64_t id, const std::string& part) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Statement query(db_, "SELECT summary_json FROM run_parts WHERE run_id = ?1 AND part = ?2");
  query.Bind(1, id).Bind(2, part);
  if (!query.Step()) return std::nullopt;
  return ParseStoredJson(db_, query.Text(0));
}

void RunStore::FinishRun(std::int64_t id, const Scenario& scenario,
                         std::span<const Forecast> forecasts, const Json& result) {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Transaction transaction(db_);
  InsertForecasts(id, scenario, forecasts);
  Statement finish(db_,
                   "UPDATE runs SET status = 'complete', finished_at = ?2, result_packed = ?3 "
                   "WHERE id = ?1");
  finish.Bind(1, id).Bind(2, NowUtc()).BindBlob(3, PackJson(result)).Run();
  if (sqlite3_changes(db_) != 1) {
    throw InputError("run store: no run " + std::to_string(id) + " to finish");
  }
  transaction.Commit();
}

std::vector<std::pair<int, std::vector<double>>> RunStore::LoadDraws(
    std::int64_t id, const std::string& model) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Statement query(db_,
                  "SELECT draw, outcomes_json FROM draws WHERE run_id = ?1 AND model = ?2 "
                  "ORDER BY draw");
  query.Bind(1, id).Bind(2, model);
  std::vector<std::pair<int, std::vector<double>>> draws;
  while (query.Step()) {
    std::vector<double> values;
    for (const Json& value : ParseStoredJson(db_, query.Text(1))) {
      values.push_back(value.is_number() ? value.get<double>() : std::nan(""));
    }
    draws.emplace_back(static_cast<int>(query.Integer(0)), std::move(values));
  }
  return draws;
}

std::vector<StoredRun> RunStore::List(int limit) const { return List(RunFilter{}, limit); }

std::vector<StoredRun> RunStore::List(const RunFilter& filter, int limit) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Statement query(db_, (std::string(kRunColumns) +
                        "WHERE (?2 = '' OR runs.kind = ?2) AND (?3 = '' OR scenarios.name = ?3) "
                        "AND (?4 = '' OR runs.status = ?4) ORDER BY runs.id DESC LIMIT ?1")
                           .c_str());
  query.Bind(1, static_cast<std::int64_t>(limit > 0 ? limit : -1))
      .Bind(2, filter.kind)
      .Bind(3, filter.scenario)
      .Bind(4, filter.status);
  std::vector<StoredRun> runs;
  while (query.Step()) runs.push_back(ReadRun(query, false));
  return runs;
}

std::optional<StoredRun> RunStore::Get(std::int64_t id) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Statement query(db_, (std::string(kRunColumns) + "WHERE runs.id = ?1").c_str());
  query.Bind(1, id);
  if (!query.Step()) return std::nullopt;
  return ReadRun(query, true);
}

Json RunStore::Export(std::int64_t id) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  const std::optional<StoredRun> run = Get(id);
  if (!run) throw InputError("run store " + path_ + ": no run " + std::to_string(id));
  Json out = RunHeaderJson(*run);
  out["scenario_json"] = ParseStoredJson(db_, run->scenario_json);
  Json outcomes = Json::array();
  Statement outcome_query(db_,
                          "SELECT model, issue, outcome, unconstrained_outcome FROM outcomes "
                          "WHERE run_id = ?1 ORDER BY model, issue");
  outcome_query.Bind(1, id);
  while (outcome_query.Step()) {
    outcomes.push_back({{"model", outcome_query.Text(0)},
                        {"issue", outcome_query.Text(1)},
                        {"outcome", NumberOrNull(outcome_query.Number(2))},
                        {"unconstrained_outcome", NumberOrNull(outcome_query.Number(3))}});
  }
  out["outcomes"] = outcomes;
  out["positions"] = ExportPositions(id);
  Json draws = Json::array();
  Statement draw_query(db_,
                       "SELECT model, draw, outcomes_json FROM draws WHERE run_id = ?1 "
                       "ORDER BY model, draw");
  draw_query.Bind(1, id);
  while (draw_query.Step()) {
    draws.push_back({{"model", draw_query.Text(0)},
                     {"draw", draw_query.Integer(1)},
                     {"outcomes", ParseStoredJson(db_, draw_query.Text(2))}});
  }
  out["draws"] = draws;
  out["result"] = run->result;
  return out;
}

Json RunStore::ExportPositions(std::int64_t id) const {
  // Runs saved before schema 5 hold one row per position, the others one BLOB per forecast; a
  // run has one or the other. Both come out as rows ordered by model, round, actor and issue
  // (byte order of the names, as SQLite orders text).
  struct Row {
    std::string model;
    std::int64_t round;
    std::string actor;
    std::string issue;
    double position;
  };
  std::vector<Row> rows;
  Statement legacy(db_,
                   "SELECT model, round, actor, issue, position FROM positions "
                   "WHERE run_id = ?1 ORDER BY model, round, actor, issue");
  legacy.Bind(1, id);
  while (legacy.Step()) {
    rows.push_back(
        {legacy.Text(0), legacy.Integer(1), legacy.Text(2), legacy.Text(3), legacy.Number(4)});
  }
  Statement packed(db_,
                   "SELECT model, actors_json, issues_json, round_count, positions "
                   "FROM round_positions WHERE run_id = ?1");
  packed.Bind(1, id);
  bool any_packed = false;
  while (packed.Step()) {
    any_packed = true;
    const std::string model = packed.Text(0);
    const auto actors = Json::parse(packed.Text(1)).get<std::vector<std::string>>();
    const auto issues = Json::parse(packed.Text(2)).get<std::vector<std::string>>();
    const std::size_t rounds = static_cast<std::size_t>(packed.Integer(3));
    const std::vector<double> values =
        DecodeDoubles(Decompress(packed.Blob(4)), rounds * actors.size() * issues.size());
    std::size_t slot = 0;
    for (std::size_t round = 0; round < rounds; ++round) {
      for (const std::string& actor : actors) {
        for (const std::string& issue : issues) {
          const double value = values[slot++];
          if (std::isnan(value)) continue;
          rows.push_back({model, static_cast<std::int64_t>(round), actor, issue, value});
        }
      }
    }
  }
  if (any_packed) {
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      return std::tie(a.model, a.round, a.actor, a.issue) <
             std::tie(b.model, b.round, b.actor, b.issue);
    });
  }
  Json positions = Json::array();
  for (const Row& row : rows) {
    positions.push_back({{"model", row.model},
                         {"round", row.round},
                         {"actor", row.actor},
                         {"issue", row.issue},
                         {"position", row.position}});
  }
  return positions;
}

bool RunStore::Delete(std::int64_t id) {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  Transaction transaction(db_);
  Statement remove(db_, "DELETE FROM runs WHERE id = ?1");
  remove.Bind(1, id).Run();
  const bool removed = sqlite3_changes(db_) > 0;
  // A scenario no run refers to any more goes too.
  Execute(
      "DELETE FROM scenarios WHERE NOT EXISTS "
      "(SELECT 1 FROM runs WHERE runs.scenario_hash = scenarios.hash)");
  transaction.Commit();
  return removed;
}

std::string RunStore::IntegrityCheck() const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  std::string report;
  Statement integrity(db_, "PRAGMA integrity_check");
  while (integrity.Step()) {
    const std::string line = integrity.Text(0);
    if (line != "ok") report += line + "\n";
  }
  Statement foreign_keys(db_, "PRAGMA foreign_key_check");
  while (foreign_keys.Step()) {
    report += "foreign key violation in " + foreign_keys.Text(0) + " row " +
              std::to_string(foreign_keys.Integer(1)) + "\n";
  }
  return report.empty() ? "ok" : report;
}

}  // namespace statecraft

// The run store's size and its clean-up (`statecraft runs gc`): the store grows with every saved
// run, so its users can see how big it is and keep only the runs they want.
#include <sqlite3.h>

#include <cctype>
#include <filesystem>

#include "statecraft/core/error.h"
#include "statecraft/store/run_store.h"
#include "statecraft/store/sqlite_statement.h"

namespace statecraft {
namespace {

using store_internal::Statement;
using store_internal::Transaction;

std::int64_t FileBytes(const std::string& path) {
  std::error_code error;
  const auto bytes = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<std::int64_t>(bytes);
}

// "YYYY-MM-DD", optionally "THH:MM" or "THH:MM:SS", optionally "Z": the prefix the store's
// created_at times (UTC, ISO 8601) are compared with, so that a run is "before" it when it was
// created earlier.
std::string CheckedTime(const std::string& text) {
  std::string time = text;
  if (!time.empty() && time.back() == 'Z') time.pop_back();
  const std::string shape = "dddd-dd-ddTdd:dd:dd";
  const bool shaped = (time.size() == 10 || time.size() == 16 || time.size() == 19) && [&] {
    for (std::size_t k = 0; k < time.size(); ++k) {
      const bool digit = std::isdigit(static_cast<unsigned char>(time[k]));
      if (shape[k] == 'd' ? !digit : time[k] != shape[k]) return false;
    }
    return true;
  }();
  const auto field = [&](std::size_t at) { return std::stoi(time.substr(at, 2)); };
  if (!shaped || field(5) < 1 || field(5) > 12 || field(8) < 1 || field(8) > 31 ||
      (time.size() > 10 && (field(11) > 23 || field(14) > 59)) ||
      (time.size() > 16 && field(17) > 59)) {
    throw InputError("before: found '" + text +
                     "', expected a UTC date or time such as 2026-11-30 or 2026-11-30T12:00");
  }
  return time;
}

}  // namespace

StoreSize RunStore::Size() const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  StoreSize size;
  size.bytes = FileBytes(path_) + FileBytes(path_ + "-wal");
  Statement count(db_, "SELECT COUNT(*) FROM runs");
  if (count.Step()) size.runs = count.Integer(0);
  return size;
}

CleanUpReport RunStore::CleanUp(const CleanUpRule& rule) {
  if (rule.keep < -1) {
    throw InputError("keep: found " + std::to_string(rule.keep) + ", expected 0 or more");
  }
  if (rule.keep < 0 && rule.before.empty()) {
    throw InputError("expected a rule: keep the newest N runs, or remove those before a date");
  }
  const std::string before = rule.before.empty() ? std::string() : CheckedTime(rule.before);
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  CleanUpReport report;
  report.bytes_before = Size().bytes;
  {
    Transaction transaction(db_);
    // Newest by id, as List orders them. A rule that is not given matches every run.
    Statement matched(db_,
                      "SELECT id, status FROM runs WHERE "
                      "(?1 < 0 OR id NOT IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?1)) "
                      "AND (?2 = '' OR created_at < ?2) ORDER BY id");
    matched.Bind(1, rule.keep).Bind(2, before);
    while (matched.Step()) {
      if (matched.Text(1) == "running") {
        ++report.running_spared;
      } else {
        report.removed.push_back(matched.Integer(0));
      }
    }
    if (!rule.dry_run) {
      Statement remove(db_, "DELETE FROM runs WHERE id = ?1");
      for (const std::int64_t id : report.removed) {
        remove.Bind(1, id).Run();
      }
      Execute(
          "DELETE FROM scenarios WHERE NOT EXISTS "
          "(SELECT 1 FROM runs WHERE runs.scenario_hash = scenarios.hash)");
      transaction.Commit();
    }
  }
  report.runs_left = Size().runs;
  report.bytes_after = report.bytes_before;
  if (rule.dry_run || report.removed.empty()) return report;
  // Deleted rows only free pages inside the file: VACUUM rewrites it smaller, and the checkpoint
  // empties the write-ahead log. Both are best effort (another process may hold the store); the
  // runs are removed either way.
  sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  sqlite3_exec(db_, "VACUUM", nullptr, nullptr, nullptr);
  sqlite3_exec(db_, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  report.bytes_after = Size().bytes;
  return report;
}

}  // namespace statecraft

// SQLite through prepared statements with bound parameters only, and transactions that roll
// back when an exception leaves their scope: the two tools the run store's queries use. A failed
// call is reported by ThrowFailure: DamagedStoreError for damaged pages, InputError for a
// read-only store, std::runtime_error with SQLite's message otherwise. Internal to the store.
#ifndef STATECRAFT_STORE_SQLITE_STATEMENT_H_
#define STATECRAFT_STORE_SQLITE_STATEMENT_H_

#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace statecraft::store_internal {

// The store's file as SQLite knows it (empty for a store held in memory).
std::string StorePath(sqlite3* db);

// "ok", or the first two problems PRAGMA quick_check finds, on one line, or SQLite's message
// when even the check fails.
std::string QuickCheck(sqlite3* db);

// DamagedStoreError naming the store, what was found and what to do.
[[noreturn]] void ThrowDamaged(const std::string& path, const std::string& detail);

// What a failed SQLite call on `db` means to the user: a damaged store (DamagedStoreError,
// checked with quick_check), a read-only one (InputError); anything else — a full disk, a lock
// held too long — is a runtime_error "run store: WHAT MESSAGE", which the commands that save
// report as a warning.
[[noreturn]] void ThrowFailure(sqlite3* db, const std::string& what);

// A prepared statement; every value reaches SQLite through a bound parameter.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr) != SQLITE_OK) {
      ThrowFailure(db, "cannot prepare statement: ");
    }
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, std::int64_t value) {
    Check(sqlite3_bind_int64(statement_, index, value));
    return *this;
  }
  Statement& Bind(int index, double value) {
    // NaN (an absent value) is stored as NULL.
    Check(std::isfinite(value) ? sqlite3_bind_double(statement_, index, value)
                               : sqlite3_bind_null(statement_, index));
    return *this;
  }
  Statement& Bind(int index, const std::string& value) {
    Check(sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                            SQLITE_TRANSIENT));
    return *this;
  }
  Statement& BindBlob(int index, const std::string& bytes) {
    Check(sqlite3_bind_blob(statement_, index, bytes.data(), static_cast<int>(bytes.size()),
                            SQLITE_TRANSIENT));
    return *this;
  }
  // True while a row is available.
  bool Step() {
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    ThrowFailure(db_, "");
  }
  void Run() {
    Step();
    sqlite3_reset(statement_);
  }
  void Reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  std::int64_t Integer(int column) const { return sqlite3_column_int64(statement_, column); }
  double Number(int column) const {
    if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nan("");
    return sqlite3_column_double(statement_, column);
  }
  std::string Text(int column) const {
    const unsigned char* text = sqlite3_column_text(statement_, column);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
  }
  bool IsNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  sqlite3* db() const { return db_; }
  std::string Blob(int column) const {
    const void* bytes = sqlite3_column_blob(statement_, column);
    if (bytes == nullptr) return {};
    return std::string(static_cast<const char*>(bytes),
                       static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
  }

 private:
  void Check(int code) {
    if (code != SQLITE_OK) {
      throw std::runtime_error(std::string("run store: cannot bind: ") + sqlite3_errmsg(db_));
    }
  }
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back when an exception leaves the scope.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { Exec("BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void Commit() {
    Exec("COMMIT");
    committed_ = true;
  }

 private:
  void Exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
      ThrowFailure(db_, std::string(sql) + ": ");
    }
  }
  sqlite3* db_;
  bool committed_ = false;
};

}  // namespace statecraft::store_internal

#endif  // STATECRAFT_STORE_SQLITE_STATEMENT_H_

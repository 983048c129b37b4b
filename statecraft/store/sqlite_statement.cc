#include "statecraft/store/sqlite_statement.h"

#include <algorithm>
#include <vector>

#include "statecraft/core/error.h"
#include "statecraft/store/run_store.h"

namespace statecraft::store_internal {

std::string StorePath(sqlite3* db) {
  const char* name = sqlite3_db_filename(db, "main");
  return name == nullptr ? std::string() : std::string(name);
}

std::string QuickCheck(sqlite3* db) {
  std::vector<std::string> problems;
  char* message = nullptr;
  const int code = sqlite3_exec(
      db, "PRAGMA quick_check(2)",
      [](void* out, int columns, char** values, char**) {
        auto* lines = static_cast<std::vector<std::string>*>(out);
        if (columns == 0 || values[0] == nullptr) return 0;
        // A row may hold several lines, the first naming the database ("*** in database main
        // ***").
        std::string row = values[0];
        std::size_t start = 0;
        while (start <= row.size()) {
          const std::size_t end = std::min(row.find('\n', start), row.size());
          const std::string line = row.substr(start, end - start);
          if (!line.empty() && line.rfind("***", 0) != 0) lines->push_back(line);
          start = end + 1;
        }
        return 0;
      },
      &problems, &message);
  std::string report;
  if (code != SQLITE_OK) {
    report = message != nullptr ? message : sqlite3_errmsg(db);
  } else {
    for (std::size_t k = 0; k < problems.size() && k < 2; ++k) {
      report += (report.empty() ? "" : "; ") + problems[k];
    }
  }
  sqlite3_free(message);
  return report;
}

void ThrowDamaged(const std::string& path, const std::string& detail) {
  throw DamagedStoreError(
      path + ": the run store is damaged (" + detail +
      "); expected an intact store: move the file aside (a new store is created by the next "
      "command that saves) and recover what is left with `sqlite3 " +
      path + " .recover`");
}

void ThrowFailure(sqlite3* db, const std::string& what) {
  const int code = sqlite3_errcode(db) & 0xff;
  const std::string message = sqlite3_errmsg(db);
  const std::string path = StorePath(db);
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
    const std::string check = code == SQLITE_CORRUPT ? QuickCheck(db) : std::string("ok");
    ThrowDamaged(path, check == "ok" ? message : message + "; quick_check: " + check);
  }
  if (code == SQLITE_READONLY) {
    throw InputError(path + ": the run store is read-only (" + message +
                     "); expected a store this user can write");
  }
  throw std::runtime_error("run store: " + what + message);
}

}  // namespace statecraft::store_internal

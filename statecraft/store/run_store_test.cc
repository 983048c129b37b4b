#include "statecraft/store/run_store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <thread>

#include "statecraft/analysis/run.h"
#include "statecraft/core/error.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/native_format.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/models/builtin.h"
#include "statecraft/store/sha256.h"

namespace statecraft {
namespace {

class RunStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("statecraft_store_test_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    path_ = (folder_ / "nested" / "runs.sqlite").string();
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  static Scenario Builtin() {
    return ParseScenarios(BuiltinScenarioText(), BuiltinScenarioFileName()).front();
  }

  static RunHeader Header(const std::string& kind, const std::string& model) {
    RunHeader header;
    header.kind = kind;
    header.models = Json::array({model});
    header.params = Json::object({{model, Json::object()}});
    header.seed = 7;
    header.program_version = "test";
    return header;
  }

  std::filesystem::path folder_;
  std::string path_;
};

TEST(Sha256Test, MatchesTheFipsExamples) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_F(RunStoreTest, CreatesTheFileWithWalAndTheLatestSchema) {
  RunStore store(path_);
  EXPECT_TRUE(std::filesystem::exists(path_));
  EXPECT_EQ(store.SchemaVersion(), RunStore::LatestSchemaVersion());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal");
  sqlite3_finalize(statement);
  sqlite3_close(db);
}

TEST_F(RunStoreTest, SavesARunAndReadsItBack) {
  const Scenario scenario = Builtin();
  const Forecast forecast = RunModel(BuiltinModels().Get("eum"), scenario, {}, 7);
  const Json result = ForecastToJson(scenario, forecast);
  RunStore store(path_);
  RunHeader header = Header("run", "eum");
  header.params["eum"] = DetailToJson(forecast.params.ToDetail());
  const std::int64_t id = store.SaveRun(scenario, header, std::span(&forecast, 1), result);
  EXPECT_GT(id, 0);

  const std::optional<StoredRun> run = store.Get(id);
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->kind, "run");
  EXPECT_EQ(run->status, "complete");
  EXPECT_EQ(run->scenario_name, scenario.name);
  EXPECT_EQ(run->scenario_hash, Sha256Hex(CanonicalScenarioJson(scenario)));
  EXPECT_EQ(run->seed, 7u);
  EXPECT_EQ(run->program_version, "test");
  EXPECT_FALSE(run->finished_at.empty());
  EXPECT_EQ(run->result, result);
  // The canonical JSON reads back into the same scenario.
  EXPECT_EQ(CanonicalScenarioJson(ParseNativeScenario(run->scenario_json, "stored.json")),
            run->scenario_json);

  const Json exported = store.Export(id);
  EXPECT_EQ(exported["outcomes"].size(), static_cast<std::size_t>(scenario.IssueCount()));
  std::size_t expected_positions = 0;
  for (const Round& round : forecast.rounds) {
    for (double position : round.positions) expected_positions += std::isnan(position) ? 0 : 1;
  }
  EXPECT_EQ(exported["positions"].size(), expected_positions);
  for (const Json& outcome : exported["outcomes"]) {
    const int issue = scenario.IssueIndex(outcome["issue"].get<std::string>());
    ASSERT_GE(issue, 0);
    EXPECT_DOUBLE_EQ(outcome["outcome"].get<double>(), forecast.ruled_outcome[issue]);
    EXPECT_DOUBLE_EQ(outcome["unconstrained_outcome"].get<double>(), forecast.outcome[issue]);
  }
  const Json& last = exported["positions"].back();
  EXPECT_EQ(last["model"], "eum");
  EXPECT_EQ(last["round"].get<std::size_t>(), forecast.rounds.size() - 1);
}

TEST_F(RunStoreTest, StoresAScenarioOnceAndListsNewestFirst) {
  const Scenario scenario = Builtin();
  const Forecast forecast = RunModel(BuiltinModels().Get("median"), scenario, {}, 0);
  RunStore store(path_);
  const std::int64_t first =
      store.SaveRun(scenario, Header("run", "median"), std::span(&forecast, 1), Json::object());
  const std::int64_t second =
      store.SaveRun(scenario, Header("compare", "median"), std::span(&forecast, 1), Json::object());
  const std::vector<StoredRun> runs = store.List();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].id, second);
  EXPECT_EQ(runs[1].id, first);
  EXPECT_EQ(runs[0].scenario_hash, runs[1].scenario_hash);
  EXPECT_EQ(store.List(1).size(), 1u);

  EXPECT_TRUE(store.Delete(first));
  EXPECT_FALSE(store.Delete(first));
  EXPECT_FALSE(store.Get(first).has_value());
  EXPECT_TRUE(store.Get(second).has_value());
  EXPECT_TRUE(store.Delete(second));
  EXPECT_TRUE(store.List().empty());
  EXPECT_EQ(store.IntegrityCheck(), "ok");
  EXPECT_THROW(store.Export(second), InputError);
}

TEST_F(RunStoreTest, CleanUpKeepsTheNewestAndSparesRunningRuns) {
  const Scenario scenario = Builtin();
  const Forecast forecast = RunModel(BuiltinModels().Get("median"), scenario, {}, 0);
  RunStore store(path_);
  const std::int64_t running = store.BeginRun(scenario, Header("sweep", "median"));
  std::vector<std::int64_t> ids;
  for (const char* kind : {"run", "compare", "run", "whatif"}) {
    ids.push_back(
        store.SaveRun(scenario, Header(kind, "median"), std::span(&forecast, 1), Json::object()));
  }
  EXPECT_EQ(store.List(RunFilter{"run", "", ""}, 0).size(), 2u);
  EXPECT_EQ(store.List(RunFilter{"", "", "running"}, 0).front().id, running);
  EXPECT_TRUE(store.List(RunFilter{"", "no such scenario", ""}, 0).empty());
  EXPECT_EQ(store.Size().runs, 5);

  const CleanUpReport dry = store.CleanUp({2, "", true});
  EXPECT_EQ(dry.removed, (std::vector<std::int64_t>{ids[0], ids[1]}));
  EXPECT_EQ(dry.running_spared, 1);
  EXPECT_EQ(store.Size().runs, 5);  // a dry run removes nothing

  const CleanUpReport done = store.CleanUp({2, "", false});
  EXPECT_EQ(done.removed, dry.removed);
  EXPECT_EQ(done.runs_left, 3);
  EXPECT_TRUE(store.Get(running).has_value());
  EXPECT_FALSE(store.Get(ids[0]).has_value());
  EXPECT_EQ(store.IntegrityCheck(), "ok");
  // Both rules: removed only when both say so; a date before every run removes none.
  EXPECT_TRUE(store.CleanUp({0, "2000-01-01", false}).removed.empty());
  EXPECT_EQ(store.CleanUp({-1, "2999-12-31T23:59", false}).removed.size(), 2u);
  EXPECT_THROW(store.CleanUp({-1, "", false}), InputError);
  EXPECT_THROW(store.CleanUp({-1, "30/11/2026", false}), InputError);
  EXPECT_THROW(store.CleanUp({-1, "2026-02-30T25:00", false}), InputError);
}

TEST_F(RunStoreTest, NamesWithQuotesAreDataNotSql) {
  Scenario scenario = Builtin();
  scenario.name = "x'); DROP TABLE runs; --";
  const Forecast forecast = RunModel(BuiltinModels().Get("mean"), scenario, {}, 0);
  RunStore store(path_);
  const std::int64_t id =
      store.SaveRun(scenario, Header("run", "mean"), std::span(&forecast, 1), {});
  EXPECT_EQ(store.Get(id)->scenario_name, scenario.name);
  EXPECT_EQ(store.List().size(), 1u);
}

TEST_F(RunStoreTest, LongRunsKeepTheirDrawsAndFinish) {
  const Scenario scenario = Builtin();
  const int issues = scenario.IssueCount();
  RunStore store(path_);
  RunHeader header = Header("sweep", "compromise");
  header.draws_planned = 4;
  const std::int64_t id = store.BeginRun(scenario, header);
  EXPECT_EQ(store.Get(id)->status, "running");
  EXPECT_TRUE(store.Get(id)->result.is_null());
  std::vector<double> batch(2 * issues);
  for (std::size_t k = 0; k < batch.size(); ++k) batch[k] = static_cast<double>(k);
  batch[1] = std::nan("");
  store.SaveDraws(id, "compromise", 0, issues, batch);
  store.SaveDraws(id, "compromise", 2, issues, batch);
  const auto draws = store.LoadDraws(id, "compromise");
  ASSERT_EQ(draws.size(), 4u);
  EXPECT_EQ(draws[2].first, 2);
  EXPECT_DOUBLE_EQ(draws[3].second[0], static_cast<double>(issues));
  EXPECT_TRUE(std::isnan(draws[0].second[1]));
  EXPECT_EQ(store.Get(id)->draws_saved, 4);
  const Forecast forecast = RunModel(BuiltinModels().Get("compromise"), scenario, {}, 0);
  store.FinishRun(id, scenario, std::span(&forecast, 1), Json{{"draws", 4}});
  const StoredRun run = *store.Get(id);
  EXPECT_EQ(run.status, "complete");
  EXPECT_EQ(run.result["draws"], 4);
  EXPECT_THROW(store.FinishRun(id + 100, scenario, {}, {}), InputError);
}

TEST_F(RunStoreTest, PartsAreSavedWholeWithTheirDraws) {
  const Scenario scenario = Builtin();
  const int issues = scenario.IssueCount();
  RunStore store(path_);
  const std::int64_t id = store.BeginRun(scenario, Header("sweep", "eum"));
  EXPECT_FALSE(store.LoadPart(id, "eum").has_value());
  store.SavePart(id, "eum", issues, std::vector<double>(3 * issues, 1.5), Json{{"draws", 3}});
  ASSERT_TRUE(store.LoadPart(id, "eum").has_value());
  EXPECT_EQ((*store.LoadPart(id, "eum"))["draws"], 3);
  EXPECT_EQ(store.LoadDraws(id, "eum").size(), 3u);
  EXPECT_TRUE(store.Delete(id));
  EXPECT_EQ(store.IntegrityCheck(), "ok");
}

// The values a block must keep exactly: NaN (a failed draw's absent outcome), -0, the smallest
// subnormal, the largest double, and numbers with no short decimal form.
SweepResult TrickyBlock(int first_draw, int draws, int issues) {
  SweepResult block;
  block.first_draw = first_draw;
  block.draws = draws;
  block.issue_count = issues;
  for (int issue = 0; issue < issues; ++issue) {
    block.issue_names.push_back("issue \"" + std::to_string(issue) + "'");
  }
  block.input_labels = {"USA salience on sanctions", "L1 magnitude"};
  block.deals_offered = 2;
  const double specials[] = {std::nan(""),
                             -0.0,
                             std::numeric_limits<double>::denorm_min(),
                             std::numeric_limits<double>::max(),
                             0.1 + 0.2,
                             1.0 / 3.0};
  for (int k = 0; k < draws * issues; ++k) {
    block.outcomes.push_back(specials[(first_draw + k) % 6]);
    block.unconstrained.push_back(specials[(first_draw + k + 1) % 6] * -1.0);
  }
  for (int k = 0; k < draws * 2; ++k) block.inputs.push_back(std::ldexp(first_draw + k, -30));
  for (int k = 0; k < draws; ++k) block.deals_struck.push_back((first_draw + k) % 3);
  return block;
}

bool SameBits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

TEST_F(RunStoreTest, SweepBlocksComeBackBitForBitWithTheirDraws) {
  const Scenario scenario = Builtin();
  RunStore store(path_);
  const std::int64_t id = store.BeginRun(scenario, Header("sweep", "eum"));
  const std::vector<SweepResult> saved = {TrickyBlock(0, 4, 3), TrickyBlock(4, 2, 3)};
  // Saved out of order: loaded by first draw.
  store.SaveSweepBlock(id, "eum", saved[1]);
  store.SaveSweepBlock(id, "eum", saved[0]);
  store.SaveSweepBlock(id, "smp", TrickyBlock(0, 1, 3));
  const std::vector<SweepResult> loaded = store.LoadSweepBlocks(id, "eum");
  ASSERT_EQ(loaded.size(), 2u);
  for (int k = 0; k < 2; ++k) {
    EXPECT_EQ(loaded[k].first_draw, saved[k].first_draw);
    EXPECT_EQ(loaded[k].draws, saved[k].draws);
    EXPECT_EQ(loaded[k].issue_count, 3);
    EXPECT_EQ(loaded[k].issue_names, saved[k].issue_names);
    EXPECT_EQ(loaded[k].input_labels, saved[k].input_labels);
    EXPECT_EQ(loaded[k].deals_offered, 2);
    EXPECT_EQ(loaded[k].deals_struck, saved[k].deals_struck);
    EXPECT_TRUE(SameBits(loaded[k].outcomes, saved[k].outcomes));
    EXPECT_TRUE(SameBits(loaded[k].unconstrained, saved[k].unconstrained));
    EXPECT_TRUE(SameBits(loaded[k].inputs, saved[k].inputs));
  }
  // A block past the sweep's driver_draws keeps no sampled inputs.
  SweepResult without_inputs = TrickyBlock(6, 3, 3);
  without_inputs.inputs.clear();
  store.SaveSweepBlock(id, "eum", without_inputs);
  const std::vector<SweepResult> all = store.LoadSweepBlocks(id, "eum");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_TRUE(all[2].inputs.empty());
  EXPECT_EQ(all[2].InputDraws(), 0);
  EXPECT_TRUE(SameBits(all[2].outcomes, without_inputs.outcomes));
  EXPECT_EQ(store.LoadDraws(id, "eum").size(), 9u);
  EXPECT_EQ(store.Get(id)->draws_saved, 10);
  EXPECT_TRUE(store.LoadSweepBlocks(id, "exchange").empty());
  EXPECT_TRUE(store.Delete(id));
  EXPECT_TRUE(store.LoadSweepBlocks(id, "eum").empty());
  EXPECT_EQ(store.IntegrityCheck(), "ok");
}

TEST_F(RunStoreTest, MigratesAVersionOneStore) {
  { RunStore store(path_); }
  // Make it look like a store written by a program that knew only migration 1.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP INDEX runs_by_created_at; DROP INDEX runs_by_scenario; "
                         "DROP TABLE run_parts; DROP TABLE sweep_blocks; "
                         "DROP TABLE round_positions; ALTER TABLE runs DROP COLUMN result_packed; "
                         "DELETE FROM schema_version WHERE version > 1",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  RunStore store(path_);
  EXPECT_EQ(store.SchemaVersion(), RunStore::LatestSchemaVersion());
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = ?1 AND name = ?2", -1,
                     &statement, nullptr);
  for (const auto& [type, name] :
       {std::pair<const char*, const char*>{"index", "runs_by_created_at"},
        {"table", "run_parts"},
        {"table", "sweep_blocks"},
        {"table", "round_positions"}}) {
    sqlite3_bind_text(statement, 1, type, -1, SQLITE_STATIC);
    sqlite3_bind_text(statement, 2, name, -1, SQLITE_STATIC);
    ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(statement, 0), 1) << name;
    sqlite3_reset(statement);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
}

// A store of schema 4 keeps a run's printed JSON as text and its positions one row each: after
// the migration to schema 5 such a run reads back and exports as before, beside a run saved in
// the compact form.
TEST_F(RunStoreTest, RunsSavedBeforeSchemaFiveReadBackBesideNewOnes) {
  const Scenario scenario = Builtin();
  const Forecast forecast = RunModel(BuiltinModels().Get("median"), scenario, {}, 0);
  const Json result = ForecastToJson(scenario, forecast);
  { RunStore store(path_); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE round_positions; ALTER TABLE runs DROP COLUMN result_packed; "
                         "DELETE FROM schema_version WHERE version > 4",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  // The run as schema 4 held it.
  const std::string canonical = WriteScenarioJson(scenario);
  const std::string hash = Sha256Hex(canonical);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO scenarios (hash, name, canonical_json) VALUES (?1, ?2, ?3)",
                     -1, &statement, nullptr);
  sqlite3_bind_text(statement, 1, hash.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(statement, 2, scenario.name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(statement, 3, canonical.c_str(), -1, SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_DONE);
  sqlite3_finalize(statement);
  sqlite3_prepare_v2(db,
                     "INSERT INTO runs (kind, status, scenario_hash, models_json, params_json, "
                     "plan_json, options_json, seed, program_version, created_at, finished_at, "
                     "result_json) VALUES ('run', 'complete', ?1, '[\"median\"]', '{}', 'null', "
                     "'{}', 0, 'old', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?2)",
                     -1, &statement, nullptr);
  sqlite3_bind_text(statement, 1, hash.c_str(), -1, SQLITE_TRANSIENT);
  const std::string text = result.dump();
  sqlite3_bind_text(statement, 2, text.c_str(), -1, SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_DONE);
  sqlite3_finalize(statement);
  const std::int64_t old_id = sqlite3_last_insert_rowid(db);
  sqlite3_prepare_v2(db,
                     "INSERT INTO positions (run_id, model, round, actor, issue, position) "
                     "VALUES (?1, 'median', ?2, ?3, ?4, ?5)",
                     -1, &statement, nullptr);
  std::size_t old_positions = 0;
  for (std::size_t round = 0; round < forecast.rounds.size(); ++round) {
    for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
      for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
        const double value =
            forecast.rounds[round].positions[actor * scenario.IssueCount() + issue];
        if (std::isnan(value)) continue;
        sqlite3_bind_int64(statement, 1, old_id);
        sqlite3_bind_int64(statement, 2, static_cast<sqlite3_int64>(round));
        sqlite3_bind_text(statement, 3, scenario.actors[actor].name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(statement, 4, scenario.issues[issue].name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_double(statement, 5, value);
        ASSERT_EQ(sqlite3_step(statement), SQLITE_DONE);
        sqlite3_reset(statement);
        ++old_positions;
      }
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);

  RunStore store(path_);
  EXPECT_EQ(store.SchemaVersion(), RunStore::LatestSchemaVersion());
  const std::int64_t new_id =
      store.SaveRun(scenario, Header("run", "median"), std::span(&forecast, 1), result);
  const Json old_export = store.Export(old_id);
  const Json new_export = store.Export(new_id);
  EXPECT_EQ(store.Get(old_id)->result, result);
  EXPECT_EQ(store.Get(new_id)->result, result);
  EXPECT_EQ(old_export["result"].dump(), new_export["result"].dump());
  ASSERT_EQ(old_export["positions"].size(), old_positions);
  // The same rows in the same order, whichever form they were kept in.
  EXPECT_EQ(old_export["positions"], new_export["positions"]);
  EXPECT_EQ(store.IntegrityCheck(), "ok");
}

TEST_F(RunStoreTest, RefusesANewerSchemaAndForeignFiles) {
  { RunStore store(path_); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "INSERT INTO schema_version (version) VALUES (99)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  try {
    RunStore store(path_);
    FAIL() << "a newer schema was accepted";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("newer than this program"), std::string::npos);
  }
  const std::string text_file = (folder_ / "notes.txt").string();
  {
    std::FILE* file = std::fopen(text_file.c_str(), "w");
    std::fputs("this is not a database, just some text long enough to have a header\n", file);
    std::fclose(file);
  }
  EXPECT_THROW(RunStore store(text_file), InputError);
}

// A writer killed with SIGKILL mid-write (complete runs, and a long run's draw batches) leaves a
// consistent store: integrity and foreign keys hold, every complete run has all its outcomes,
// and a long run holds whole batches only.
TEST_F(RunStoreTest, AWriterKilledMidWriteLeavesAConsistentStore) {
  const Scenario scenario = Builtin();
  const int issues = scenario.IssueCount();
  const Forecast forecast = RunModel(BuiltinModels().Get("eum"), scenario, {}, 0);
  constexpr int kBatch = 50;
  { RunStore create(path_); }
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    RunStore store(path_);
    RunHeader header = Header("sweep", "eum");
    header.draws_planned = 1000000;
    const std::int64_t sweep = store.BeginRun(scenario, header);
    std::vector<double> batch(kBatch * issues, 50.0);
    for (int k = 0;; ++k) {
      store.SaveDraws(sweep, "eum", k * kBatch, issues, batch);
      store.SaveRun(scenario, Header("run", "eum"), std::span(&forecast, 1), Json::object());
    }
  }
  // Let it write for a while, then kill it without warning, mid-transaction most likely.
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));

  RunStore store(path_);
  EXPECT_EQ(store.IntegrityCheck(), "ok");
  const std::vector<StoredRun> runs = store.List();
  ASSERT_GE(runs.size(), 2u) << "the writer wrote nothing in 700 ms";
  int complete = 0;
  for (const StoredRun& run : runs) {
    if (run.kind == "sweep") {
      EXPECT_EQ(run.status, "running");
      EXPECT_GT(run.draws_saved, 0);
      EXPECT_EQ(run.draws_saved % kBatch, 0) << "a partial batch of draws was kept";
      continue;
    }
    ++complete;
    EXPECT_EQ(run.status, "complete");
    const Json exported = store.Export(run.id);
    EXPECT_EQ(exported["outcomes"].size(), static_cast<std::size_t>(issues));
    EXPECT_FALSE(exported["positions"].empty());
  }
  EXPECT_GT(complete, 0);
  // The store is still writable.
  EXPECT_GT(store.SaveRun(scenario, Header("run", "eum"), std::span(&forecast, 1), Json::object()),
            0);
}

}  // namespace
}  // namespace statecraft

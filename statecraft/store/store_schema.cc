#include "statecraft/store/store_schema.h"

namespace statecraft {

// Ordered migrations: migration k (1-based) brings the schema from version k-1 to k. Never edit
// one that has shipped; append a new one.
const std::vector<std::string>& StoreMigrations() {
  static const std::vector<std::string> kMigrations = {
      // 1: scenarios, runs, outcomes, positions, draws.
      R"sql(
CREATE TABLE scenarios (
  hash TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  canonical_json TEXT NOT NULL
);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('run', 'compare', 'whatif', 'sweep', 'optimize')),
  status TEXT NOT NULL CHECK (status IN ('running', 'complete')),
  scenario_hash TEXT NOT NULL REFERENCES scenarios(hash),
  models_json TEXT NOT NULL,
  params_json TEXT NOT NULL,
  plan_json TEXT NOT NULL,
  options_json TEXT NOT NULL,
  seed INTEGER NOT NULL,
  program_version TEXT NOT NULL,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  draws_planned INTEGER NOT NULL DEFAULT 0,
  result_json TEXT
);
CREATE TABLE outcomes (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  issue TEXT NOT NULL,
  outcome REAL,
  unconstrained_outcome REAL,
  PRIMARY KEY (run_id, model, issue)
) WITHOUT ROWID;
CREATE TABLE positions (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  round INTEGER NOT NULL,
  actor TEXT NOT NULL,
  issue TEXT NOT NULL,
  position REAL NOT NULL,
  PRIMARY KEY (run_id, model, round, actor, issue)
) WITHOUT ROWID;
CREATE TABLE draws (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  draw INTEGER NOT NULL,
  outcomes_json TEXT NOT NULL,
  PRIMARY KEY (run_id, model, draw)
) WITHOUT ROWID;
)sql",
      // 2: listing by time and finding a scenario's runs without a scan.
      R"sql(
CREATE INDEX runs_by_created_at ON runs(created_at);
CREATE INDEX runs_by_scenario ON runs(scenario_hash);
)sql",
      // 3: parts of long runs finished on their own (a model of a sweep), for resuming.
      R"sql(
CREATE TABLE run_parts (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  part TEXT NOT NULL,
  summary_json TEXT NOT NULL,
  PRIMARY KEY (run_id, part)
) WITHOUT ROWID;
)sql",
      // 4: sweeps saved in blocks of draws, everything a summary needs (outcomes, the model's
      // own outcomes, sampled inputs, deals struck) as little-endian 8-byte BLOBs, so that a
      // resumed sweep reloads the finished blocks bit for bit and computes only the others.
      R"sql(
CREATE TABLE sweep_blocks (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  first_draw INTEGER NOT NULL,
  draw_count INTEGER NOT NULL,
  issue_names_json TEXT NOT NULL,
  input_labels_json TEXT NOT NULL,
  deals_offered INTEGER NOT NULL,
  outcomes BLOB NOT NULL,
  unconstrained BLOB NOT NULL,
  inputs BLOB NOT NULL,
  deals_struck BLOB NOT NULL,
  UNIQUE (run_id, model, first_draw)
);
)sql",
      // 5: compact runs. A complete run's printed JSON goes to result_packed as compressed
      // MessagePack (result_json stays for the runs saved before); a forecast's positions of
      // every round go to one compressed BLOB of little-endian doubles (round-major, then actor,
      // then issue; NaN where the actor has no stake), not one row per round, actor and issue.
      R"sql(
ALTER TABLE runs ADD COLUMN result_packed BLOB;
CREATE TABLE round_positions (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  actors_json TEXT NOT NULL,
  issues_json TEXT NOT NULL,
  round_count INTEGER NOT NULL,
  positions BLOB NOT NULL,
  PRIMARY KEY (run_id, model)
) WITHOUT ROWID;
)sql",
  };
  return kMigrations;
}

}  // namespace statecraft

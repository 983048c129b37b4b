// What saving a run costs (issue 19): `statecraft run` on COP21 (the Decide file, exchange
// model, 10 rounds) computes the forecast and the JSON it prints; with saving on it also opens
// the run store, writes the run in one transaction and closes the store. The goal: the saved
// run within 1.2 × the unsaved one. Counters: bytes the store grows by per saved run.
// Figures and commands: docs/performance/store.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "statecraft/analysis/run.h"
#include "statecraft/app/run_commands.h"
#include "statecraft/io/importers/decide_csv.h"
#include "statecraft/io/json_output.h"
#include "statecraft/io/text_file.h"
#include "statecraft/models/builtin.h"
#include "statecraft/store/run_store.h"

namespace statecraft {
namespace {

const Scenario& Cop21() {
  static const Scenario scenario = [] {
    const std::string path = std::string(STATECRAFT_SOURCE_DIR) +
                             "/data/gpl/decide/cop21_paris_2015_stokman_thomson.decide.csv";
    return ReadDecide(ReadTextFile(path), path, ImportOptions{}).front();
  }();
  return scenario;
}

struct Computed {
  Forecast forecast;
  Json result;
};

// What `statecraft run FILE --model exchange --param rounds=10` computes before it prints.
Computed RunCop21() {
  Computed computed;
  computed.forecast = RunModel(BuiltinModels().Get("exchange"), Cop21(), {{"rounds", "10"}}, 0);
  computed.result = ForecastToJson(Cop21(), computed.forecast);
  return computed;
}

// What the command then saves: the store opened, the run written, the store closed.
void SaveCop21(const std::string& path, const Computed& computed) {
  RunStore store(path);
  RunHeader header;
  header.kind = "run";
  header.models = Json::array({computed.forecast.model});
  header.params = Json{{computed.forecast.model, computed.result["params"]}};
  header.program_version = "bench";
  store.SaveRun(Cop21(), header, std::span(&computed.forecast, 1), computed.result);
}

// A fresh store in the temporary folder, removed with its companion files when it goes.
class TemporaryStore {
 public:
  TemporaryStore()
      : folder_(std::filesystem::temp_directory_path() /
                ("statecraft_store_bench_" + std::to_string(::getpid()) + "_" +
                 std::to_string(count_++))) {
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
  }
  ~TemporaryStore() { std::filesystem::remove_all(folder_); }
  std::string path() const { return (folder_ / "runs.sqlite").string(); }
  // The store's bytes on disk: the database and its write-ahead log.
  std::uintmax_t Bytes() const {
    std::uintmax_t total = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
      if (entry.path().filename().string().find("-shm") == std::string::npos) {
        total += entry.file_size();
      }
    }
    return total;
  }

 private:
  static inline int count_ = 0;
  std::filesystem::path folder_;
};

void BM_Cop21Run(benchmark::State& state) {
  for (auto _ : state) {
    const Computed computed = RunCop21();
    benchmark::DoNotOptimize(computed.result.size());
  }
}
BENCHMARK(BM_Cop21Run)->Unit(benchmark::kMillisecond);

void BM_Cop21RunSaved(benchmark::State& state) {
  TemporaryStore store;
  for (auto _ : state) {
    const Computed computed = RunCop21();
    SaveCop21(store.path(), computed);
  }
  // Bytes per run: the growth of a store over 20 more runs (after the first, which creates the
  // schema and stores the scenario once).
  const Computed computed = RunCop21();
  TemporaryStore fresh;
  SaveCop21(fresh.path(), computed);
  const std::uintmax_t before = fresh.Bytes();
  constexpr int kRuns = 20;
  for (int k = 0; k < kRuns; ++k) SaveCop21(fresh.path(), computed);
  state.counters["bytes_per_run"] = static_cast<double>(fresh.Bytes() - before) / kRuns;
}
BENCHMARK(BM_Cop21RunSaved)->Unit(benchmark::kMillisecond);

// The save alone: open, write the run, close (the run computed once beforehand).
void BM_Cop21SaveOnly(benchmark::State& state) {
  TemporaryStore store;
  const Computed computed = RunCop21();
  for (auto _ : state) SaveCop21(store.path(), computed);
}
BENCHMARK(BM_Cop21SaveOnly)->Unit(benchmark::kMillisecond);

// The command as the user runs it, in one process: `statecraft run
// scenarios/cop21-paris-2015.yaml --model exchange --param rounds=10` reads and checks the file,
// runs the model, builds the JSON and writes it out (here to a string); saved, it also opens the
// store, saves the run and closes the store (the store is opened anew each time, as each command
// opens it). Only the program's start-up is left out, the same for both.
app::RunRequest Cop21Request() {
  app::RunRequest request;
  request.scenario = app::ScenarioSource::File(std::string(STATECRAFT_SOURCE_DIR) +
                                               "/scenarios/cop21-paris-2015.yaml");
  request.model = ModelSpec{"exchange", {{"rounds", "10"}}};
  return request;
}

void RunCommand(benchmark::State& state, app::StoreAccess* save_to) {
  app::Context context;
  context.save_to = save_to;
  const auto output = app::Run(Cop21Request(), context);
  if (!output.ok()) {
    state.SkipWithError(output.error().message.c_str());
    return;
  }
  const std::string printed = app::RunToJson(output.value()).dump(2);
  benchmark::DoNotOptimize(printed.size());
}

void BM_Cop21Command(benchmark::State& state) {
  for (auto _ : state) RunCommand(state, nullptr);
}
BENCHMARK(BM_Cop21Command)->Unit(benchmark::kMillisecond);

void BM_Cop21CommandSaved(benchmark::State& state) {
  TemporaryStore store;
  for (auto _ : state) {
    app::StoreAccess access(store.path());
    RunCommand(state, &access);
  }
}
BENCHMARK(BM_Cop21CommandSaved)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace statecraft

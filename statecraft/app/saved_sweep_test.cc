#include "statecraft/app/saved_sweep.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "statecraft/analysis/sweep.h"
#include "statecraft/app/lever_json.h"
#include "statecraft/core/error.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/calibration_format.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/models/builtin.h"

namespace statecraft::app {
namespace {

class SavedSweepTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("statecraft_saved_sweep_test_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    path_ = (folder_ / "runs.sqlite").string();
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  static SavedSweepRequest Request() {
    SavedSweepRequest request;
    request.models = Json::array({Json{{"name", "compromise"}, {"params", Json::object()}},
                                  Json{{"name", "median"}, {"params", Json::object()}}});
    request.plan = "L2";
    request.draws = 30;
    request.seed = 4;
    request.target = "munitions<=25";
    request.block_draws = 7;
    return request;
  }

  std::filesystem::path folder_;
  std::string path_;
};

// What `statecraft sweep --format json` prints for one model: one RunSweep call over every draw.
Json OneCallSweep(const std::string& model, const SavedSweepRequest& request) {
  const ScenarioWithLevers input = BuiltinScenarioWithLevers();
  const ModelInfo& info = BuiltinModels().Get(model);
  const ParamValues params = ResolveParams(info.name, info.params, {});
  const Plan plan = ParsePlanSpec(input.scenario, input.levers, request.plan);
  SweepOptions options;
  options.draws = request.draws;
  options.seed = request.seed;
  options.calibration = BuiltinCalibrationPointer();  // the request's default: the shipped errors
  const SweepPlan sweep_plan = MakeSweepPlan(input.levers, plan);
  const SweepResult result = RunSweep(input.scenario, sweep_plan, info, params, options);
  Json out{{"scenario", input.scenario.name},
           {"model", model},
           {"plan", plan.name},
           {"levers", AppliedLeversToJson(ResolvePlan(input.levers, plan))}};
  out.update(SweepToJson(input.scenario, result, options,
                         ParseTarget(input.scenario, request.target), request.drivers,
                         ModelChoice{&info, params}, sweep_plan));
  return out;
}

// Stopped after any number of blocks (at the exact points a kill can leave: after a few blocks,
// mid-model, between models) and continued, a saved sweep equals one uninterrupted sweep byte
// for byte, and the continuation computes only the draws no block holds.
TEST_F(SavedSweepTest, StoppedAfterAnyBlockAndContinuedEqualsOneCallSweeps) {
  const SavedSweepRequest request = Request();
  const std::string expected =
      Json{{"models", {OneCallSweep("compromise", request), OneCallSweep("median", request)}}}
          .dump();
  // Blocks of 7 draws: 7, 7, 7, 7, 2 per model.
  const std::vector<int> block_sizes = {7, 7, 7, 7, 2, 7, 7, 7, 7, 2};
  RunStore store(path_);
  for (const int stop_after : {0, 1, 3, 4, 5, 6, 9, 10}) {
    SCOPED_TRACE("stopped after " + std::to_string(stop_after) + " blocks");
    const std::int64_t id = BeginSavedSweep(store, request, "test");
    SweepContinuation first;
    // The hook is polled before each block and, within it, every few draws: it asks to stop
    // once `stop_after` blocks are saved.
    int blocks_saved = 0;
    first.draw_progress = [&](std::int64_t, std::int64_t) { ++blocks_saved; };
    first.cancelled = [&] { return blocks_saved >= stop_after; };
    const std::optional<Json> stopped = ContinueSavedSweep(store, id, first);
    int saved_draws = 0;
    for (int k = 0; k < stop_after; ++k) saved_draws += block_sizes[k];
    EXPECT_EQ(first.draws_computed, saved_draws);
    if (stop_after < 10) {
      EXPECT_FALSE(stopped.has_value());
      EXPECT_EQ(store.Get(id)->status, "running");
      EXPECT_EQ(store.Get(id)->draws_saved, saved_draws);
    }

    SweepContinuation second;
    std::int64_t last_progress = 0;
    second.draw_progress = [&](std::int64_t done, std::int64_t total) {
      EXPECT_GT(done, last_progress);
      EXPECT_EQ(total, 60);
      last_progress = done;
    };
    const std::optional<Json> resumed = ContinueSavedSweep(store, id, second);
    ASSERT_TRUE(resumed.has_value());
    EXPECT_EQ(resumed->dump(), expected);
    if (stop_after < 10) {
      EXPECT_EQ(second.draws_computed, 60 - saved_draws);
      EXPECT_EQ(second.draws_reused, saved_draws);
      EXPECT_EQ(second.models_saved, stop_after >= 5 ? 1 : 0);
      EXPECT_EQ(last_progress, 60);
    } else {
      EXPECT_EQ(second.draws_computed, 0);  // already complete
    }
    const StoredRun run = *store.Get(id);
    EXPECT_EQ(run.status, "complete");
    EXPECT_EQ(run.draws_saved, 60);
    EXPECT_EQ(run.result.dump(), expected);
  }
  EXPECT_EQ(store.IntegrityCheck(), "ok");
}

TEST_F(SavedSweepTest, AScenarioFileTextIsSavedWithTheRequest) {
  SavedSweepRequest request = Request();
  request.models = Json::array({Json{{"name", "compromise"}, {"params", Json::object()}}});
  request.text = BuiltinScenarioText();
  request.file_name = "copy.yaml";
  RunStore store(path_);
  const std::int64_t id = BeginSavedSweep(store, request, "test");
  SweepContinuation continuation;
  const std::optional<Json> result = ContinueSavedSweep(store, id, continuation);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->dump(), OneCallSweep("compromise", request).dump());
}

TEST_F(SavedSweepTest, BadRequestsAreInputErrors) {
  RunStore store(path_);
  SavedSweepRequest request = Request();
  request.block_draws = 0;
  EXPECT_THROW(BeginSavedSweep(store, request, "test"), InputError);
  request = Request();
  request.text = "actors: [";
  request.file_name = "broken.yaml";
  EXPECT_THROW(BeginSavedSweep(store, request, "test"), InputError);
  EXPECT_TRUE(store.List().empty());
}

}  // namespace
}  // namespace statecraft::app

// An optimisation's job counts draws (JobManager::ToJson): the draws computed out of an upper
// bound that only falls as plans are weighed, never below the draws the search goes on to spend,
// and that ends at the draws spent; Cancel stops it with its count below the bound.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "statecraft/io/json_output.h"
#include "web/server/api_server.h"

namespace statecraft::web {
namespace {

class OptimizeJobTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("statecraft_optimize_job_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder_);
    ServerOptions options;
    options.port = 0;
    options.db = (folder_ / "runs.sqlite").string();
    options.save = false;
    server_ = std::make_unique<ApiServer>(options);
    port_ = server_->Bind();
    thread_ = std::thread([this] { server_->Serve(); });
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
    server_.reset();
    std::filesystem::remove_all(folder_);
  }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(60, 0);
    return client;
  }

  // Starts an optimisation of the built-in scenario; its job id.
  std::int64_t Start(httplib::Client& client, const Json& request) {
    auto started = client.Post("/api/optimize", request.dump(), "application/json");
    EXPECT_EQ(started->status, 202) << started->body;
    return Json::parse(started->body)["job"].get<std::int64_t>();
  }

  // Every state of the job polled until it leaves "running" (or `stop_after` running states with
  // draws counted), the last one included.
  std::vector<Json> Poll(httplib::Client& client, std::int64_t id, int stop_after = 1 << 30) {
    std::vector<Json> seen;
    int counted = 0;
    for (int attempt = 0; attempt < 12000; ++attempt) {
      seen.push_back(Json::parse(client.Get(("/api/jobs/" + std::to_string(id)).c_str())->body));
      const Json& job = seen.back();
      if (job["status"] != "running") break;
      if (job["steps_done"].get<std::int64_t>() > 0 && ++counted >= stop_after) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return seen;
  }

  std::filesystem::path folder_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  int port_ = 0;
};

// The checks every polled state of an optimisation's job passes: draws done never fall and stay
// within the bound, the bound never rises.
void ExpectConsistent(const std::vector<Json>& seen) {
  std::int64_t last_done = 0;
  std::int64_t last_bound = -1;
  for (const Json& job : seen) {
    if (!job.contains("plans")) continue;  // before the search has counted its plans
    EXPECT_EQ(job["steps_total_is_bound"], true) << job.dump();
    const auto done = job["steps_done"].get<std::int64_t>();
    const auto bound = job["steps_total"].get<std::int64_t>();
    EXPECT_GE(done, last_done) << job.dump();
    EXPECT_LE(done, bound) << job.dump();
    if (last_bound >= 0) EXPECT_LE(bound, last_bound) << job.dump();
    EXPECT_LE(job["plans_weighed"].get<std::int64_t>(), job["plans"].get<std::int64_t>());
    last_done = done;
    last_bound = bound;
  }
}

TEST_F(OptimizeJobTest, CountsDrawsWithinABoundThatEndsAtTheDrawsSpent) {
  httplib::Client client = Client();
  for (const bool exhaustive : {false, true}) {
    const Json request{{"models", {"compromise", "median"}},
                       {"draws", exhaustive ? 20 : 200},
                       {"target", "munitions<=25"},
                       {"probability", 0.6},
                       {"exhaustive", exhaustive}};
    const std::vector<Json> seen = Poll(client, Start(client, request));
    const Json& last = seen.back();
    ASSERT_EQ(last["status"], "done") << last.dump();
    ExpectConsistent(seen);
    const Json& result = last["result"];
    const auto spent = result["draws_spent"].get<std::int64_t>();
    EXPECT_GT(spent, 0);
    EXPECT_EQ(last["steps_done"], spent);
    EXPECT_EQ(last["steps_total"], spent);
    EXPECT_EQ(last["progress"], 1.0);
    EXPECT_EQ(last["plans"], result["candidates"]);
    // Every bound shown held: the search never spent more than one promised.
    for (const Json& job : seen) {
      if (job.contains("plans")) {
        EXPECT_GE(job["steps_total"].get<std::int64_t>(), spent) << job.dump();
      }
    }
  }
}

TEST_F(OptimizeJobTest, ACancelledSearchStopsWithItsDrawsBelowTheBound) {
  httplib::Client client = Client();
  const Json request{{"models", {"eum"}},
                     {"draws", 2000},
                     {"threads", 2},
                     {"target", "munitions<=25"},
                     {"probability", 0.6}};
  const std::int64_t id = Start(client, request);
  std::vector<Json> seen = Poll(client, id, 3);
  ASSERT_EQ(seen.back()["status"], "running") << seen.back().dump();
  const Json& midway = seen.back();
  EXPECT_GT(midway["steps_done"].get<std::int64_t>(), 0);
  EXPECT_GT(midway["progress"].get<double>(), 0.0);
  EXPECT_LT(midway["progress"].get<double>(), 1.0);
  EXPECT_GT(midway["plans"].get<std::int64_t>(), 0);
  client.Delete(("/api/jobs/" + std::to_string(id)).c_str());
  const std::vector<Json> rest = Poll(client, id);
  seen.insert(seen.end(), rest.begin(), rest.end());
  ExpectConsistent(seen);
  const Json& last = seen.back();
  EXPECT_EQ(last["status"], "cancelled") << last.dump();
  EXPECT_LT(last["steps_done"].get<std::int64_t>(), last["steps_total"].get<std::int64_t>());
  EXPECT_FALSE(last.contains("result"));
}

}  // namespace
}  // namespace statecraft::web

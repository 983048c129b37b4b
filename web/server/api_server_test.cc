// API tests on loopback: a real server on a free port of 127.0.0.1, a real HTTP client.
#include "web/server/api_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/json_output.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/models/builtin.h"

namespace statecraft::web {
namespace {

class ApiServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                        ("statecraft_web_api_test_" + std::to_string(::getpid())));
    std::filesystem::remove_all(*folder_);
    ServerOptions options;
    options.port = 0;
    options.db = (*folder_ / "runs.sqlite").string();
    options.max_body_bytes = 256 * 1024;
    options.program_version = "statecraft test";
    server_ = new ApiServer(options);
    port_ = server_->Bind();
    thread_ = new std::thread([] { server_->Serve(); });
  }
  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    std::filesystem::remove_all(*folder_);
    delete folder_;
  }

  static httplib::Client Client() {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(120, 0);
    return client;
  }

  static Json Body(const httplib::Result& result) { return Json::parse(result->body); }

  // Polls a job until it leaves "running".
  static Json WaitForJob(std::int64_t id) {
    httplib::Client client = Client();
    for (int attempt = 0; attempt < 1200; ++attempt) {
      auto result = client.Get(("/api/jobs/" + std::to_string(id)).c_str());
      const Json job = Json::parse(result->body);
      if (job["status"] != "running") return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return Json{{"status", "timeout"}};
  }

  static inline std::filesystem::path* folder_ = nullptr;
  static inline ApiServer* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
  static inline int port_ = 0;
};

TEST_F(ApiServerTest, HealthAndModels) {
  httplib::Client client = Client();
  auto health = client.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(Body(health)["status"], "ok");
  auto models = client.Get("/api/models");
  ASSERT_TRUE(models);
  const Json json = Body(models);
  ASSERT_TRUE(json["models"].is_array());
  bool has_eum = false;
  for (const Json& model : json["models"]) {
    EXPECT_TRUE(model.contains("params"));
    has_eum = has_eum || model["name"] == "eum";
  }
  EXPECT_TRUE(has_eum);
}

TEST_F(ApiServerTest, TheBuiltInDocumentRoundTripsThroughValidate) {
  httplib::Client client = Client();
  auto scenario = client.Get("/api/scenario");
  ASSERT_EQ(scenario->status, 200);
  const Json json = Body(scenario);
  EXPECT_FALSE(json["levers"].empty());
  auto valid =
      client.Post("/api/validate", Json{{"document", json["document"]}}.dump(), "application/json");
  ASSERT_EQ(valid->status, 200) << valid->body;
  EXPECT_EQ(Body(valid)["scenario"], BuiltinScenarioWithLevers().scenario.name);
  EXPECT_EQ(Body(valid)["plans"].size(), BuiltinScenarioWithLevers().levers.plans.size());
}

// The gallery: every built-in scenario is listed with its document, which validates as sent,
// and each opens by name; an unknown name is a 400 that lists the names.
TEST_F(ApiServerTest, TheBuiltInScenariosOpenByName) {
  httplib::Client client = Client();
  auto listed = client.Get("/api/scenarios");
  ASSERT_EQ(listed->status, 200);
  const Json scenarios = Body(listed)["scenarios"];
  ASSERT_EQ(scenarios.size(), BuiltinScenarios().size());
  EXPECT_EQ(scenarios[0]["name"], "russia-dprk-2024");
  for (const Json& item : scenarios) {
    auto valid = client.Post("/api/validate", Json{{"document", item["document"]}}.dump(),
                             "application/json");
    ASSERT_EQ(valid->status, 200) << item["name"] << ": " << valid->body;
    EXPECT_EQ(Body(valid)["scenario"], item["title"]);
    EXPECT_EQ(Body(valid)["actors"], item["actors"]);
  }
  auto named = client.Get("/api/scenario?name=cop21-paris-2015");
  ASSERT_EQ(named->status, 200);
  EXPECT_EQ(Body(named)["file"], "cop21-paris-2015.yaml (built in)");
  EXPECT_EQ(Body(named)["document"]["question"]["target"], "legal>=50");
  auto unknown = client.Get("/api/scenario?name=nosuch");
  EXPECT_EQ(unknown->status, 400);
  EXPECT_EQ(Body(unknown)["error"].get<std::string>().rfind(
                "scenario: found 'nosuch', expected a built-in scenario: russia-dprk-2024, ", 0),
            0u);
}

TEST_F(ApiServerTest, RunAnswersTheCliJsonAndSavesIt) {
  httplib::Client client = Client();
  auto run = client.Post("/api/run", R"({"model": "median", "seed": 3})", "application/json");
  ASSERT_EQ(run->status, 200) << run->body;
  const Json json = Body(run);
  for (const char* key : {"model", "params", "seed", "actors", "issues", "outcome",
                          "unconstrained_outcome", "rounds"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
  EXPECT_EQ(json["model"], "median");
  EXPECT_EQ(json["seed"], 3);
  const std::string id = run->get_header_value("X-Statecraft-Run-Id");
  ASSERT_FALSE(id.empty());
  auto stored = client.Get(("/api/runs/" + id).c_str());
  ASSERT_EQ(stored->status, 200);
  EXPECT_EQ(Body(stored)["result"], json);
  EXPECT_EQ(Body(stored)["kind"], "run");
  auto report = client.Get(("/api/runs/" + id + "/report").c_str());
  ASSERT_EQ(report->status, 200);
  EXPECT_NE(report->body.find("<!DOCTYPE html>"), std::string::npos);
  auto listed = client.Get("/api/runs");
  EXPECT_FALSE(Body(listed)["runs"].empty());
  auto removed = client.Delete(("/api/runs/" + id).c_str());
  EXPECT_EQ(removed->status, 200);
  EXPECT_EQ(client.Get(("/api/runs/" + id).c_str())->status, 404);
  EXPECT_EQ(client.Delete(("/api/runs/" + id).c_str())->status, 404);
}

TEST_F(ApiServerTest, ComparePlansAndCharts) {
  httplib::Client client = Client();
  auto baseline =
      client.Post("/api/compare?charts=1", R"({"models": ["compromise", "eum"], "save": false})",
                  "application/json");
  ASSERT_EQ(baseline->status, 200) << baseline->body;
  const Json base = Body(baseline);
  EXPECT_EQ(base["models"].size(), 2u);
  EXPECT_FALSE(base["charts"]["trajectories"].empty());
  EXPECT_TRUE(baseline->get_header_value("X-Statecraft-Run-Id").empty());
  // Browsers accept compressed answers; JSON is sent as it is (compressing it cost more time
  // than it saved on loopback).
  client.set_decompress(false);
  auto browser_like =
      client.Post("/api/compare?charts=1", {{"Accept-Encoding", "gzip, deflate, br"}},
                  R"({"models": ["eum"], "save": false})", "application/json");
  ASSERT_EQ(browser_like->status, 200);
  EXPECT_EQ(browser_like->get_header_value("Content-Encoding"), "");
  client.set_decompress(true);
  auto plan =
      client.Post("/api/compare", R"({"models": ["compromise"], "plan": "L1=20", "save": false})",
                  "application/json");
  ASSERT_EQ(plan->status, 200) << plan->body;
  EXPECT_FALSE(Body(plan).contains("charts"));
  EXPECT_NE(Body(plan)["models"][0]["outcome"], base["models"][0]["outcome"]);
}

TEST_F(ApiServerTest, MalformedJsonIs400WithAMessage) {
  httplib::Client client = Client();
  auto result = client.Post("/api/run", "{\"model\": ", "application/json");
  ASSERT_EQ(result->status, 400);
  const Json json = Body(result);
  EXPECT_NE(json["error"].get<std::string>().find("not valid JSON"), std::string::npos);
  auto not_object = client.Post("/api/run", "[1, 2]", "application/json");
  EXPECT_EQ(not_object->status, 400);
  auto wrong_type = client.Post("/api/run", R"({"seed": "x"})", "application/json");
  EXPECT_EQ(wrong_type->status, 400);
  EXPECT_NE(Body(wrong_type)["error"].get<std::string>().find("seed"), std::string::npos);
  auto unknown_model = client.Post("/api/run", R"({"model": "nosuch"})", "application/json");
  EXPECT_EQ(unknown_model->status, 400);
  EXPECT_NE(Body(unknown_model)["error"].get<std::string>().find("nosuch"), std::string::npos);
  auto bad_document = client.Post("/api/compare", R"({"document": {"name": "x", "actors": []}})",
                                  "application/json");
  EXPECT_EQ(bad_document->status, 400);
  EXPECT_FALSE(Body(bad_document)["error"].get<std::string>().empty());
  auto bad_param =
      client.Post("/api/run", R"({"model": "eum", "params": {"nosuch": 1}})", "application/json");
  EXPECT_EQ(bad_param->status, 400);
}

TEST_F(ApiServerTest, OversizedBodyIs413) {
  httplib::Client client = Client();
  const std::string big = "{\"pad\": \"" + std::string(300 * 1024, 'x') + "\"}";
  auto result = client.Post("/api/run", big, "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413);
}

TEST_F(ApiServerTest, UnknownRoutesAre404) {
  httplib::Client client = Client();
  auto api = client.Get("/api/nosuch");
  EXPECT_EQ(api->status, 404);
  EXPECT_TRUE(Body(api).contains("error"));
  EXPECT_EQ(client.Post("/api/nosuch", "{}", "application/json")->status, 404);
  EXPECT_EQ(client.Get("/nosuch.js")->status, 404);
  EXPECT_EQ(client.Get("/api/jobs/999999")->status, 404);
  EXPECT_EQ(client.Get("/api/runs/abc")->status, 400);
}

TEST_F(ApiServerTest, StaticFilesAndNoPathTraversal) {
  httplib::Client client = Client();
  auto index = client.Get("/");
  ASSERT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("<script type=\"module\" src=\"/js/main.js\">"), std::string::npos);
  EXPECT_EQ(client.Get("/js/main.js")->get_header_value("Content-Type"),
            "text/javascript; charset=utf-8");
  EXPECT_EQ(client.Get("/js/views/answer.js")->status, 200);
  EXPECT_EQ(client.Get("/style.css")->get_header_value("Content-Type"), "text/css; charset=utf-8");
  for (const char* path :
       {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
        "/static/../../etc/passwd", "/%2e%2e%5c%2e%2e%5cetc%5cpasswd"}) {
    auto result = client.Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_TRUE(result->status == 400 || result->status == 404) << path << " " << result->status;
    EXPECT_EQ(result->body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(ApiServerTest, SweepJobReportsProgressAndIsSaved) {
  httplib::Client client = Client();
  auto started =
      client.Post("/api/sweep",
                  R"({"models": ["compromise", "median"], "draws": 50, "target": "munitions<=25"})",
                  "application/json");
  ASSERT_EQ(started->status, 202) << started->body;
  const Json job = WaitForJob(Body(started)["job"].get<std::int64_t>());
  ASSERT_EQ(job["status"], "done") << job.dump();
  EXPECT_EQ(job["progress"], 1.0);
  EXPECT_EQ(job["steps_total"], 100);  // a step a draw: 50 draws of two models
  ASSERT_EQ(job["result"]["models"].size(), 2u);
  EXPECT_EQ(job["result"]["models"][0]["draws"], 50);
  EXPECT_TRUE(job["result"]["models"][0].contains("probability"));
  auto stored = client.Get(("/api/runs/" + std::to_string(job["run_id"].get<int>())).c_str());
  const Json run = Body(stored);
  EXPECT_EQ(run["status"], "complete");
  EXPECT_EQ(run["draws"].size(), 100u);
}

// Polls job `id` until `ready` holds for it or it ends; returns the last state seen.
template <typename Ready>
Json PollJobUntil(httplib::Client& client, std::int64_t id, Ready ready) {
  for (int attempt = 0; attempt < 6000; ++attempt) {
    const Json job = Json::parse(client.Get(("/api/jobs/" + std::to_string(id)).c_str())->body);
    if (job["status"] != "running" || ready(job)) return job;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return Json{{"status", "timeout"}};
}

// One model's sweep counts its draws as steps while they are computed, so its bar moves before
// the model is done, and Cancel stops it within a few of them (saved or not).
TEST_F(ApiServerTest, ALongSweepReportsItsDrawsAsItGoesAndStopsWithinAFewWhenCancelled) {
  httplib::Client client = Client();
  for (const bool save : {false, true}) {
    Json request{{"model", "eum"}, {"draws", 200000}, {"threads", 2}, {"save", save}};
    auto started = client.Post("/api/sweep", request.dump(), "application/json");
    ASSERT_EQ(started->status, 202) << started->body;
    const std::int64_t id = Body(started)["job"].get<std::int64_t>();
    const Json midway =
        PollJobUntil(client, id, [](const Json& job) { return job["steps_done"] > 0; });
    ASSERT_EQ(midway["status"], "running") << midway.dump();
    EXPECT_EQ(midway["steps_total"], 200000);
    EXPECT_GT(midway["progress"].get<double>(), 0.0);
    EXPECT_LT(midway["progress"].get<double>(), 1.0);
    client.Delete(("/api/jobs/" + std::to_string(id)).c_str());
    const Json job = WaitForJob(id);
    EXPECT_EQ(job["status"], "cancelled") << job.dump();
    EXPECT_LT(job["steps_done"].get<std::int64_t>(), 20000) << (save ? "saved" : "unsaved");
  }
  // An answer's steps are its models; Cancel stops it within the sweep it is in.
  auto answer = client.Post(
      "/api/answer", R"({"models": ["eum", "compromise"], "draws": 200000, "optimize_draws": 10})",
      "application/json");
  ASSERT_EQ(answer->status, 202) << answer->body;
  const std::int64_t answer_id = Body(answer)["job"].get<std::int64_t>();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  client.Delete(("/api/jobs/" + std::to_string(answer_id)).c_str());
  // WaitForJob gives up after a minute; eum's what-if of 200,000 draws a plan takes far longer,
  // so "cancelled" here means it stopped inside that first sweep.
  const Json stopped = WaitForJob(answer_id);
  EXPECT_EQ(stopped["status"], "cancelled") << stopped.dump();
  EXPECT_EQ(stopped["steps_done"], 0);
}

// The report as a job: steps in models (each model's distribution, then each model of the
// answer), its page as the result, the page POST /api/report/html writes for the same body; a
// bad setting of the answer is refused before any job starts.
TEST_F(ApiServerTest, TheReportIsAlsoAJobWithTheSamePage) {
  httplib::Client client = Client();
  const std::string request =
      R"({"draws": 6, "answer_models": ["compromise", "median"], "answer_draws": 12,
          "optimize_draws": 6})";
  auto started = client.Post("/api/report/job", request, "application/json");
  ASSERT_EQ(started->status, 202) << started->body;
  const Json job = WaitForJob(Body(started)["job"].get<std::int64_t>());
  ASSERT_EQ(job["status"], "done") << job.dump();
  EXPECT_EQ(job["kind"], "report");
  EXPECT_EQ(job["steps_total"], static_cast<int>(BuiltinModels().models().size()) + 2);
  auto page = client.Post("/api/report/html", request, "application/json");
  ASSERT_EQ(page->status, 200);
  EXPECT_EQ(job["result"]["html"], page->body);
  auto refused = client.Post("/api/report/job", R"({"answer_models": []})", "application/json");
  EXPECT_EQ(refused->status, 400);
}

TEST_F(ApiServerTest, AJobCanBeCancelled) {
  httplib::Client client = Client();
  auto started = client.Post("/api/whatif", R"({"draws": 400, "save": false})", "application/json");
  ASSERT_EQ(started->status, 202) << started->body;
  const std::int64_t id = Body(started)["job"].get<std::int64_t>();
  auto cancelled = client.Delete(("/api/jobs/" + std::to_string(id)).c_str());
  EXPECT_EQ(cancelled->status, 200);
  const Json job = WaitForJob(id);
  EXPECT_EQ(job["status"], "cancelled") << job.dump();
  EXPECT_LT(job["steps_done"].get<int>(), job["steps_total"].get<int>());
  EXPECT_FALSE(job.contains("result"));
}

TEST_F(ApiServerTest, ACancelledSavedSweepIsResumedToTheUninterruptedResult) {
  httplib::Client client = Client();
  const std::string request = R"({"models": ["eum", "compromise", "median"], "draws": 300,
                                  "seed": 2, "plan": "L2"})";
  auto started = client.Post("/api/sweep", request, "application/json");
  ASSERT_EQ(started->status, 202) << started->body;
  const std::int64_t run_id = Body(started)["run_id"].get<std::int64_t>();
  client.Delete(("/api/jobs/" + std::to_string(Body(started)["job"].get<int>())).c_str());
  const Json cancelled = WaitForJob(Body(started)["job"].get<std::int64_t>());
  ASSERT_TRUE(cancelled["status"] == "cancelled" || cancelled["status"] == "done")
      << cancelled.dump();
  if (cancelled["status"] == "cancelled") {
    EXPECT_EQ(Body(client.Get(("/api/runs/" + std::to_string(run_id)).c_str()))["status"],
              "running");
  }
  auto resumed = client.Post(("/api/runs/" + std::to_string(run_id) + "/resume").c_str(), "",
                             "application/json");
  ASSERT_EQ(resumed->status, 202) << resumed->body;
  const Json job = WaitForJob(Body(resumed)["job"].get<std::int64_t>());
  ASSERT_EQ(job["status"], "done") << job.dump();

  Json unsaved_request = Json::parse(request);
  unsaved_request["save"] = false;
  auto unsaved = client.Post("/api/sweep", unsaved_request.dump(), "application/json");
  const Json reference = WaitForJob(Body(unsaved)["job"].get<std::int64_t>());
  ASSERT_EQ(reference["status"], "done");
  EXPECT_EQ(job["result"], reference["result"]);
  const Json stored = Body(client.Get(("/api/runs/" + std::to_string(run_id)).c_str()));
  EXPECT_EQ(stored["status"], "complete");
  EXPECT_EQ(stored["draws"].size(), 900u);
  EXPECT_EQ(client.Post("/api/runs/999999/resume", "", "application/json")->status, 404);
}

TEST_F(ApiServerTest, BadJobRequestsAre400) {
  httplib::Client client = Client();
  EXPECT_EQ(client.Post("/api/sweep", R"({"draws": 0})", "application/json")->status, 400);
  EXPECT_EQ(client.Post("/api/sweep", R"({"target": "nosuch<=3"})", "application/json")->status,
            400);
  EXPECT_EQ(client.Post("/api/optimize", R"({})", "application/json")->status, 400);
  EXPECT_EQ(client.Post("/api/whatif", R"({"plans": ["nosuch"]})", "application/json")->status,
            400);
}

TEST_F(ApiServerTest, ErrorsCarryTheirCodeAndLocation) {
  httplib::Client client = Client();
  auto draws = client.Post("/api/sweep", R"({"draws": 0})", "application/json");
  ASSERT_EQ(draws->status, 400);
  EXPECT_EQ(Body(draws)["error"], "draws: found 0, expected an integer from 1 to 1000000");
  EXPECT_EQ(Body(draws)["code"], "bad_input");
  EXPECT_EQ(Body(draws)["location"]["key"], "draws");
  auto unknown_key = client.Post("/api/run", R"({"modle": "eum"})", "application/json");
  ASSERT_EQ(unknown_key->status, 400);
  EXPECT_EQ(Body(unknown_key)["location"]["key"], "modle");
  auto parameter =
      client.Post("/api/run", R"({"model": "eum", "params": {"round": 3}})", "application/json");
  ASSERT_EQ(parameter->status, 400);
  EXPECT_EQ(Body(parameter)["error"].get<std::string>().rfind(
                "model 'eum': unknown parameter 'round'", 0),
            0u)
      << Body(parameter).dump();
  auto document = client.Post("/api/validate",
                              R"({"document": {"actors": [{"name": "A"}], "issues": [{"name": "x"}],
                          "stakes": {"A": {"x": {"position": 1, "salience": 2}}}}})",
                              "application/json");
  ASSERT_EQ(document->status, 400);
  EXPECT_EQ(Body(document)["location"]["file"], "document.json");
  EXPECT_GT(Body(document)["location"]["line"].get<int>(), 0);
  EXPECT_EQ(Body(document)["location"]["key"], "stakes.A.x.salience");
  auto missing = client.Get("/api/runs/999999");
  ASSERT_EQ(missing->status, 404);
  EXPECT_EQ(Body(missing)["code"], "not_found");
}

TEST_F(ApiServerTest, AReportOfARunningSweepIsAConflict) {
  httplib::Client client = Client();
  auto started = client.Post("/api/sweep", R"({"models": ["eum"], "draws": 2000, "seed": 1})",
                             "application/json");
  ASSERT_EQ(started->status, 202) << started->body;
  const std::int64_t run_id = Body(started)["run_id"].get<std::int64_t>();
  client.Delete(("/api/jobs/" + std::to_string(Body(started)["job"].get<int>())).c_str());
  const Json job = WaitForJob(Body(started)["job"].get<std::int64_t>());
  if (job["status"] != "cancelled") GTEST_SKIP() << "the sweep finished before it was cancelled";
  auto report = client.Get(("/api/runs/" + std::to_string(run_id) + "/report").c_str());
  EXPECT_EQ(report->status, 409);
  EXPECT_EQ(Body(report)["code"], "conflict");
}

TEST_F(ApiServerTest, AnswerAndBacktest) {
  httplib::Client client = Client();
  auto started =
      client.Post("/api/answer", R"({"models": ["compromise"], "draws": 20, "optimize_draws": 10})",
                  "application/json");
  ASSERT_EQ(started->status, 202) << started->body;
  const Json job = WaitForJob(Body(started)["job"].get<std::int64_t>());
  ASSERT_EQ(job["status"], "done") << job.dump();
  EXPECT_EQ(job["result"]["target"], "munitions<=25");
  EXPECT_FALSE(job["result"]["disagreements"].empty());
  auto no_question = client.Post(
      "/api/answer", R"({"document": {"actors": [{"name": "A"}], "issues": [{"name": "x"}],
                        "stakes": {"A": {"x": {"position": 1, "salience": 1}}}}})",
      "application/json");
  ASSERT_EQ(no_question->status, 400);
  EXPECT_EQ(Body(no_question)["location"]["key"], "question");
  auto backtest = client.Post("/api/backtest", R"({"models": ["median"]})", "application/json");
  ASSERT_EQ(backtest->status, 200) << backtest->body;
  EXPECT_TRUE(Body(backtest)["with_decision_rules"]["models"].contains("median"));
}

// The report of a document as its HTML page: the answer first, the document's own question,
// nothing fetched; a bad document is a 400 with its message, as for the report's data.
TEST_F(ApiServerTest, ReportOfADocumentAsItsPage) {
  httplib::Client client = Client();
  auto page = client.Post("/api/report/html", R"({"draws": 8})", "application/json");
  ASSERT_EQ(page->status, 200) << page->body;
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(page->body.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page->body.find("<section id=\"answer\""), std::string::npos);
  EXPECT_NE(page->body.find("Each model's own error on munitions"), std::string::npos);
  auto bad =
      client.Post("/api/report/html", R"({"document": {"actors": "none"}})", "application/json");
  ASSERT_EQ(bad->status, 400);
  EXPECT_NE(Body(bad)["error"].get<std::string>().find("actors"), std::string::npos);
}

TEST_F(ApiServerTest, ImportReadsOtherFormatsAsDocuments) {
  httplib::Client client = Client();
  const Json request{{"file_name", "bdm.csv"},
                     {"text", "Actor,Capability,Position,Salience\nA,10,20,50\nB,5,80,90\n"}};
  auto imported = client.Post("/api/import", request.dump(), "application/json");
  ASSERT_EQ(imported->status, 200) << imported->body;
  const Json scenarios = Body(imported)["scenarios"];
  ASSERT_EQ(scenarios.size(), 1u);
  EXPECT_EQ(scenarios[0]["document"]["actors"].size(), 2u);
  // The document reads back as a scenario the other routes take.
  auto valid = client.Post("/api/validate", Json{{"document", scenarios[0]["document"]}}.dump(),
                           "application/json");
  EXPECT_EQ(valid->status, 200) << valid->body;
  auto broken = client.Post("/api/import", R"({"file_name": "x.yaml", "text": "actors: 3"})",
                            "application/json");
  ASSERT_EQ(broken->status, 400);
  EXPECT_EQ(Body(broken)["location"]["file"], "x.yaml");
  EXPECT_EQ(client.Post("/api/import", R"({})", "application/json")->status, 400);
}

}  // namespace
}  // namespace statecraft::web

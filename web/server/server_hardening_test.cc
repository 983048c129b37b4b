// The server against hostile requests (docs/reliability.md, "The web server"): a body nested
// 100,000 deep, duplicate keys, fields out of range, a plan that takes out every actor, foreign
// web pages (Host, Origin, Content-Type, token), clients that trickle their request, more
// connections than the server serves at once, and a second server on a port in use.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "statecraft/io/json_output.h"
#include "web/server/api_server.h"
#include "web/server/request_decoding.h"

namespace statecraft::web {
namespace {

// A server on a free loopback port, serving from a thread until destroyed.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions options) {
    folder_ = std::filesystem::temp_directory_path() /
              ("statecraft_server_hardening_" + std::to_string(::getpid()) + "_" +
               std::to_string(counter_++));
    std::filesystem::remove_all(folder_);
    options.db = (folder_ / "runs.sqlite").string();
    options.save = false;
    token_ = options.token;
    server_ = std::make_unique<ApiServer>(options);
    port_ = server_->Bind();
    thread_ = std::thread([this] { server_->Serve(); });
    // Stop() before the server has started listening would not stop it: wait until it answers.
    for (int attempt = 0; attempt < 200 && !Listening(); ++attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
    server_.reset();
    std::filesystem::remove_all(folder_);
  }
  int port() const { return port_; }
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(60, 0);
    return client;
  }

 private:
  bool Listening() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(1, 0);
    client.set_read_timeout(1, 0);
    client.set_default_headers({{"Authorization", "Bearer " + token_}});
    return static_cast<bool>(client.Get("/api/health"));
  }

  static inline int counter_ = 0;
  std::filesystem::path folder_;
  std::string token_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  int port_ = 0;
};

ServerOptions Defaults() {
  ServerOptions options;
  options.port = 0;
  options.max_body_bytes = 1024 * 1024;
  options.program_version = "statecraft test";
  return options;
}

int Connect(int port) {
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(socket, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  return socket;
}

Json Body(const httplib::Result& result) { return Json::parse(result->body); }

// ---- one request must not end the server ----

TEST(ServerHardeningTest, ABodyNested100000DeepIsRefusedBeforeItIsCopied) {
  RunningServer server(Defaults());
  httplib::Client client = server.Client();
  const std::string deep_array = std::string(100000, '[') + std::string(100000, ']');
  auto refused = client.Post("/api/run", R"({"model": "mean", "document": )" + deep_array + "}",
                             "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400) << refused->body;
  EXPECT_NE(Body(refused)["error"].get<std::string>().find("nests deeper than 64 levels"),
            std::string::npos)
      << refused->body;
  auto top_level = client.Post("/api/validate", deep_array, "application/json");
  ASSERT_TRUE(top_level);
  EXPECT_EQ(top_level->status, 400);
  // Brackets inside strings are text, not nesting.
  auto in_string = client.Post(
      "/api/run", R"({"model": "mean", "save": false, "note": ")" + std::string(1000, '[') + "\"}",
      "application/json");
  ASSERT_TRUE(in_string);
  EXPECT_EQ(in_string->status, 400);  // "note" is an unknown key, not a nesting
  EXPECT_EQ(Body(in_string)["error"].get<std::string>().find("nests"), std::string::npos);
  auto health = client.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST(ServerHardeningTest, NestingUpToTheLimitIsRead) {
  const std::string text = std::string(kMaxBodyDepth, '[') + std::string(kMaxBodyDepth, ']');
  EXPECT_NO_THROW(ParseStrictJson(text, "request"));
  EXPECT_THROW(ParseStrictJson("[" + text + "]", "request"), InputError);
}

TEST(ServerHardeningTest, DuplicateKeysAreRefusedNamingTheKey) {
  RunningServer server(Defaults());
  httplib::Client client = server.Client();
  auto top = client.Post("/api/run", R"({"model": "median", "model": "eum"})", "application/json");
  ASSERT_TRUE(top);
  EXPECT_EQ(top->status, 400);
  EXPECT_NE(Body(top)["error"].get<std::string>().find("duplicate key 'model'"), std::string::npos)
      << top->body;
  EXPECT_EQ(Body(top)["location"]["key"], "model");
  auto nested = client.Post(
      "/api/run", R"({"model": "eum", "params": {"rounds": 3, "rounds": 30}})", "application/json");
  ASSERT_TRUE(nested);
  EXPECT_EQ(nested->status, 400);
  EXPECT_NE(Body(nested)["error"].get<std::string>().find("duplicate key 'params.rounds'"),
            std::string::npos)
      << nested->body;
  auto in_array = client.Post("/api/compare", R"({"models": [{"a": 1}, {"b": 1, "b": 2}]})",
                              "application/json");
  ASSERT_TRUE(in_array);
  EXPECT_NE(Body(in_array)["error"].get<std::string>().find("duplicate key 'models[1].b'"),
            std::string::npos)
      << in_array->body;
  // The same key in two objects is no duplicate.
  auto twice = client.Post("/api/run", R"({"model": "mean", "save": false, "params": {}})",
                           "application/json");
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->status, 200) << twice->body;
}

TEST(ServerHardeningTest, FieldsOutOfRangeAreRefusedNamingTheField) {
  RunningServer server(Defaults());
  httplib::Client client = server.Client();
  auto budget =
      client.Post("/api/optimize", R"({"target": "munitions<=25", "budget": -1, "draws": 10})",
                  "application/json");
  ASSERT_TRUE(budget);
  EXPECT_EQ(budget->status, 400) << budget->body;
  EXPECT_NE(Body(budget)["error"].get<std::string>().find("budget"), std::string::npos);
  auto seed = client.Post("/api/run", R"({"model": "mean", "seed": -1})", "application/json");
  ASSERT_TRUE(seed);
  EXPECT_EQ(seed->status, 400) << seed->body;
  auto target =
      client.Post("/api/sweep", R"({"target": "munitions<0x10", "draws": 10})", "application/json");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->status, 400) << target->body;
}

// Issue 15, class 1, through the API: a plan that takes out every actor with a stake ended the
// server (a segfault in the decision rule).
TEST(ServerHardeningTest, APlanThatEmptiesAnIssueIsBadInput) {
  RunningServer server(Defaults());
  httplib::Client client = server.Client();
  const Json document = Json::parse(R"({
    "name": "two", "actors": [{"name": "A", "capability": 1}, {"name": "B", "capability": 1}],
    "issues": [{"name": "x", "scale": [0, 100]}],
    "stakes": {"A": {"x": {"position": 10, "salience": 0.5}},
               "B": {"x": {"position": 90, "salience": 0.5}}},
    "levers": [{"name": "gone", "magnitude": 1,
                "effects": [{"type": "remove_actor", "actors": ["A", "B"]}]}]})");
  for (const char* model : {"median", "weighted_median", "mean", "compromise"}) {
    auto run = client.Post("/api/run",
                           Json{{"document", document}, {"model", model}, {"plan", "gone"}}.dump(),
                           "application/json");
    ASSERT_TRUE(run) << model;
    EXPECT_EQ(run->status, 400) << model << " " << run->body;
  }
  auto health = client.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

// ---- foreign web pages ----

TEST(ServerHardeningTest, TheHostMustNameTheServer) {
  RunningServer server(Defaults());
  httplib::Client client = server.Client();
  const std::string port = std::to_string(server.port());
  for (const std::string& host : {"127.0.0.1:" + port, "localhost:" + port}) {
    auto answer = client.Get("/api/health", {{"Host", host}});
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 200) << host;
  }
  for (const std::string& host : {std::string("attacker.example:") + port,
                                  std::string("127.0.0.1:1"), std::string("127.0.0.1")}) {
    auto answer = client.Get("/api/health", {{"Host", host}});
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 403) << host;
    EXPECT_NE(Body(answer)["error"].get<std::string>().find("expected 127.0.0.1:" + port),
              std::string::npos)
        << answer->body;
  }
  // DNS rebinding: a page of attacker.example whose name now points at 127.0.0.1.
  auto rebound = client.Post("/api/run", {{"Host", "attacker.example:" + port}},
                             R"({"model": "mean", "save": false})", "application/json");
  ASSERT_TRUE(rebound);
  EXPECT_EQ(rebound->status, 403);
}

TEST(ServerHardeningTest, AForeignPageCannotPost) {
  RunningServer server(Defaults());
  httplib::Client client = server.Client();
  const std::string own = "http://127.0.0.1:" + std::to_string(server.port());
  // The "simple" cross-origin request a browser sends without asking: text/plain.
  auto plain = client.Post("/api/sweep", {{"Origin", "https://attacker.example"}},
                           R"({"draws": 1000000})", "text/plain");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 403) << plain->body;
  auto foreign = client.Post("/api/run", {{"Origin", "https://attacker.example"}},
                             R"({"model": "mean", "save": false})", "application/json");
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
  EXPECT_NE(Body(foreign)["error"].get<std::string>().find("expected " + own), std::string::npos);
  auto opaque =
      client.Post("/api/run", {{"Origin", "null"}}, R"({"model": "mean"})", "application/json");
  ASSERT_TRUE(opaque);
  EXPECT_EQ(opaque->status, 403);
  auto deleted = client.Delete("/api/runs/1", {{"Origin", "https://attacker.example"}});
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 403);
  auto no_type = client.Post("/api/run", R"({"model": "mean", "save": false})", "");
  ASSERT_TRUE(no_type);
  EXPECT_EQ(no_type->status, 403);
  // The server's own page, and clients that send no Origin (curl, scripts), are served.
  auto own_page = client.Post("/api/run", {{"Origin", own}}, R"({"model": "mean", "save": false})",
                              "application/json; charset=utf-8");
  ASSERT_TRUE(own_page);
  EXPECT_EQ(own_page->status, 200) << own_page->body;
}

TEST(ServerHardeningTest, ATokenIsRequiredWhenTheServerHasOne) {
  ServerOptions options = Defaults();
  options.token = "a-secret-of-some-length";
  RunningServer server(options);
  httplib::Client client = server.Client();
  auto without = client.Get("/api/health");
  ASSERT_TRUE(without);
  EXPECT_EQ(without->status, 403);
  auto wrong = client.Get("/api/health", {{"Authorization", "Bearer a-secret-of-some-lengtX"}});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  auto bearer = client.Get("/api/health", {{"Authorization", "Bearer a-secret-of-some-length"}});
  ASSERT_TRUE(bearer);
  EXPECT_EQ(bearer->status, 200);
  // Opening /?token=… once gives the browser a cookie for the later requests.
  auto page = client.Get("/?token=a-secret-of-some-length");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  const std::string cookie = page->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("statecraft_token=a-secret-of-some-length"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  auto with_cookie =
      client.Get("/api/health", {{"Cookie", "other=1; statecraft_token=a-secret-of-some-length"}});
  ASSERT_TRUE(with_cookie);
  EXPECT_EQ(with_cookie->status, 200);
}

// ---- starved or doubled ----

// A client that sends a byte every 300 ms never stays silent for the read timeout, but its
// request cannot arrive within it: it is disconnected, and others are served meanwhile.
TEST(ServerHardeningTest, ATricklingClientIsCutOffAtTheRequestDeadline) {
  ServerOptions options = Defaults();
  options.read_timeout_seconds = 1;
  RunningServer server(options);
  const int trickler = Connect(server.port());
  const std::string request =
      "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server.port()) +
      "\r\nX-Slow: " + std::string(40, 'x') + "\r\n\r\n";
  const auto start = std::chrono::steady_clock::now();
  bool cut_off = false;
  for (char c : request) {
    if (::send(trickler, &c, 1, MSG_NOSIGNAL) != 1) {
      cut_off = true;
      break;
    }
    pollfd entry{trickler, POLLIN, 0};
    if (::poll(&entry, 1, 300) > 0) {
      char buffer[512];
      if (::recv(trickler, buffer, sizeof(buffer), 0) <= 0) {
        cut_off = true;
        break;
      }
    }
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(5)) break;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(cut_off) << "the trickling client was still connected after " << seconds << " s";
  EXPECT_LT(seconds, 4.0);
  ::close(trickler);
  auto health = server.Client().Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST(ServerHardeningTest, ConnectionsBeyondTheCapAreAnswered503) {
  ServerOptions options = Defaults();
  options.max_connections = 2;
  // Long enough that silent connections still hold their places while the others are answered,
  // even on a machine busy with other tests.
  options.read_timeout_seconds = 60;
  RunningServer server(options);
  // Three silent connections against a cap of two: at least one is beyond the cap. Which one is
  // not fixed, since the server may still be closing the connection that checked it was up.
  std::vector<int> sockets;
  for (int i = 0; i < 3; ++i) sockets.push_back(Connect(server.port()));
  std::vector<std::string> answers(sockets.size());
  std::vector<bool> closed(sockets.size(), false);
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  auto refused = [&] {
    for (std::size_t i = 0; i < sockets.size(); ++i) {
      if (closed[i]) return true;
    }
    return false;
  };
  while (!refused() && std::chrono::steady_clock::now() < end) {
    for (std::size_t i = 0; i < sockets.size(); ++i) {
      if (closed[i]) continue;
      pollfd entry{sockets[i], POLLIN, 0};
      if (::poll(&entry, 1, 20) <= 0) continue;
      char buffer[4096];
      const ssize_t n = ::recv(sockets[i], buffer, sizeof(buffer), 0);
      if (n <= 0) {
        closed[i] = true;
      } else {
        answers[i].append(buffer, static_cast<std::size_t>(n));
      }
    }
  }
  ASSERT_TRUE(refused()) << "no connection beyond the cap was answered within 20 s";
  for (std::size_t i = 0; i < sockets.size(); ++i) {
    if (closed[i]) {
      EXPECT_EQ(answers[i].rfind("HTTP/1.1 503", 0), 0u) << answers[i];
    }
    ::close(sockets[i]);
  }
  // The places are freed: the server answers again once it has seen the closes.
  int status = 0;
  for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
    if (auto health = server.Client().Get("/api/health")) status = health->status;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(status, 200);
}

TEST(ServerHardeningTest, ASecondServerOnAPortInUseDoesNotStart) {
  RunningServer first(Defaults());
  ServerOptions options = Defaults();
  options.port = first.port();
  ApiServer second(options);
  try {
    second.Bind();
    FAIL() << "a second server bound port " << first.port();
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what())
                  .find("cannot listen on 127.0.0.1:" + std::to_string(first.port())),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace statecraft::web

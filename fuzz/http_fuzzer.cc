// libFuzzer target: the HTTP API's request bodies, answered in-process by the real server
// (ApiServer::AnswerRaw: httplib's request parsing, the routes, the handlers) without a socket.
// The first byte picks the request, the rest is its body or path:
//   0  POST /api/validate     1  POST /api/run     2  POST /api/compare
//   3  GET <path> (static files, saved runs, unknown routes)
// The routes that start background jobs (sweep, whatif, optimize) read their bodies with the same
// field readers as run and compare; their plan and target expressions have their own target
// (fuzz_expression). Every answer must be a well-formed HTTP response with status 200, 400, 404
// or 413; a 500 (an exception other than a refusal escaped a handler) or a crash is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "web/server/api_server.h"

namespace {

statecraft::web::ApiServer& Server() {
  static const std::unique_ptr<statecraft::web::ApiServer> server = [] {
    statecraft::web::ServerOptions options;
    options.save = false;  // a body may still ask for "save": true; it goes to a scratch store
    options.max_body_bytes = 64 * 1024;
    options.db = (std::filesystem::temp_directory_path() /
                  ("statecraft-fuzz-http-" + std::to_string(getpid()) + ".db"))
                     .string();
    return std::make_unique<statecraft::web::ApiServer>(options);
  }();
  return *server;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const char* const kPostRoutes[] = {"/api/validate", "/api/run", "/api/compare"};
  std::string request;
  const int choice = data[0] % 4;
  if (choice < 3) {
    request = std::string("POST ") + kPostRoutes[choice] +
              " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              "Content-Length: " +
              std::to_string(text.size()) + "\r\n\r\n" + text;
  } else {
    request = "GET " + text + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  }
  const std::string answer = Server().AnswerRaw(request);
  if (answer.empty()) return 0;  // httplib refused to read the request at all (no answer)
  if (answer.rfind("HTTP/1.1 ", 0) != 0 || answer.size() < 12) {
    std::fprintf(stderr, "malformed answer: %s\n", answer.substr(0, 200).c_str());
    std::abort();
  }
  const std::string status = answer.substr(9, 3);
  // 403: the request guard refused it (a Host or Origin header the input wrote into the path);
  // 414: a GET path beyond the library's limit on a request line.
  if (status != "200" && status != "400" && status != "403" && status != "404" && status != "413" &&
      status != "414") {
    std::fprintf(stderr, "status %s: %s\n", status.c_str(), answer.substr(0, 400).c_str());
    std::abort();
  }
  return 0;
}

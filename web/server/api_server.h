// The statecraft HTTP server (`statecraft serve`): a JSON API that mirrors the CLI — models,
// validate, run, compare, backtest, whatif, sweep, optimize and answer (the long ones as
// cancellable jobs with progress), the report's charts, saved runs — and the browser UI's static
// files, compiled into the program.
//
// Thin by design: routes.h maps each route to a handler that translates the request into the
// request layer's (statecraft/app) and renders its result; job_manager.h runs the long ones;
// request_decoding.h reads bodies, ids and queries; this class binds the table to cpp-httplib.
// A request's scenario is a native scenario document as JSON (the YAML format's schema, levers
// and plans included), or the built-in scenario when absent. Errors answer {"error", "code",
// "location"?}: bad input 400, an unknown run or job 404, a run in the wrong state 409, an
// oversized body 413, an unknown route 404; static paths are looked up in the compiled-in table
// only, so nothing outside it can be served.
#ifndef STATECRAFT_WEB_SERVER_API_SERVER_H_
#define STATECRAFT_WEB_SERVER_API_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

namespace statecraft::web {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;   // 0: any free port
  std::string db;    // the run store; empty: RunStore::DefaultPath()
  bool save = true;  // save run, compare, whatif, sweep and optimize results
  std::size_t max_body_bytes = 4 * 1024 * 1024;
  // The time a whole request (request line, headers and body) may take to arrive, from the
  // moment the connection opens or its previous answer is sent: a client that stalls, or trickles
  // a byte at a time, is disconnected when it runs out, so it holds a worker for this long at
  // most. An idle keep-alive connection is closed after the same time.
  int read_timeout_seconds = 10;
  // Connections served at once; beyond them a new connection is answered 503 and closed.
  int max_connections = 512;
  // A secret every request must carry (request_guard.h); required when `host` is not loopback.
  std::string token;
  // Finished jobs kept for polling; the oldest finished ones are forgotten beyond this, so a UI
  // left open for days does not grow the server's memory.
  std::size_t max_finished_jobs = 100;
  std::string program_version = "statecraft";
};

class ApiServer {
 public:
  explicit ApiServer(ServerOptions options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds the socket; returns the port (the chosen one when options.port is 0). Throws
  // std::runtime_error when the address cannot be bound.
  int Bind();
  // Serves until Stop(); call after Bind().
  void Serve();
  void Stop();

  // Answers one raw HTTP/1.1 request in this process, without a socket, as a connection would be
  // answered: the bytes of the response. The request handlers' entry point for fuzzing.
  std::string AnswerRaw(const std::string& request);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace statecraft::web

#endif  // STATECRAFT_WEB_SERVER_API_SERVER_H_

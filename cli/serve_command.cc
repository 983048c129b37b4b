// `statecraft serve [--host 127.0.0.1] [--port 8080] [--db PATH] [--no-save] [--read-timeout S]
// [--max-body BYTES] [--max-connections N] [--token SECRET]`: the JSON API and the browser UI
// (web/server). Binds to loopback unless --host says otherwise, which then needs --token
// (web/server/request_guard.h).
#include <iostream>

#include "cli/common.h"
#include "cli/store_options.h"
#include "statecraft/app/checks.h"
#include "statecraft/core/error.h"
#include "web/server/api_server.h"
#include "web/server/request_guard.h"

namespace statecraft::cli {

namespace {

// The largest --max-body: beyond it a body would not fit a request the server can answer in its
// deadline anyway, and a value near 2^64 would mean "unlimited".
constexpr std::int64_t kLargestBody = std::int64_t{1} << 30;

// serve's numbers as given, 64 bits wide so that any value the argument grammar accepts
// (argument_checks.h) reaches the range checks below.
struct ServeNumbers {
  std::int64_t port = 8080;
  std::int64_t read_timeout_seconds = 10;
  std::int64_t max_body_bytes = 4 * 1024 * 1024;
  std::int64_t max_connections = 512;
};

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto options = std::make_shared<web::ServerOptions>();
  auto numbers = std::make_shared<ServeNumbers>();
  auto store = std::make_shared<StoreOptions>();
  auto* command =
      app.add_subcommand("serve", "serve the JSON API and the browser UI (http://127.0.0.1:8080)");
  command->add_option("--host", options->host, "address to listen on")->default_val("127.0.0.1");
  command->add_option("--port", numbers->port, "port (0: any free port)")->default_val(8080);
  command
      ->add_option("--read-timeout", numbers->read_timeout_seconds,
                   "seconds a whole request (headers and body) may take to arrive, and an idle "
                   "connection may stay open")
      ->default_val(options->read_timeout_seconds);
  command
      ->add_option("--max-body", numbers->max_body_bytes,
                   "largest request body in bytes; larger ones get 413")
      ->default_val(options->max_body_bytes);
  command
      ->add_option("--max-connections", numbers->max_connections,
                   "connections served at once; more are answered 503")
      ->default_val(options->max_connections);
  command->add_option("--token", options->token,
                      "a secret every request must carry (Authorization: Bearer SECRET, or open "
                      "/?token=SECRET once); required with a --host that is not loopback");
  AddStoreOptions(*command, *store, true);
  command->callback([options, numbers, store] {
    app::CheckRange("port", numbers->port, 0, 65535);
    app::CheckRange("read-timeout", numbers->read_timeout_seconds, 1, 3600);
    app::CheckRange("max-body", numbers->max_body_bytes, 1, kLargestBody);
    app::CheckRange("max-connections", numbers->max_connections, 1, 4096);
    options->port = static_cast<int>(numbers->port);
    options->read_timeout_seconds = static_cast<int>(numbers->read_timeout_seconds);
    options->max_body_bytes = static_cast<std::size_t>(numbers->max_body_bytes);
    options->max_connections = static_cast<int>(numbers->max_connections);
    if (!web::IsLoopbackHost(options->host) && options->token.empty()) {
      throw InputError("--host " + options->host +
                       ": listening beyond this machine needs --token SECRET, which every "
                       "request must then carry; expected a loopback address (127.0.0.1, ::1, "
                       "localhost) or --token");
    }
    if (!options->token.empty() && options->token.size() < 16) {
      throw InputError("--token: found " + std::to_string(options->token.size()) +
                       " characters, expected at least 16 (a secret hard to guess)");
    }
    options->db = store->db;
    options->save = !store->no_save;
    options->program_version = ProgramVersion();
    if (!store->db.empty()) StoreOf(*store)->Open();  // a bad --db is reported before serving
    web::ApiServer server(*options);
    int port = 0;
    try {
      port = server.Bind();
    } catch (const std::runtime_error& error) {
      throw InputError(error.what());
    }
    std::cout << "statecraft: serving http://" << options->host << ":" << port << "/ (Ctrl-C stops)"
              << std::endl;
    server.Serve();
  });
}

}  // namespace statecraft::cli

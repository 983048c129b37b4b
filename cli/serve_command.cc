// `statecraft serve [--host 127.0.0.1] [--port 8080] [--db PATH] [--no-save] [--read-timeout S]
// [--max-body BYTES] [--max-connections N] [--token SECRET]`: the JSON API and the browser UI
// (web/server). Binds to loopback unless --host says otherwise, which then needs --token
// (web/server/request_guard.h).
#include <iostream>

#include "cli/common.h"
#include "cli/store_options.h"
#include "statecraft/core/error.h"
#include "web/server/api_server.h"
#include "web/server/request_guard.h"

namespace statecraft::cli {

void AddServeCommand(CLI::App& app) {
  auto options = std::make_shared<web::ServerOptions>();
  auto store = std::make_shared<StoreOptions>();
  auto* command =
      app.add_subcommand("serve", "serve the JSON API and the browser UI (http://127.0.0.1:8080)");
  command->add_option("--host", options->host, "address to listen on")->default_val("127.0.0.1");
  command->add_option("--port", options->port, "port (0: any free port)")->default_val(8080);
  command
      ->add_option("--read-timeout", options->read_timeout_seconds,
                   "seconds a whole request (headers and body) may take to arrive, and an idle "
                   "connection may stay open")
      ->default_val(options->read_timeout_seconds);
  command
      ->add_option("--max-body", options->max_body_bytes,
                   "largest request body in bytes; larger ones get 413")
      ->default_val(options->max_body_bytes);
  command
      ->add_option("--max-connections", options->max_connections,
                   "connections served at once; more are answered 503")
      ->default_val(options->max_connections);
  command->add_option("--token", options->token,
                      "a secret every request must carry (Authorization: Bearer SECRET, or open "
                      "/?token=SECRET once); required with a --host that is not loopback");
  AddStoreOptions(*command, *store, true);
  command->callback([options, store] {
    if (options->port < 0 || options->port > 65535) {
      throw InputError("--port " + std::to_string(options->port) + ": expected 0 to 65535");
    }
    if (options->read_timeout_seconds < 1 || options->read_timeout_seconds > 3600) {
      throw InputError("--read-timeout " + std::to_string(options->read_timeout_seconds) +
                       ": expected 1 to 3600 seconds");
    }
    if (options->max_body_bytes < 1) throw InputError("--max-body 0: expected at least 1 byte");
    if (options->max_connections < 1 || options->max_connections > 4096) {
      throw InputError("--max-connections " + std::to_string(options->max_connections) +
                       ": expected 1 to 4096");
    }
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

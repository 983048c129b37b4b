// `statecraft serve [--host 127.0.0.1] [--port 8080] [--db PATH] [--no-save] [--read-timeout S]
// [--max-body BYTES]`: the JSON API and the browser UI (web/server). Binds to loopback unless
// --host says otherwise.
#include <iostream>

#include "cli/common.h"
#include "cli/store_options.h"
#include "statecraft/core/error.h"
#include "web/server/api_server.h"

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
                   "seconds a connection may stay silent (mid-request or idle) before it is closed")
      ->default_val(options->read_timeout_seconds);
  command
      ->add_option("--max-body", options->max_body_bytes,
                   "largest request body in bytes; larger ones get 413")
      ->default_val(options->max_body_bytes);
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

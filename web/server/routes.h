// The JSON API's route table: every route of `statecraft serve` with its handler. A handler takes
// a decoded request and returns a status and a body; it translates the request into the request
// layer's (statecraft/app) and renders its result, so the API answers what the CLI prints.
// Nothing here knows the HTTP library (api_server.cc binds the table to cpp-httplib).
#ifndef STATECRAFT_WEB_SERVER_ROUTES_H_
#define STATECRAFT_WEB_SERVER_ROUTES_H_

#include <vector>

#include "statecraft/app/context.h"
#include "web/server/api_server.h"
#include "web/server/http_types.h"
#include "web/server/job_manager.h"

namespace statecraft::web {

// What the handlers share.
struct ServerState {
  explicit ServerState(ServerOptions server_options)
      : options(std::move(server_options)), store(options.db), jobs(options.max_finished_jobs) {}

  // The context of a command: the program version, and the store when `save`.
  app::Context CommandContext(bool save) {
    app::Context context;
    context.program_version = options.program_version;
    context.save_to = save ? &store : nullptr;
    return context;
  }

  ServerOptions options;
  app::StoreAccess store;
  JobManager jobs;
};

// Every route, API and static files; the first whose method and pattern match answers. A handler
// may throw: the binding answers what it throws as an error (app/outcome.h, CurrentError).
std::vector<Route> Routes(ServerState& state);

}  // namespace statecraft::web

#endif  // STATECRAFT_WEB_SERVER_ROUTES_H_

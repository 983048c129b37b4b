// The API's handlers, one per route (routes.cc lists them with their paths). Each decodes its
// request into the request layer's, runs it (or starts it as a job) and renders the result.
#ifndef STATECRAFT_WEB_SERVER_HANDLERS_H_
#define STATECRAFT_WEB_SERVER_HANDLERS_H_

#include "web/server/http_types.h"
#include "web/server/routes.h"

namespace statecraft::web {

// Answers at once (handlers.cc).
HttpResponse HandleHealth(ServerState& state, const HttpRequest& request);
HttpResponse HandleModels(ServerState& state, const HttpRequest& request);
HttpResponse HandleScenario(ServerState& state, const HttpRequest& request);
HttpResponse HandleScenarios(ServerState& state, const HttpRequest& request);
HttpResponse HandleValidate(ServerState& state, const HttpRequest& request);
HttpResponse HandleImport(ServerState& state, const HttpRequest& request);
HttpResponse HandleRun(ServerState& state, const HttpRequest& request);
HttpResponse HandleCompare(ServerState& state, const HttpRequest& request);
HttpResponse HandleBacktest(ServerState& state, const HttpRequest& request);
HttpResponse HandleBacktestGallery(ServerState& state, const HttpRequest& request);
HttpResponse HandleReportData(ServerState& state, const HttpRequest& request);
// The same report as its HTML page (what `statecraft report` writes), for the UI to show.
HttpResponse HandleReportHtml(ServerState& state, const HttpRequest& request);
HttpResponse HandleListRuns(ServerState& state, const HttpRequest& request);
HttpResponse HandleExportRun(ServerState& state, const HttpRequest& request);
HttpResponse HandleRunReport(ServerState& state, const HttpRequest& request);
HttpResponse HandleDeleteRun(ServerState& state, const HttpRequest& request);
HttpResponse HandleStaticFile(ServerState& state, const HttpRequest& request);

// Start a job and answer 202 {"job", "status_url", "run_id"?} (job_handlers.cc).
HttpResponse HandleWhatif(ServerState& state, const HttpRequest& request);
HttpResponse HandleSweep(ServerState& state, const HttpRequest& request);
HttpResponse HandleOptimize(ServerState& state, const HttpRequest& request);
HttpResponse HandleAnswer(ServerState& state, const HttpRequest& request);
HttpResponse HandleReportJob(ServerState& state, const HttpRequest& request);
HttpResponse HandleResumeRun(ServerState& state, const HttpRequest& request);
HttpResponse HandleGetJob(ServerState& state, const HttpRequest& request);
HttpResponse HandleCancelJob(ServerState& state, const HttpRequest& request);

// The result of a request, or what it failed with thrown as the request layer's error.
template <typename T>
T Unwrap(app::Outcome<T> outcome) {
  if (!outcome.ok()) {
    const app::Error& error = outcome.error();
    throw app::RequestError(error.code, error.message, error.location);
  }
  return std::move(outcome).value();
}

}  // namespace statecraft::web

#endif  // STATECRAFT_WEB_SERVER_HANDLERS_H_

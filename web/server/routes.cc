#include "web/server/routes.h"

#include "web/server/handlers.h"

namespace statecraft::web {

std::vector<Route> Routes(ServerState& state) {
  const auto bind = [&state](HttpResponse (*handler)(ServerState&, const HttpRequest&)) {
    return [&state, handler](const HttpRequest& request) { return handler(state, request); };
  };
  const std::string id = "([^/]+)";
  return {
      // GET /api/health → {"status": "ok", "version"}
      {"GET", "/api/health", bind(HandleHealth)},
      // GET /api/models → `statecraft models --format json`
      {"GET", "/api/models", bind(HandleModels)},
      // GET /api/scenario[?name=NAME] → the built-in scenario (or the one called NAME) as a
      // document, its levers and plans
      {"GET", "/api/scenario", bind(HandleScenario)},
      // GET /api/scenarios → `statecraft scenarios --format json`, each with its document
      {"GET", "/api/scenarios", bind(HandleScenarios)},
      // POST /api/validate {document?} → `statecraft validate --format json`
      {"POST", "/api/validate", bind(HandleValidate)},
      // POST /api/import {text, file_name?, from?, capability?} → {"scenarios": [{"name",
      // "document"}]}: any format `statecraft convert` reads, as native documents
      {"POST", "/api/import", bind(HandleImport)},
      // POST /api/run {document?, model, params?, seed?, plan?, save?} → `statecraft run --format
      // json`; the saved run's id in the X-Statecraft-Run-Id header
      {"POST", "/api/run", bind(HandleRun)},
      // POST /api/compare {document?, models?, seed?, plan?, save?} → `statecraft compare
      // --format json`; ?charts=1 adds the report's charts of these forecasts
      {"POST", "/api/compare", bind(HandleCompare)},
      // POST /api/backtest {document?, models?} → `statecraft backtest flagship --format json`
      {"POST", "/api/backtest", bind(HandleBacktest)},
      // POST /api/backtest/gallery {models?} → `statecraft backtest gallery --format json`
      {"POST", "/api/backtest/gallery", bind(HandleBacktestGallery)},
      // POST /api/report {document?, model?, draws?, seed?, threads?, answer_models?,
      // answer_draws?, optimize_draws?} → `statecraft report --format json`: the report's data
      // (answer_*: the settings of the answer to the scenario's question)
      {"POST", "/api/report", bind(HandleReportData)},
      // POST /api/report/html, the same body → the report's HTML page (`statecraft report`)
      {"POST", "/api/report/html", bind(HandleReportHtml)},
      // POST /api/report/job, the same body → a job (202) whose steps are models and whose
      // result is {"html": the report's page}: the web UI writes its report so, with progress
      // and Cancel
      {"POST", "/api/report/job", bind(HandleReportJob)},
      // Jobs (202 {"job", "status_url", "run_id"?}): POST /api/whatif, /api/sweep, /api/optimize,
      // /api/answer with the fields of json_requests.h.
      {"POST", "/api/whatif", bind(HandleWhatif)},
      {"POST", "/api/sweep", bind(HandleSweep)},
      {"POST", "/api/optimize", bind(HandleOptimize)},
      {"POST", "/api/answer", bind(HandleAnswer)},
      {"GET", "/api/jobs/" + id, bind(HandleGetJob)},
      {"DELETE", "/api/jobs/" + id, bind(HandleCancelJob)},
      // Saved runs.
      {"GET", "/api/runs", bind(HandleListRuns)},
      {"GET", "/api/runs/" + id, bind(HandleExportRun)},
      {"GET", "/api/runs/" + id + "/report", bind(HandleRunReport)},
      {"POST", "/api/runs/" + id + "/resume", bind(HandleResumeRun)},
      {"DELETE", "/api/runs/" + id, bind(HandleDeleteRun)},
      // Everything else a GET asks for: the compiled-in static files.
      {"GET", "/.*", bind(HandleStaticFile)},
  };
}

}  // namespace statecraft::web

#include "web/server/handlers.h"

#include <yaml-cpp/yaml.h>

#include <optional>

#include "statecraft/app/gallery_commands.h"
#include "statecraft/app/json_requests.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/csv.h"
#include "statecraft/io/yaml_json.h"
#include "statecraft/report/html_report.h"
#include "web/server/request_decoding.h"
#include "web/server/static_assets.h"

namespace statecraft::web {
namespace {

const Json& BuiltinDocument() {
  static const Json document = YamlToJson(YAML::Load(BuiltinScenarioText()));
  return document;
}

void AddRunId(HttpResponse& response, const app::SaveReport& saved) {
  if (saved.run_id > 0)
    response.headers.emplace_back("X-Statecraft-Run-Id", std::to_string(saved.run_id));
  if (!saved.warning.empty()) response.headers.emplace_back("X-Statecraft-Warning", saved.warning);
}

}  // namespace

HttpResponse HandleHealth(ServerState& state, const HttpRequest&) {
  return JsonResponse(Json{{"status", "ok"}, {"version", state.options.program_version}});
}

HttpResponse HandleModels(ServerState&, const HttpRequest&) {
  return JsonResponse(app::ModelsOutputToJson(Unwrap(app::Models({}))));
}

HttpResponse HandleScenario(ServerState&, const HttpRequest& request) {
  const auto name = request.query.find("name");
  if (name == request.query.end()) {
    Json out{{"file", BuiltinScenarioFileName()}, {"document", BuiltinDocument()}};
    out.update(app::LeverSummaryJson(BuiltinScenarioWithLevers().levers));
    return JsonResponse(out);
  }
  // A built-in case of the gallery by name (an unknown name is a 400 that lists the names).
  const app::ScenarioSource source = app::ScenarioSource::Named(name->second);
  Json out{{"file", source.path}, {"document", YamlToJson(YAML::Load(source.text))}};
  out.update(app::LeverSummaryJson(app::LoadScenarioWithLevers(source).levers));
  return JsonResponse(out);
}

HttpResponse HandleScenarios(ServerState&, const HttpRequest&) {
  Json out = app::ScenariosOutputToJson(Unwrap(app::Scenarios({})));
  for (std::size_t k = 0; k < out["scenarios"].size(); ++k) {
    out["scenarios"][k]["document"] = YamlToJson(YAML::Load(BuiltinScenarios()[k].text));
  }
  return JsonResponse(out);
}

HttpResponse HandleValidate(ServerState&, const HttpRequest& request) {
  const app::ValidateRequest decoded = app::DecodeValidateRequest(ParseBody(request));
  return JsonResponse(app::ValidateOutputToJson(Unwrap(app::Validate(decoded))));
}

HttpResponse HandleImport(ServerState&, const HttpRequest& request) {
  const app::ConvertRequest decoded = app::DecodeConvertRequest(ParseBody(request));
  Json scenarios = Json::array();
  for (const auto& [name, text] : Unwrap(app::Convert(decoded)).documents) {
    scenarios.push_back(Json{{"name", name}, {"document", Json::parse(text)}});
  }
  return JsonResponse(Json{{"scenarios", scenarios}});
}

HttpResponse HandleRun(ServerState& state, const HttpRequest& request) {
  const Json body = ParseBody(request);
  const app::RunRequest decoded = app::DecodeRunRequest(body);
  const app::Context context = state.CommandContext(app::DecodeSave(body, state.options.save));
  const app::RunOutput output = Unwrap(app::Run(decoded, context));
  HttpResponse response = JsonResponse(app::RunToJson(output));
  AddRunId(response, output.saved);
  return response;
}

HttpResponse HandleCompare(ServerState& state, const HttpRequest& request) {
  const Json body = ParseBody(request);
  const app::CompareRequest decoded = app::DecodeCompareRequest(body);
  const app::Context context = state.CommandContext(app::DecodeSave(body, state.options.save));
  const app::CompareOutput output = Unwrap(app::Compare(decoded, context));
  Json result = app::CompareToJson(output);
  // ?charts=1 adds the report's charts of these forecasts (the web UI draws them).
  const auto charts = request.query.find("charts");
  if (charts != request.query.end() && charts->second == "1") {
    const Json data{{"scenario", ScenarioToReportJson(output.scenario)},
                    {"forecasts", result["models"]}};
    result["charts"] = RenderCharts(data);
  }
  HttpResponse response = JsonResponse(result);
  AddRunId(response, output.saved);
  return response;
}

HttpResponse HandleBacktest(ServerState&, const HttpRequest& request) {
  const app::BacktestRequest decoded = app::DecodeBacktestRequest(ParseBody(request));
  return JsonResponse(app::BacktestOutputToJson(Unwrap(app::Backtest(decoded))));
}

HttpResponse HandleBacktestGallery(ServerState&, const HttpRequest& request) {
  const app::GalleryBacktestRequest decoded = app::DecodeGalleryBacktestRequest(ParseBody(request));
  return JsonResponse(app::GalleryBacktestOutputToJson(Unwrap(app::BacktestGallery(decoded))));
}

HttpResponse HandleReportData(ServerState& state, const HttpRequest& request) {
  const app::ReportDataRequest decoded = app::DecodeReportDataRequest(ParseBody(request));
  return JsonResponse(
      Unwrap(app::ReportData(decoded, state.store, state.CommandContext(/*save=*/false))));
}

HttpResponse HandleReportHtml(ServerState& state, const HttpRequest& request) {
  const app::ReportDataRequest decoded = app::DecodeReportDataRequest(ParseBody(request));
  HttpResponse response;
  response.content_type = "text/html; charset=utf-8";
  response.body = RenderReportHtml(
      Unwrap(app::ReportData(decoded, state.store, state.CommandContext(/*save=*/false))));
  return response;
}

HttpResponse HandleListRuns(ServerState& state, const HttpRequest& request) {
  const app::RunsListRequest decoded{QueryInteger(request, "limit", app::RunsListRequest{}.limit)};
  return JsonResponse(app::RunsListOutputToJson(Unwrap(app::ListRuns(decoded, state.store))));
}

HttpResponse HandleExportRun(ServerState& state, const HttpRequest& request) {
  return JsonResponse(Unwrap(app::ExportRun({IdOf(request)}, state.store)));
}

HttpResponse HandleRunReport(ServerState& state, const HttpRequest& request) {
  app::ReportDataRequest decoded;
  decoded.run = IdOf(request);
  const Json data =
      Unwrap(app::ReportData(decoded, state.store, state.CommandContext(/*save=*/false)));
  HttpResponse response;
  response.content_type = "text/html; charset=utf-8";
  response.body = RenderReportHtml(data);
  return response;
}

HttpResponse HandleDeleteRun(ServerState& state, const HttpRequest& request) {
  return JsonResponse(Json{{"deleted", Unwrap(app::DeleteRun({IdOf(request)}, state.store))}});
}

// Static files: only the compiled-in table is served; a path with ".." is refused outright.
HttpResponse HandleStaticFile(ServerState&, const HttpRequest& request) {
  const std::string& path = request.path;
  if (path.rfind("/api/", 0) == 0 || path == "/api") {
    return ErrorResponse(404, "no API route " + request.method + " " + path);
  }
  if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos) {
    return ErrorResponse(400, "path refused: " + path);
  }
  const StaticAsset* asset = FindStaticAsset(path == "/" ? "/index.html" : path);
  if (asset == nullptr) return ErrorResponse(404, "no file " + path);
  HttpResponse response;
  response.content_type = asset->content_type;
  response.body = asset->content;
  return response;
}

}  // namespace statecraft::web

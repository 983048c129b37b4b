#include <memory>

#include "statecraft/app/json_requests.h"
#include "statecraft/report/html_report.h"
#include "web/server/handlers.h"
#include "web/server/request_decoding.h"

namespace statecraft::web {
namespace {

// 202 Accepted for a started job: its id, where to poll it, and the run it saves to, if known.
HttpResponse JobAccepted(const Job& job, std::int64_t run_id = 0) {
  Json body{{"job", job.id}};
  if (run_id > 0) body["run_id"] = run_id;
  body["status_url"] = "/api/jobs/" + std::to_string(job.id);
  return JsonResponse(body, 202);
}

// Runs a prepared command as a job; its result is the command's JSON.
template <typename Prepared, typename Run, typename Render>
HttpResponse StartJob(ServerState& state, const std::string& kind, Prepared prepared, bool save,
                      Run run, Render render) {
  auto shared = std::make_shared<const Prepared>(std::move(prepared));
  const auto job =
      state.jobs.Start(kind, state.CommandContext(save),
                       [shared, run, render](const app::Context& context) -> app::Outcome<Json> {
                         auto output = run(*shared, context);
                         if (!output.ok()) return output.error();
                         return render(output.value());
                       });
  return JobAccepted(*job);
}

}  // namespace

// POST /api/whatif: one step per model.
HttpResponse HandleWhatif(ServerState& state, const HttpRequest& request) {
  const Json body = ParseBody(request);
  app::PreparedWhatif prepared = Unwrap(app::PrepareWhatif(app::DecodeWhatifRequest(body)));
  return StartJob(
      state, "whatif", std::move(prepared), app::DecodeSave(body, state.options.save),
      [](const app::PreparedWhatif& p, const app::Context& c) { return app::Whatif(p, c); },
      [](const app::WhatifOutput& output) { return app::WhatifOutputToJson(output); });
}

// POST /api/sweep: a saved sweep is begun at once (its run id is in the answer) and computed by
// the job as a resumed one, block by block; an unsaved sweep is one step per model.
HttpResponse HandleSweep(ServerState& state, const HttpRequest& request) {
  const Json body = ParseBody(request);
  app::PreparedSweep prepared = Unwrap(app::PrepareSweep(app::DecodeSweepRequest(body)));
  if (!app::DecodeSave(body, state.options.save)) {
    return StartJob(
        state, "sweep", std::move(prepared), false,
        [](const app::PreparedSweep& p, const app::Context& c) { return app::Sweep(p, c); },
        [](const app::SweepOutput& output) { return app::SweepOutputToJson(output); });
  }
  const std::int64_t run_id =
      Unwrap(app::BeginSweepRun(prepared, state.CommandContext(/*save=*/true)));
  const app::ResumeRequest resume{run_id, prepared.request.uncertainty.threads};
  ServerState* server = &state;
  const auto job = state.jobs.Start(
      "sweep", state.CommandContext(false),
      [server, resume](const app::Context& context) -> app::Outcome<Json> {
        auto output = app::ResumeRun(resume, server->store, context);
        if (!output.ok()) return output.error();
        return output.value().result;
      },
      run_id);
  return JobAccepted(*job, run_id);
}

// POST /api/optimize: steps are draws, out of an upper bound that falls as plans are weighed
// (JobManager::ToJson).
HttpResponse HandleOptimize(ServerState& state, const HttpRequest& request) {
  const Json body = ParseBody(request);
  app::PreparedOptimize prepared = Unwrap(app::PrepareOptimize(app::DecodeOptimizeRequest(body)));
  return StartJob(
      state, "optimize", std::move(prepared), app::DecodeSave(body, state.options.save),
      [](const app::PreparedOptimize& p, const app::Context& c) { return app::Optimize(p, c); },
      [](const app::OptimizeOutput& output) { return app::OptimizeOutputToJson(output); });
}

// POST /api/answer: one step per model; answers are not saved.
HttpResponse HandleAnswer(ServerState& state, const HttpRequest& request) {
  app::PreparedAnswer prepared =
      Unwrap(app::PrepareAnswer(app::DecodeAnswerRequest(ParseBody(request))));
  return StartJob(
      state, "answer", std::move(prepared), false,
      [](const app::PreparedAnswer& p, const app::Context& c) { return app::ComputeAnswer(p, c); },
      [](const app::AnswerOutput& output) { return app::AnswerOutputToJson(output); });
}

// POST /api/report/job, the body of /api/report/html: the report written as a job, in steps of
// models (each model's distribution, then each model's answer), cancellable within a few draws;
// its result is {"html": the page}.
HttpResponse HandleReportJob(ServerState& state, const HttpRequest& request) {
  const app::ReportDataRequest decoded = app::DecodeReportDataRequest(ParseBody(request));
  ServerState* server = &state;
  const auto job =
      state.jobs.Start("report", state.CommandContext(false),
                       [server, decoded](const app::Context& context) -> app::Outcome<Json> {
                         auto data = app::ReportData(decoded, server->store, context);
                         if (!data.ok()) return data.error();
                         return Json{{"html", RenderReportHtml(data.value())}};
                       });
  return JobAccepted(*job);
}

// POST /api/runs/ID/resume: completes a sweep that was interrupted (its saved draws are not
// computed again).
HttpResponse HandleResumeRun(ServerState& state, const HttpRequest& request) {
  const app::ResumeRequest resume{IdOf(request), 0};
  Unwrap(app::CheckResumable({resume.id}, state.store));
  ServerState* server = &state;
  const auto job = state.jobs.Start(
      "sweep", state.CommandContext(false),
      [server, resume](const app::Context& context) -> app::Outcome<Json> {
        auto output = app::ResumeRun(resume, server->store, context);
        if (!output.ok()) return output.error();
        return output.value().result;
      },
      resume.id);
  return JobAccepted(*job, resume.id);
}

HttpResponse HandleGetJob(ServerState& state, const HttpRequest& request) {
  const std::int64_t id = IdOf(request);
  const std::shared_ptr<Job> job = state.jobs.Find(id);
  if (!job) return ErrorResponse(404, "no job " + std::to_string(id));
  return JsonResponse(JobManager::ToJson(*job));
}

HttpResponse HandleCancelJob(ServerState& state, const HttpRequest& request) {
  const std::int64_t id = IdOf(request);
  const std::shared_ptr<Job> job = state.jobs.Find(id);
  if (!job) return ErrorResponse(404, "no job " + std::to_string(id));
  job->cancel = true;
  return JsonResponse(JobManager::ToJson(*job));
}

}  // namespace statecraft::web

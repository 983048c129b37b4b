#include "web/server/api_server.h"

#include <httplib.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "statecraft/analysis/optimize.h"
#include "statecraft/analysis/run.h"
#include "statecraft/analysis/sweep.h"
#include "statecraft/analysis/sweep_error.h"
#include "statecraft/analysis/whatif.h"
#include "statecraft/core/error.h"
#include "statecraft/core/registry.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/calibration_format.h"
#include "statecraft/io/csv.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/report/html_report.h"
#include "statecraft/store/run_store.h"
#include "statecraft/store/saved_sweep.h"
#include "web/server/static_assets.h"

namespace statecraft::web {
namespace {

// ---------------------------------------------------------------------------------------------
// Reading requests: every field is checked here and named in the error.

Json ParseBody(const httplib::Request& request) {
  if (request.body.empty()) return Json::object();
  Json body;
  try {
    body = Json::parse(request.body);
  } catch (const Json::parse_error& error) {
    throw InputError(std::string("request body is not valid JSON: ") + error.what());
  }
  if (!body.is_object()) throw InputError("request body: expected a JSON object");
  return body;
}

const Json* Field(const Json& body, const char* key) {
  const auto found = body.find(key);
  return found == body.end() || found->is_null() ? nullptr : &*found;
}

std::string StringField(const Json& body, const char* key, const std::string& fallback) {
  const Json* value = Field(body, key);
  if (value == nullptr) return fallback;
  if (!value->is_string()) throw InputError(std::string(key) + ": expected a string");
  return value->get<std::string>();
}

double NumberField(const Json& body, const char* key, double fallback) {
  const Json* value = Field(body, key);
  if (value == nullptr) return fallback;
  if (!value->is_number()) throw InputError(std::string(key) + ": expected a number");
  return value->get<double>();
}

std::int64_t IntegerField(const Json& body, const char* key, std::int64_t fallback,
                          std::int64_t low, std::int64_t high) {
  const Json* value = Field(body, key);
  if (value == nullptr) return fallback;
  if (!value->is_number_integer()) throw InputError(std::string(key) + ": expected an integer");
  const std::int64_t number =
      value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(high)
          ? high + 1
          : value->get<std::int64_t>();
  if (number < low || number > high) {
    throw InputError(std::string(key) + ": " + value->dump() + " is out of range, expected " +
                     std::to_string(low) + " to " + std::to_string(high));
  }
  return number;
}

std::uint64_t SeedField(const Json& body) {
  const Json* value = Field(body, "seed");
  if (value == nullptr) return 0;
  if (!value->is_number_integer() || (value->is_number_integer() && !value->is_number_unsigned() &&
                                      value->get<std::int64_t>() < 0)) {
    throw InputError("seed: expected a non-negative integer");
  }
  return value->get<std::uint64_t>();
}

bool BoolField(const Json& body, const char* key, bool fallback) {
  const Json* value = Field(body, key);
  if (value == nullptr) return fallback;
  if (!value->is_boolean()) throw InputError(std::string(key) + ": expected true or false");
  return value->get<bool>();
}

// A YAML document as JSON: plain scalars that read as numbers, booleans or null become those;
// quoted scalars stay strings.
Json YamlToJson(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: {
      Json list = Json::array();
      for (const YAML::Node& item : node) list.push_back(YamlToJson(item));
      return list;
    }
    case YAML::NodeType::Map: {
      Json object = Json::object();
      for (const auto& entry : node) object[entry.first.Scalar()] = YamlToJson(entry.second);
      return object;
    }
    case YAML::NodeType::Scalar: {
      const std::string& text = node.Scalar();
      if (node.Tag() == "!") return text;
      if (text == "true") return true;
      if (text == "false") return false;
      if (text == "null" || text == "~") return nullptr;
      if (const std::optional<double> number = ParseNumber(text)) return *number;
      return text;
    }
    default:
      return nullptr;
  }
}

const Json& BuiltinDocument() {
  static const Json document = YamlToJson(YAML::Load(BuiltinScenarioText()));
  return document;
}

// The request's scenario document (native format as JSON), or the built-in scenario.
ScenarioWithLevers ScenarioOf(const Json& body) {
  const Json* document = Field(body, "document");
  if (document == nullptr) return BuiltinScenarioWithLevers();
  if (!document->is_object()) throw InputError("document: expected a scenario object");
  return ParseScenarioWithLevers(document->dump(1), "document.json");
}

std::string ParamText(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return value.dump();
  throw InputError("params: expected numbers, strings or booleans as values");
}

ModelChoice ModelOf(const Json& spec, const Json* params) {
  std::string name;
  if (spec.is_string()) {
    name = spec.get<std::string>();
  } else if (spec.is_object()) {
    name = StringField(spec, "name", "");
    params = Field(spec, "params");
  } else {
    throw InputError("model: expected a name or {\"name\", \"params\"}");
  }
  const ModelInfo& info = BuiltinModels().Get(name);
  ParamAssignments assignments;
  if (params != nullptr) {
    if (!params->is_object()) throw InputError("params: expected an object of NAME: VALUE");
    for (const auto& [key, value] : params->items())
      assignments.emplace_back(key, ParamText(value));
  }
  return ModelChoice{&info, ResolveParams(info.name, info.params, assignments)};
}

// "models": [NAME | {name, params}] (every model when absent), or a single "model".
std::vector<ModelChoice> ModelsOf(const Json& body, const std::string& single_default) {
  std::vector<ModelChoice> models;
  if (const Json* list = Field(body, "models")) {
    if (!list->is_array() || list->empty()) {
      throw InputError("models: expected a non-empty list of model names");
    }
    for (const Json& spec : *list) models.push_back(ModelOf(spec, nullptr));
    return models;
  }
  if (Field(body, "model") != nullptr || !single_default.empty()) {
    const Json spec = Field(body, "model") ? body["model"] : Json(single_default);
    models.push_back(ModelOf(spec, Field(body, "params")));
    return models;
  }
  return AllModels();
}

// The models of a request as [{"name", "params": {NAME: text}}], for a saved sweep's request.
Json ModelSpecsOf(const Json& body, const std::string& single_default) {
  const auto normalise = [](const Json& spec, const Json* params) {
    Json out{{"name", spec.is_object() ? Json(spec.value("name", std::string())) : spec},
             {"params", Json::object()}};
    if (spec.is_object()) params = Field(spec, "params");
    if (params != nullptr && params->is_object()) {
      for (const auto& [key, value] : params->items()) out["params"][key] = ParamText(value);
    }
    return out;
  };
  Json specs = Json::array();
  if (const Json* list = Field(body, "models")) {
    for (const Json& spec : *list) specs.push_back(normalise(spec, nullptr));
  } else if (Field(body, "model") != nullptr || !single_default.empty()) {
    specs.push_back(normalise(Field(body, "model") ? body["model"] : Json(single_default),
                              Field(body, "params")));
  } else {
    for (const ModelInfo& info : BuiltinModels().models()) {
      specs.push_back(normalise(Json(info.name), nullptr));
    }
  }
  return specs;
}

Plan PlanOf(const Json& body, const ScenarioWithLevers& input) {
  const std::string spec = StringField(body, "plan", "");
  if (spec.empty()) return Plan{"baseline", "no lever", {}};
  return ParsePlanSpec(input.scenario, input.levers, spec);
}

SweepOptions SweepOptionsOf(const Json& body, int default_draws) {
  SweepOptions options;
  options.draws = static_cast<int>(IntegerField(body, "draws", default_draws, 1, 1000000));
  options.seed = SeedField(body);
  options.threads = ResolveThreads(static_cast<int>(IntegerField(body, "threads", 0, 0, 1024)));
  options.distribution = ParseDistribution(StringField(body, "distribution", "triangular"));
  // Probabilities and intervals include each model's own error unless "model_error": false
  // (docs/calibration.md); the shipped calibration.
  if (BoolField(body, "model_error", true)) options.calibration = &BuiltinCalibration();
  return options;
}

Json ModelsJson() {
  Json models = Json::array();
  for (const ModelInfo& info : BuiltinModels().models()) {
    Json params = Json::array();
    for (const ParamSpec& spec : info.params) {
      Json item{{"name", spec.name},
                {"type", ParamTypeName(spec.type)},
                {"default", spec.default_value},
                {"description", spec.description}};
      if (!spec.choices.empty()) item["choices"] = spec.choices;
      if (spec.type == ParamType::kInteger || spec.type == ParamType::kNumber) {
        if (spec.min > -1e299) item["min"] = spec.min;
        if (spec.max < 1e299) item["max"] = spec.max;
      }
      params.push_back(item);
    }
    models.push_back({{"name", info.name},
                      {"summary", info.summary},
                      {"uses_seed", info.uses_seed},
                      {"params", params}});
  }
  return Json{{"models", models}};
}

Json LeversJson(const LeverSet& levers) {
  Json list = Json::array();
  for (const Lever& lever : levers.levers) {
    Json item{{"name", lever.name}, {"description", lever.description}};
    item["magnitude"] = {{"central", lever.magnitude.central},
                         {"low", lever.magnitude.low.value_or(lever.magnitude.central)},
                         {"high", lever.magnitude.high.value_or(lever.magnitude.central)}};
    item["unit"] = lever.unit;
    item["excluded"] = !lever.excluded.empty();
    list.push_back(item);
  }
  Json plans = Json::array();
  for (const Plan& plan : levers.plans) {
    plans.push_back({{"name", plan.name}, {"description", plan.description}});
  }
  return Json{{"levers", list}, {"plans", plans}};
}

// ---------------------------------------------------------------------------------------------
// Jobs: long analyses run on their own thread, report progress in steps and stop at the next
// step when cancelled.

struct Job {
  std::int64_t id = 0;
  std::string kind;
  std::atomic<int> steps_done{0};
  std::atomic<int> steps_total{1};
  std::atomic<bool> cancel{false};
  std::mutex mutex;                // guards status, result, error, run_id
  std::string status = "running";  // running, done, cancelled, failed
  Json result;
  std::string error;
  std::int64_t run_id = 0;
  std::thread thread;
};

struct JobCancelled {};

// httplib's server with its request processing reachable without a socket (AnswerRaw).
class RawServer : public httplib::Server {
 public:
  std::string Answer(const std::string& request) {
    httplib::detail::BufferStream stream;
    stream.write(request.data(), request.size());
    bool connection_closed = false;
    process_request(stream, /*close_connection=*/true, connection_closed, [](httplib::Request&) {});
    return stream.get_buffer().substr(request.size());
  }
};

}  // namespace

struct ApiServer::State {
  ServerOptions options;
  RawServer server;
  int port = 0;

  std::mutex store_mutex;
  std::unique_ptr<RunStore> store;

  std::mutex jobs_mutex;
  std::map<std::int64_t, std::shared_ptr<Job>> jobs;
  std::int64_t next_job = 1;

  // Runs `action` on the store (opened on first use) under its lock.
  template <typename Action>
  auto WithStore(Action action) {
    std::lock_guard<std::mutex> lock(store_mutex);
    if (!store)
      store = std::make_unique<RunStore>(options.db.empty() ? RunStore::DefaultPath() : options.db);
    return action(*store);
  }

  // The store, opened on first use; RunStore locks itself, so jobs may use it directly.
  RunStore* Store() {
    return WithStore([](RunStore& opened) { return &opened; });
  }

  // Saves a finished job's result as a complete run and records the run's id on the job.
  void SaveJobRun(Job& job, const Scenario& scenario, const RunHeader& header, const Json& out) {
    const std::int64_t id =
        WithStore([&](RunStore& store) { return store.SaveRun(scenario, header, {}, out); });
    std::lock_guard<std::mutex> lock(job.mutex);
    job.run_id = id;
  }

  // A job that computes the missing models of a saved sweep (new or interrupted).
  std::shared_ptr<Job> StartSavedSweep(RunStore* store, std::int64_t run_id, int threads) {
    auto job = StartJob("sweep", [store, run_id, threads](Job& job) -> Json {
      SweepContinuation continuation;
      continuation.threads = threads;
      continuation.progress = [&job](int done, int total) {
        job.steps_total = total;
        job.steps_done = done;
      };
      continuation.cancelled = [&job] { return job.cancel.load(); };
      const std::optional<Json> result = ContinueSavedSweep(*store, run_id, continuation);
      if (!result) throw JobCancelled{};
      return *result;
    });
    std::lock_guard<std::mutex> lock(job->mutex);
    job->run_id = run_id;
    return job;
  }

  RunHeader Header(const std::string& kind, const std::vector<ModelChoice>& models,
                   std::uint64_t seed, const Json& plan, const Json& run_options) const {
    RunHeader header;
    header.kind = kind;
    for (const ModelChoice& model : models) {
      header.models.push_back(model.info->name);
      header.params[model.info->name] = DetailToJson(model.params.ToDetail());
    }
    header.seed = seed;
    header.plan = plan;
    header.options = run_options;
    header.program_version = options.program_version;
    return header;
  }

  // Forgets the oldest finished jobs beyond options.max_finished_jobs. Call under jobs_mutex. A
  // finished job's thread has only its exit left, so joining it is immediate.
  void PruneFinishedJobs() {
    std::vector<std::int64_t> finished;  // oldest first: the map orders ids
    for (const auto& [id, job] : jobs) {
      std::lock_guard<std::mutex> lock(job->mutex);
      if (job->status != "running") finished.push_back(id);
    }
    for (std::size_t k = 0; k + options.max_finished_jobs < finished.size(); ++k) {
      const auto found = jobs.find(finished[k]);
      if (found->second->thread.joinable()) found->second->thread.join();
      jobs.erase(found);
    }
  }

  std::shared_ptr<Job> StartJob(const std::string& kind, std::function<Json(Job&)> work) {
    auto job = std::make_shared<Job>();
    job->kind = kind;
    {
      std::lock_guard<std::mutex> lock(jobs_mutex);
      PruneFinishedJobs();
      job->id = next_job++;
      jobs[job->id] = job;
    }
    // Held while the thread is stored, so that no one sees the job finished (and joins its
    // thread) before job->thread is set.
    std::lock_guard<std::mutex> started(job->mutex);
    job->thread = std::thread([job, work = std::move(work)] {
      std::string status = "done";
      Json result;
      std::string error;
      try {
        result = work(*job);
      } catch (const JobCancelled&) {
        status = "cancelled";
      } catch (const std::exception& failure) {
        status = "failed";
        error = failure.what();
      }
      std::lock_guard<std::mutex> lock(job->mutex);
      job->status = status;
      job->result = std::move(result);
      job->error = std::move(error);
    });
    return job;
  }

  void StopJobs() {
    std::map<std::int64_t, std::shared_ptr<Job>> all;
    {
      std::lock_guard<std::mutex> lock(jobs_mutex);
      all.swap(jobs);  // nothing else joins these threads from now on
    }
    for (auto& [id, job] : all) job->cancel = true;
    for (auto& [id, job] : all) {
      if (job->thread.joinable()) job->thread.join();
    }
  }
};

namespace {

// The charset parameter also keeps cpp-httplib from compressing JSON: it compresses exactly
// "application/json" whenever the client accepts it, with Brotli at its slowest quality, which
// cost Chromium 0.3 to 1.5 s per comparison (~150 kB with its charts) on loopback.
constexpr char kJsonType[] = "application/json; charset=utf-8";

void SendJson(httplib::Response& response, const Json& json, int status = 200) {
  response.status = status;
  // Messages may quote what the client sent (a path, a name); bytes that are not UTF-8 are
  // replaced rather than failing the answer.
  response.set_content(json.dump(-1, ' ', false, Json::error_handler_t::replace), kJsonType);
}

// 202 Accepted for a started job: its id, where to poll it, and the run it saves to, if any.
void SendJobAccepted(httplib::Response& response, const Job& job,
                     std::optional<std::int64_t> run_id = std::nullopt) {
  Json body{{"job", job.id}};
  if (run_id) body["run_id"] = *run_id;
  body["status_url"] = "/api/jobs/" + std::to_string(job.id);
  SendJson(response, body, 202);
}

void SendError(httplib::Response& response, int status, const std::string& message) {
  SendJson(response, Json{{"error", message}}, status);
}

// Wraps a handler: bad input → 400 with the message; anything else → 500.
httplib::Server::Handler Guarded(
    std::function<void(const httplib::Request&, httplib::Response&)> handler) {
  return
      [handler = std::move(handler)](const httplib::Request& request, httplib::Response& response) {
        try {
          handler(request, response);
        } catch (const InputError& error) {
          SendError(response, 400, error.what());
        } catch (const Json::exception& error) {
          SendError(response, 400, std::string("request: ") + error.what());
        } catch (const std::exception& error) {
          SendError(response, 500, std::string("internal error: ") + error.what());
        }
      };
}

std::int64_t IdOf(const httplib::Request& request) {
  const std::optional<double> id = ParseNumber(request.matches[1].str());
  if (!id || *id < 1 || *id != static_cast<double>(static_cast<std::int64_t>(*id))) {
    throw InputError("id: expected a positive integer");
  }
  return static_cast<std::int64_t>(*id);
}

Json JobJson(Job& job) {
  std::lock_guard<std::mutex> lock(job.mutex);
  Json out{{"id", job.id},
           {"kind", job.kind},
           {"status", job.status},
           {"steps_done", job.steps_done.load()},
           {"steps_total", job.steps_total.load()},
           {"progress",
            job.steps_total > 0 ? static_cast<double>(job.steps_done) / job.steps_total : 1.0}};
  if (job.run_id > 0) out["run_id"] = job.run_id;
  if (job.status == "done") out["result"] = job.result;
  if (job.status == "failed") out["error"] = job.error;
  return out;
}

void CheckCancelled(const Job& job) {
  if (job.cancel) throw JobCancelled{};
}

}  // namespace

ApiServer::ApiServer(ServerOptions options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  State& state = *state_;
  httplib::Server& server = state.server;
  server.set_payload_max_length(state.options.max_body_bytes);
  server.set_read_timeout(state.options.read_timeout_seconds, 0);
  server.set_keep_alive_timeout(state.options.read_timeout_seconds);
  // Small answers go out at once rather than waiting for the client's delayed ACK.
  server.set_tcp_nodelay(true);

  server.Get("/api/health", [&state](const httplib::Request&, httplib::Response& response) {
    SendJson(response, Json{{"status", "ok"}, {"version", state.options.program_version}});
  });

  server.Get("/api/models", Guarded([](const httplib::Request&, httplib::Response& response) {
               SendJson(response, ModelsJson());
             }));

  server.Get("/api/scenario", Guarded([](const httplib::Request&, httplib::Response& response) {
               Json out{{"file", BuiltinScenarioFileName()}, {"document", BuiltinDocument()}};
               out.update(LeversJson(BuiltinScenarioWithLevers().levers));
               SendJson(response, out);
             }));

  server.Post("/api/validate",
              Guarded([](const httplib::Request& request, httplib::Response& response) {
                const Json body = ParseBody(request);
                const ScenarioWithLevers input = ScenarioOf(body);
                Json out{{"valid", true},
                         {"scenario", input.scenario.name},
                         {"actors", input.scenario.ActorCount()},
                         {"issues", input.scenario.IssueCount()}};
                out.update(LeversJson(input.levers));
                SendJson(response, out);
              }));

  // POST /api/run {document?, model, params?, seed?, plan?, save?}: `statecraft run --format
  // json`; the saved run's id is in the X-Statecraft-Run-Id header.
  server.Post(
      "/api/run", Guarded([&state](const httplib::Request& request, httplib::Response& response) {
        const Json body = ParseBody(request);
        const ScenarioWithLevers input = ScenarioOf(body);
        const ModelChoice model = ModelsOf(body, "compromise").front();
        const std::uint64_t seed = SeedField(body);
        const Plan plan = PlanOf(body, input);
        const std::vector<AppliedLever> levers = ResolvePlan(input.levers, plan);
        const bool save = BoolField(body, "save", state.options.save);
        const Forecast forecast = levers.empty()
                                      ? RunModel(*model.info, *model.info->create(model.params),
                                                 model.params, input.scenario, seed)
                                      : RunWithLevers(input.scenario, model, {}, levers, seed);
        const Json result = ForecastToJson(input.scenario, forecast);
        if (save) {
          const std::int64_t id = state.WithStore([&](RunStore& store) {
            return store.SaveRun(
                input.scenario,
                state.Header("run", {model}, seed,
                             levers.empty() ? Json(nullptr) : AppliedLeversToJson(levers),
                             Json::object()),
                {forecast}, result);
          });
          response.set_header("X-Statecraft-Run-Id", std::to_string(id));
        }
        SendJson(response, result);
      }));

  // POST /api/compare {document?, models?, seed?, plan?, save?} → {"models": [...]}, as
  // `statecraft compare --format json`; ?charts=1 adds the report's charts of these forecasts.
  server.Post(
      "/api/compare",
      Guarded([&state](const httplib::Request& request, httplib::Response& response) {
        const Json body = ParseBody(request);
        const ScenarioWithLevers input = ScenarioOf(body);
        const std::vector<ModelChoice> models = ModelsOf(body, "");
        const std::uint64_t seed = SeedField(body);
        const Plan plan = PlanOf(body, input);
        const std::vector<AppliedLever> levers = ResolvePlan(input.levers, plan);
        const bool save = BoolField(body, "save", state.options.save);
        std::vector<Forecast> forecasts;
        Json list = Json::array();
        for (const ModelChoice& model : models) {
          forecasts.push_back(levers.empty()
                                  ? RunModel(*model.info, *model.info->create(model.params),
                                             model.params, input.scenario, seed)
                                  : RunWithLevers(input.scenario, model, {}, levers, seed));
          list.push_back(ForecastToJson(input.scenario, forecasts.back()));
        }
        Json result{{"models", list}};
        if (save) {
          const std::int64_t id = state.WithStore([&](RunStore& store) {
            return store.SaveRun(
                input.scenario,
                state.Header("compare", models, seed,
                             levers.empty() ? Json(nullptr) : AppliedLeversToJson(levers),
                             Json::object()),
                forecasts, result);
          });
          response.set_header("X-Statecraft-Run-Id", std::to_string(id));
        }
        if (request.get_param_value("charts") == "1") {
          const Json data{{"scenario", ScenarioToReportJson(input.scenario)}, {"forecasts", list}};
          result["charts"] = RenderCharts(data);
        }
        SendJson(response, result);
      }));

  // POST /api/sweep {document?, model | models, params?, plan?, draws?, seed?, threads?,
  // distribution?, target?, drivers?, save?} → 202 {"job"}; one step per model.
  server.Post(
      "/api/sweep", Guarded([&state](const httplib::Request& request, httplib::Response& response) {
        const Json body = ParseBody(request);
        auto input = std::make_shared<ScenarioWithLevers>(ScenarioOf(body));
        const std::vector<ModelChoice> models = ModelsOf(body, "compromise");
        const Plan plan = PlanOf(body, *input);
        const SweepOptions options = SweepOptionsOf(body, 1000);
        std::optional<Target> target;
        if (const std::string text = StringField(body, "target", ""); !text.empty()) {
          target = ParseTarget(input->scenario, text);
        }
        const int drivers = static_cast<int>(IntegerField(body, "drivers", 10, 1, 1000));
        const bool save = BoolField(body, "save", state.options.save);
        if (save) {
          SavedSweepRequest saved;
          if (const Json* document = Field(body, "document")) saved.document = *document;
          saved.models = ModelSpecsOf(body, "compromise");
          saved.plan = StringField(body, "plan", "");
          saved.draws = options.draws;
          saved.seed = options.seed;
          saved.distribution = DistributionName(options.distribution);
          saved.target = target ? target->text : "";
          saved.drivers = drivers;
          saved.calibration = options.calibration != nullptr ? Json("built in") : Json(nullptr);
          RunStore* store = state.Store();
          const std::int64_t run_id = BeginSavedSweep(*store, saved, state.options.program_version);
          auto job = state.StartSavedSweep(store, run_id, options.threads);
          SendJobAccepted(response, *job, run_id);
          return;
        }
        auto job = state.StartJob("sweep", [&state, input, models, plan, options, target, drivers,
                                            save](Job& job) {
          job.steps_total = static_cast<int>(models.size());
          const SweepPlan sweep_plan = MakeSweepPlan(input->levers, plan);
          const Json levers = AppliedLeversToJson(ResolvePlan(input->levers, plan));
          std::int64_t run_id = 0;
          if (save) {
            RunHeader header = state.Header(
                "sweep", models, options.seed, Json{{"plan", plan.name}, {"levers", levers}},
                Json{{"draws", options.draws},
                     {"distribution", DistributionName(options.distribution)},
                     {"target", target ? Json(target->text) : Json(nullptr)}});
            header.draws_planned = options.draws;
            run_id = state.WithStore(
                [&](RunStore& store) { return store.BeginRun(input->scenario, header); });
            std::lock_guard<std::mutex> lock(job.mutex);
            job.run_id = run_id;
          }
          Json results = Json::array();
          for (const ModelChoice& model : models) {
            CheckCancelled(job);
            const SweepResult result =
                RunSweep(input->scenario, sweep_plan, *model.info, model.params, options);
            Json item{{"scenario", input->scenario.name},
                      {"model", model.info->name},
                      {"plan", plan.name},
                      {"levers", levers}};
            std::string error_entry;
            const std::vector<IssueError> errors =
                BindIssueErrors(options.calibration, ModelLabel(model),
                                ScenarioForError(input->scenario, sweep_plan), &error_entry);
            item.update(SweepToJson(input->scenario, result, options, target, drivers, errors,
                                    error_entry));
            results.push_back(item);
            if (save) {
              state.WithStore([&](RunStore& store) {
                store.SaveDraws(run_id, model.info->name, 0, result.issue_count, result.outcomes);
                return 0;
              });
            }
            ++job.steps_done;
          }
          Json out = results.size() == 1 ? results.front() : Json{{"models", results}};
          if (save) {
            state.WithStore([&](RunStore& store) {
              store.FinishRun(run_id, input->scenario, {}, out);
              return 0;
            });
          }
          return out;
        });
        SendJobAccepted(response, *job);
      }));

  // POST /api/whatif {document?, plans?, models?, draws?, seed?, threads?, target?, save?} →
  // 202 {"job"}; one step per model.
  server.Post(
      "/api/whatif",
      Guarded([&state](const httplib::Request& request, httplib::Response& response) {
        const Json body = ParseBody(request);
        auto input = std::make_shared<ScenarioWithLevers>(ScenarioOf(body));
        const std::vector<ModelChoice> models = ModelsOf(body, "");
        const SweepOptions options = SweepOptionsOf(body, 500);
        std::optional<Target> target;
        if (const std::string text = StringField(body, "target", ""); !text.empty()) {
          target = ParseTarget(input->scenario, text);
        }
        std::vector<Plan> plans = input->levers.plans;
        if (const Json* names = Field(body, "plans")) {
          if (!names->is_array()) throw InputError("plans: expected a list of plan specs");
          plans.clear();
          for (const Json& name : *names) {
            if (!name.is_string()) throw InputError("plans: expected strings");
            plans.push_back(ParsePlanSpec(input->scenario, input->levers, name.get<std::string>()));
          }
        }
        const bool save = BoolField(body, "save", state.options.save);
        auto job = state.StartJob(
            "whatif", [&state, input, models, plans, options, target, save](Job& job) {
              job.steps_total = static_cast<int>(models.size());
              WhatifResult merged;
              for (const ModelChoice& model : models) {
                CheckCancelled(job);
                WhatifResult one =
                    RunWhatif(input->scenario, input->levers, plans, {model}, options, target);
                if (merged.cases.empty()) {
                  merged = std::move(one);
                } else {
                  for (std::size_t k = 0; k < merged.cases.size(); ++k) {
                    for (WhatifCell& cell : one.cases[k].cells) {
                      merged.cases[k].cells.push_back(std::move(cell));
                    }
                  }
                }
                ++job.steps_done;
              }
              const Json out = WhatifToJson(input->scenario, merged, options);
              if (save) {
                Json plan_names = Json::array();
                for (const Plan& plan : plans) plan_names.push_back(plan.name);
                state.SaveJobRun(job, input->scenario,
                                 state.Header("whatif", models, options.seed, plan_names,
                                              Json{{"draws", options.draws}}),
                                 out);
              }
              return out;
            });
        SendJobAccepted(response, *job);
      }));

  // POST /api/optimize {document?, target, probability?, budget?, models?, draws?, seed?,
  // threads?, save?} → 202 {"job"}.
  server.Post(
      "/api/optimize",
      Guarded([&state](const httplib::Request& request, httplib::Response& response) {
        const Json body = ParseBody(request);
        auto input = std::make_shared<ScenarioWithLevers>(ScenarioOf(body));
        const std::vector<ModelChoice> models = ModelsOf(body, "");
        OptimizeOptions options;
        options.sweep = SweepOptionsOf(body, 200);
        const std::string target = StringField(body, "target", "");
        if (target.empty()) throw InputError("target: required, e.g. \"munitions<=25\"");
        options.target = ParseTarget(input->scenario, target);
        options.probability = NumberField(body, "probability", 0.8);
        CheckProbability(options.probability);
        if (Field(body, "budget") != nullptr) options.budget = NumberField(body, "budget", 0);
        const bool save = BoolField(body, "save", state.options.save);
        auto job = state.StartJob("optimize", [&state, input, models, options, save](Job& job) {
          job.steps_total = 1;
          CheckCancelled(job);
          // Progress counts the candidate plans weighed; Cancel stops the search between plans.
          OptimizeOptions watched = options;
          watched.progress = [&job](std::size_t weighed, std::size_t candidates) {
            job.steps_total = static_cast<int>(std::max<std::size_t>(candidates, 1));
            job.steps_done = static_cast<int>(weighed);
          };
          watched.cancelled = [&job] { return job.cancel.load(); };
          const OptimizeResult result = Optimize(input->scenario, input->levers, models, watched);
          CheckCancelled(job);
          const Json out = OptimizeToJson(result, options, models);
          job.steps_done = job.steps_total.load();
          if (save) {
            state.SaveJobRun(job, input->scenario,
                             state.Header("optimize", models, options.sweep.seed, nullptr,
                                          Json{{"draws", options.sweep.draws},
                                               {"target", options.target.text},
                                               {"probability", options.probability}}),
                             out);
          }
          return out;
        });
        SendJobAccepted(response, *job);
      }));

  server.Get(R"(/api/jobs/([^/]+))",
             Guarded([&state](const httplib::Request& request, httplib::Response& response) {
               const std::int64_t id = IdOf(request);
               std::shared_ptr<Job> job;
               {
                 std::lock_guard<std::mutex> lock(state.jobs_mutex);
                 const auto found = state.jobs.find(id);
                 if (found != state.jobs.end()) job = found->second;
               }
               if (!job) return SendError(response, 404, "no job " + std::to_string(id));
               SendJson(response, JobJson(*job));
             }));

  server.Delete(R"(/api/jobs/([^/]+))",
                Guarded([&state](const httplib::Request& request, httplib::Response& response) {
                  const std::int64_t id = IdOf(request);
                  std::shared_ptr<Job> job;
                  {
                    std::lock_guard<std::mutex> lock(state.jobs_mutex);
                    const auto found = state.jobs.find(id);
                    if (found != state.jobs.end()) job = found->second;
                  }
                  if (!job) return SendError(response, 404, "no job " + std::to_string(id));
                  job->cancel = true;
                  SendJson(response, JobJson(*job));
                }));

  // POST /api/runs/ID/resume: completes a sweep that was interrupted (its finished models are
  // not computed again) → 202 {"job"}.
  server.Post(R"(/api/runs/([^/]+)/resume)",
              Guarded([&state](const httplib::Request& request, httplib::Response& response) {
                const std::int64_t id = IdOf(request);
                RunStore* store = state.Store();
                const std::optional<StoredRun> run = store->Get(id);
                if (!run) return SendError(response, 404, "no run " + std::to_string(id));
                if (run->kind != "sweep" || !run->options.contains("request")) {
                  throw InputError("run " + std::to_string(id) + " is not a resumable sweep");
                }
                auto job = state.StartSavedSweep(store, id, 0);
                SendJobAccepted(response, *job, id);
              }));

  server.Get("/api/runs",
             Guarded([&state](const httplib::Request& request, httplib::Response& response) {
               int limit = 50;
               if (request.has_param("limit")) {
                 const std::optional<double> value = ParseNumber(request.get_param_value("limit"));
                 if (!value || *value < 0) throw InputError("limit: expected 0 or more");
                 limit = static_cast<int>(*value);
               }
               const std::vector<StoredRun> runs =
                   state.WithStore([&](RunStore& store) { return store.List(limit); });
               Json list = Json::array();
               for (const StoredRun& run : runs) {
                 list.push_back({{"id", run.id},
                                 {"kind", run.kind},
                                 {"status", run.status},
                                 {"scenario", run.scenario_name},
                                 {"models", run.models},
                                 {"seed", run.seed},
                                 {"created_at", run.created_at},
                                 {"draws_planned", run.draws_planned},
                                 {"draws_saved", run.draws_saved}});
               }
               SendJson(response, Json{{"runs", list}});
             }));

  server.Get(R"(/api/runs/([^/]+))",
             Guarded([&state](const httplib::Request& request, httplib::Response& response) {
               const std::int64_t id = IdOf(request);
               const Json exported = state.WithStore([&](RunStore& store) -> Json {
                 if (!store.Get(id)) return nullptr;
                 return store.Export(id);
               });
               if (exported.is_null())
                 return SendError(response, 404, "no run " + std::to_string(id));
               SendJson(response, exported);
             }));

  server.Get(R"(/api/runs/([^/]+)/report)",
             Guarded([&state](const httplib::Request& request, httplib::Response& response) {
               const std::int64_t id = IdOf(request);
               const std::optional<StoredRun> run =
                   state.WithStore([&](RunStore& store) { return store.Get(id); });
               if (!run) return SendError(response, 404, "no run " + std::to_string(id));
               if (run->status != "complete") {
                 return SendError(response, 409, "run " + std::to_string(id) + " is not complete");
               }
               response.set_content(
                   RenderReportHtml(ReportDataFromStoredRun(
                       run->kind, run->scenario_json, run->result, state.options.program_version)),
                   "text/html; charset=utf-8");
             }));

  server.Delete(R"(/api/runs/([^/]+))",
                Guarded([&state](const httplib::Request& request, httplib::Response& response) {
                  const std::int64_t id = IdOf(request);
                  const bool removed =
                      state.WithStore([&](RunStore& store) { return store.Delete(id); });
                  if (!removed) return SendError(response, 404, "no run " + std::to_string(id));
                  SendJson(response, Json{{"deleted", id}});
                }));

  // Static files: only the compiled-in table is served; a path with ".." is refused outright.
  server.Get(R"(/.*)", [](const httplib::Request& request, httplib::Response& response) {
    const std::string& path = request.path;
    if (path.rfind("/api/", 0) == 0 || path == "/api") {
      return SendError(response, 404, "no API route GET " + path);
    }
    if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos) {
      return SendError(response, 400, "path refused: " + path);
    }
    const StaticAsset* asset = FindStaticAsset(path == "/" ? "/index.html" : path);
    if (asset == nullptr) return SendError(response, 404, "no file " + path);
    response.set_content(asset->content, asset->content_type);
  });

  server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    if (response.status == 413) {
      SendError(response, 413, "request body too large");
    } else if (response.status == 404) {
      SendError(response, 404, "no route " + request.method + " " + request.path);
    } else {
      SendError(response, response.status, "HTTP error " + std::to_string(response.status));
    }
  });
}

ApiServer::~ApiServer() {
  Stop();
  state_->StopJobs();
}

int ApiServer::Bind() {
  const std::string& host = state_->options.host;
  if (state_->options.port == 0) {
    state_->port = state_->server.bind_to_any_port(host);
  } else {
    state_->port =
        state_->server.bind_to_port(host, state_->options.port) ? state_->options.port : -1;
  }
  if (state_->port <= 0) {
    throw std::runtime_error("cannot listen on " + host + ":" +
                             std::to_string(state_->options.port));
  }
  return state_->port;
}

void ApiServer::Serve() { state_->server.listen_after_bind(); }

void ApiServer::Stop() { state_->server.stop(); }

std::string ApiServer::AnswerRaw(const std::string& request) {
  return state_->server.Answer(request);
}

}  // namespace statecraft::web

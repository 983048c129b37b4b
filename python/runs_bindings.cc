// Saved runs in Python: the run store's runs listed, shown, exported and deleted, as
// `statecraft runs list|show|export|delete --format json` print them.
#include <pybind11/stl.h>

#include "python/bindings.h"
#include "statecraft/app/runs_commands.h"

namespace statecraft::python {
namespace {

std::string StorePath(const py::object& db) {
  if (db.is_none()) return std::string();
  return py::str(py::module_::import("os").attr("fspath")(db)).cast<std::string>();
}

}  // namespace

void BindRuns(py::module_& module) {
  module.def(
      "list_runs",
      [](std::int64_t limit, const py::object& db) {
        app::StoreAccess store(StorePath(db));
        return JsonToPython(app::RunsListOutputToJson(
            Unwrap(Released([&] { return app::ListRuns({limit}, store); }))));
      },
      py::arg("limit") = 20, py::kw_only(), py::arg("db") = py::none(),
      "The saved runs, newest first (limit 0: all), as `statecraft runs list --format json`: "
      "{store, runs: [{id, kind, status, scenario, scenario_hash, models, seed, program_version, "
      "created_at, finished_at, draws_planned, draws_saved}]}. db: the store (default: the "
      "CLI's).");
  module.def(
      "show_run",
      [](std::int64_t id, const py::object& db) {
        app::StoreAccess store(StorePath(db));
        return JsonToPython(
            app::RunShowOutputToJson(Unwrap(Released([&] { return app::ShowRun({id}, store); }))));
      },
      py::arg("id"), py::kw_only(), py::arg("db") = py::none(),
      "One run's header, parameters, plan, options and result (`statecraft runs show --format "
      "json`); statecraft.NotFoundError when there is no such run.");
  module.def(
      "export_run",
      [](std::int64_t id, const py::object& db) {
        app::StoreAccess store(StorePath(db));
        return JsonToPython(Unwrap(Released([&] { return app::ExportRun({id}, store); })));
      },
      py::arg("id"), py::kw_only(), py::arg("db") = py::none(),
      "Everything about a run as one document (`statecraft runs export`).");
  module.def(
      "delete_run",
      [](std::int64_t id, const py::object& db) {
        app::StoreAccess store(StorePath(db));
        const std::int64_t deleted = Unwrap(Released([&] { return app::DeleteRun({id}, store); }));
        return JsonToPython(Json{{"deleted", deleted}});
      },
      py::arg("id"), py::kw_only(), py::arg("db") = py::none(),
      "Deletes a run: {deleted: id}; statecraft.NotFoundError when there is no such run.");
}

}  // namespace statecraft::python

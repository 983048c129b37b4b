#include "statecraft/app/context.h"

#include "statecraft/app/outcome.h"

namespace statecraft::app {

StoreAccess::StoreAccess(std::string path)
    : path_(path.empty() ? RunStore::DefaultPath() : std::move(path)) {}

RunStore& StoreAccess::Open() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!store_) store_ = std::make_unique<RunStore>(path_);
  return *store_;
}

SaveReport SaveRun(const Context& context, const std::function<std::int64_t(RunStore&)>& save) {
  SaveReport report;
  if (context.save_to == nullptr) return report;
  try {
    report.run_id = save(context.save_to->Open());
  } catch (const std::exception& error) {
    report.warning = std::string("the run was not saved: ") + error.what();
    return report;
  }
  if (context.run_started) context.run_started(report.run_id);
  return report;
}

void CheckCancelled(const Context& context) {
  if (context.cancelled && context.cancelled()) {
    throw RequestError(ErrorCode::kCancelled, "cancelled");
  }
}

}  // namespace statecraft::app

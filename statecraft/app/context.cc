#include "statecraft/app/context.h"

#include "statecraft/app/outcome.h"

namespace statecraft::app {

StoreAccess::StoreAccess(std::string path)
    : path_(path.empty() ? RunStore::DefaultPath() : std::move(path)) {}

std::shared_ptr<RunStore> StoreAccess::Open(StoreMode mode) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (store_) return store_;
  auto store = std::make_shared<RunStore>(path_, mode);
  if (store->writable()) store_ = store;
  return store;
}

SaveReport SaveRun(const Context& context, const std::function<std::int64_t(RunStore&)>& save) {
  SaveReport report;
  if (context.save_to == nullptr) return report;
  try {
    report.run_id = save(*context.save_to->Open());
  } catch (const DamagedStoreError&) {
    throw;  // a damaged store ends the command (exit 2): nothing keeps writing into it unnoticed
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

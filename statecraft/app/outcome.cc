#include "statecraft/app/outcome.h"

#include <exception>
#include <new>

#include "statecraft/analysis/sweep.h"

namespace statecraft::app {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadInput:
      return "bad_input";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kCancelled:
      return "cancelled";
    case ErrorCode::kInternal:
      break;
  }
  return "internal";
}

void FailField(const std::string& key, const std::string& text) {
  ErrorLocation location;
  location.key = key;
  throw InputError(key + ": " + text, std::move(location));
}

Error CurrentError() {
  try {
    throw;
  } catch (const RequestError& error) {
    return Error{error.code(), error.what(), error.location()};
  } catch (const InputError& error) {
    return Error{ErrorCode::kBadInput, error.what(), error.location()};
  } catch (const SweepCancelled&) {
    return Error{ErrorCode::kCancelled, "cancelled", {}};
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kInternal, "out of memory", {}};
  } catch (const std::exception& error) {
    return Error{ErrorCode::kInternal, error.what(), {}};
  } catch (...) {
    return Error{ErrorCode::kInternal, "unknown failure", {}};
  }
}

}  // namespace statecraft::app

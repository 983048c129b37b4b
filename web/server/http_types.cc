#include "web/server/http_types.h"

namespace statecraft::web {

HttpResponse JsonResponse(const Json& json, int status) {
  HttpResponse response;
  response.status = status;
  response.body = json.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

int HttpStatus(app::ErrorCode code) {
  switch (code) {
    case app::ErrorCode::kBadInput:
      return 400;
    case app::ErrorCode::kNotFound:
      return 404;
    case app::ErrorCode::kConflict:
      return 409;
    default:
      return 500;
  }
}

Json ErrorJson(const app::Error& error) {
  Json out{{"error", error.message}, {"code", app::ErrorCodeName(error.code)}};
  if (!error.location.empty()) {
    Json location = Json::object();
    if (!error.location.file.empty()) location["file"] = error.location.file;
    if (error.location.line > 0) location["line"] = error.location.line;
    if (error.location.column > 0) location["column"] = error.location.column;
    if (!error.location.key.empty()) location["key"] = error.location.key;
    out["location"] = location;
  }
  return out;
}

HttpResponse ErrorResponse(const app::Error& error) {
  return JsonResponse(ErrorJson(error), HttpStatus(error.code));
}

HttpResponse ErrorResponse(int status, const std::string& message) {
  const app::ErrorCode code = status == 404   ? app::ErrorCode::kNotFound
                              : status == 409 ? app::ErrorCode::kConflict
                              : status < 500  ? app::ErrorCode::kBadInput
                                              : app::ErrorCode::kInternal;
  return JsonResponse(ErrorJson(app::Error{code, message, {}}), status);
}

}  // namespace statecraft::web

#include "web/server/request_decoding.h"

#include <cmath>

#include "statecraft/app/outcome.h"
#include "statecraft/io/csv.h"

namespace statecraft::web {

Json ParseBody(const HttpRequest& request) {
  if (request.body.empty()) return Json::object();
  Json body;
  try {
    body = Json::parse(request.body);
  } catch (const Json::parse_error& error) {
    app::FailField("request", std::string("the body is not valid JSON: ") + error.what());
  }
  if (!body.is_object()) {
    std::string shown = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
    app::FailField("request", "found " + shown + ", expected a JSON object");
  }
  return body;
}

std::int64_t IdOf(const HttpRequest& request) {
  const std::string text = request.captures.empty() ? "" : request.captures.front();
  const std::optional<double> id = ParseNumber(text);
  if (!id || *id < 1 || *id > 9e15 || *id != std::floor(*id)) {
    app::FailField("id", "found '" + text + "', expected a positive integer");
  }
  return static_cast<std::int64_t>(*id);
}

std::int64_t QueryInteger(const HttpRequest& request, const std::string& key,
                          std::int64_t fallback) {
  const auto found = request.query.find(key);
  if (found == request.query.end()) return fallback;
  const std::optional<double> value = ParseNumber(found->second);
  if (!value || *value != std::floor(*value) || std::abs(*value) > 9e15) {
    app::FailField(key, "found '" + found->second + "', expected an integer");
  }
  return static_cast<std::int64_t>(*value);
}

}  // namespace statecraft::web

// The HTTP API's requests and responses as plain values, independent of the HTTP library: the
// route table (routes.h) maps a decoded request to a status and a body, and only api_server.cc
// knows cpp-httplib. Another server library needs only another binding.
#ifndef STATECRAFT_WEB_SERVER_HTTP_TYPES_H_
#define STATECRAFT_WEB_SERVER_HTTP_TYPES_H_

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "statecraft/app/outcome.h"
#include "statecraft/io/json_output.h"

namespace statecraft::web {

// The charset parameter also keeps cpp-httplib from compressing JSON: it compresses exactly
// "application/json" whenever the client accepts it, with Brotli at its slowest quality, which
// cost Chromium 0.3 to 1.5 s per comparison (~150 kB with its charts) on loopback.
inline constexpr char kJsonType[] = "application/json; charset=utf-8";

struct HttpRequest {
  std::string method;  // "GET", "POST", "DELETE"
  std::string path;
  std::vector<std::string> captures;  // the route pattern's groups, in order
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names in lower case; the first of repeated ones
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = kJsonType;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

using Handler = std::function<HttpResponse(const HttpRequest&)>;

// A route: a method, a path pattern (an ECMAScript regular expression matched against the whole
// path; its groups become HttpRequest::captures) and its handler.
struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
};

// A JSON answer. Messages may quote what the client sent (a path, a name); bytes that are not
// UTF-8 are replaced rather than failing the answer.
HttpResponse JsonResponse(const Json& json, int status = 200);

// The status of a request layer error: bad_input 400, not_found 404, conflict 409, internal 500.
int HttpStatus(app::ErrorCode code);

// {"error": message, "code": "bad_input", "location": {"file", "line", "column", "key"}} (the
// location's known fields only; no location when nothing is known).
Json ErrorJson(const app::Error& error);
HttpResponse ErrorResponse(const app::Error& error);
// An error of the HTTP layer itself (an unknown route 404, a body too large 413).
HttpResponse ErrorResponse(int status, const std::string& message);

}  // namespace statecraft::web

#endif  // STATECRAFT_WEB_SERVER_HTTP_TYPES_H_

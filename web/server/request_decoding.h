// Decoding the HTTP parts of a request — its body as a JSON object, ids in its path, numbers in
// its query — before the request layer decodes the fields (statecraft/app/json_requests.h).
// Every failure is bad input located at what was wrong.
#ifndef STATECRAFT_WEB_SERVER_REQUEST_DECODING_H_
#define STATECRAFT_WEB_SERVER_REQUEST_DECODING_H_

#include <cstdint>
#include <string>

#include "statecraft/io/json_output.h"
#include "web/server/http_types.h"

namespace statecraft::web {

// The body as a JSON object ({} when empty).
Json ParseBody(const HttpRequest& request);

// The id captured by the route's first group: a positive integer.
std::int64_t IdOf(const HttpRequest& request);

// A query parameter as an integer (`fallback` when absent).
std::int64_t QueryInteger(const HttpRequest& request, const std::string& key,
                          std::int64_t fallback);

}  // namespace statecraft::web

#endif  // STATECRAFT_WEB_SERVER_REQUEST_DECODING_H_

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

// The deepest nesting of arrays and objects a request body may have. Scenario documents nest
// about six levels; the bound is checked on the raw bytes before parsing, because copying or
// printing a parsed value recurses once per level (a body nested 100,000 deep would overflow the
// stack of the thread that answers it).
inline constexpr int kMaxBodyDepth = 64;

// The body as a JSON object ({} when empty). Bad input (HTTP 400) when it is not JSON, nests
// deeper than kMaxBodyDepth, repeats a key within one object (naming the key and where), or is
// not an object.
Json ParseBody(const HttpRequest& request);

// `text` as JSON with the checks of ParseBody (depth, duplicate keys), errors located at `key`.
Json ParseStrictJson(const std::string& text, const std::string& key);

// The id captured by the route's first group: a positive integer.
std::int64_t IdOf(const HttpRequest& request);

// A query parameter as an integer (`fallback` when absent).
std::int64_t QueryInteger(const HttpRequest& request, const std::string& key,
                          std::int64_t fallback);

}  // namespace statecraft::web

#endif  // STATECRAFT_WEB_SERVER_REQUEST_DECODING_H_

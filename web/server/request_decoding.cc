#include "web/server/request_decoding.h"

#include <cmath>
#include <set>
#include <vector>

#include "statecraft/app/outcome.h"
#include "statecraft/io/csv.h"

namespace statecraft::web {
namespace {

// Fails when arrays and objects in `text` nest deeper than kMaxBodyDepth (brackets inside
// strings do not count).
void CheckDepth(const std::string& text, const std::string& key) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (in_string) {
      if (c == '\\') {
        ++at;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxBodyDepth) {
        app::FailField(key, "the JSON nests deeper than " + std::to_string(kMaxBodyDepth) +
                                " levels at byte " + std::to_string(at + 1) +
                                ", expected at most " + std::to_string(kMaxBodyDepth));
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
}

// One open array or object while parsing: its keys so far, and where it is.
struct OpenValue {
  bool is_object = false;
  std::set<std::string> keys;
  std::string current;  // the current member's key, or "[index]"
  std::size_t index = 0;
};

std::string PathOf(const std::vector<OpenValue>& open) {
  std::string path;
  for (const OpenValue& value : open) {
    if (value.current.empty()) continue;
    if (!path.empty() && value.is_object) path += ".";
    path += value.current;
  }
  return path;
}

}  // namespace

Json ParseStrictJson(const std::string& text, const std::string& key) {
  CheckDepth(text, key);
  std::vector<OpenValue> open;
  std::string duplicate;
  // Two members with one key are refused: JSON parsers differ on which one wins, so a request
  // that repeats "budget" may not mean what its sender checked.
  const auto callback = [&](int, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start:
        if (!open.empty() && !open.back().is_object) {
          open.back().current = "[" + std::to_string(open.back().index) + "]";
        }
        open.push_back(OpenValue{event == Json::parse_event_t::object_start, {}, "", 0});
        break;
      case Json::parse_event_t::key: {
        const std::string name = parsed.get<std::string>();
        if (!open.back().keys.insert(name).second && duplicate.empty()) {
          open.back().current = name;
          duplicate = PathOf(open);
        }
        open.back().current = name;
        break;
      }
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end:
        open.pop_back();
        if (!open.empty() && !open.back().is_object) ++open.back().index;
        break;
      case Json::parse_event_t::value:
        if (!open.empty() && !open.back().is_object) ++open.back().index;
        break;
    }
    return true;
  };
  Json parsed;
  try {
    parsed = Json::parse(text, callback);
  } catch (const Json::parse_error& error) {
    app::FailField(key, std::string("the body is not valid JSON: ") + error.what());
  }
  if (!duplicate.empty()) {
    throw InputError(key + ": duplicate key '" + duplicate + "', expected each key once",
                     ErrorLocation{"", 0, 0, duplicate});
  }
  return parsed;
}

Json ParseBody(const HttpRequest& request) {
  if (request.body.empty()) return Json::object();
  const Json body = ParseStrictJson(request.body, "request");
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

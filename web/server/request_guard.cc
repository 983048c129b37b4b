#include "web/server/request_guard.h"

#include <algorithm>
#include <cctype>

namespace statecraft::web {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string Trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

std::string HeaderOf(const HttpRequest& request, const std::string& name) {
  const auto found = request.headers.find(name);
  return found == request.headers.end() ? std::string() : found->second;
}

// Compares without stopping at the first difference, so that timing does not reveal how much of
// a guessed token was right.
bool SameSecret(const std::string& given, const std::string& expected) {
  if (expected.empty()) return false;
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (std::size_t k = 0; k < given.size(); ++k) {
    difference |= static_cast<unsigned char>(given[k] ^ expected[k % expected.size()]);
  }
  return difference == 0;
}

// A header value cut for a message (headers may be long).
std::string Shown(const std::string& value) {
  return value.size() > 80 ? value.substr(0, 77) + "..." : value;
}

HttpResponse Forbidden(const std::string& message) { return ErrorResponse(403, message); }

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  const std::string name = Lower(host);
  return name == "localhost" || name == "::1" || name == "[::1]" || name.rfind("127.", 0) == 0;
}

RequestGuard::RequestGuard(const std::string& host, int port, std::string token)
    : any_port_(port == 0), token_(std::move(token)) {
  const std::string name = Lower(host);
  if (name == "0.0.0.0" || name == "::" || name == "[::]" || name.empty()) return;  // any Host
  const std::string suffix = port == 0 ? "" : ":" + std::to_string(port);
  const bool v6 = name.find(':') != std::string::npos && name.front() != '[';
  hosts_.push_back((v6 ? "[" + name + "]" : name) + suffix);
  if (IsLoopbackHost(name)) {
    for (const char* alias : {"127.0.0.1", "localhost", "[::1]"}) {
      const std::string value = alias + suffix;
      if (std::find(hosts_.begin(), hosts_.end(), value) == hosts_.end()) hosts_.push_back(value);
    }
  }
}

bool RequestGuard::CarriesToken(const HttpRequest& request) const {
  const std::string authorization = HeaderOf(request, "authorization");
  if (authorization.rfind("Bearer ", 0) == 0 && SameSecret(Trim(authorization.substr(7)), token_)) {
    return true;
  }
  const std::string cookies = HeaderOf(request, "cookie");
  const std::string prefix = std::string(kTokenCookie) + "=";
  std::size_t start = 0;
  while (start < cookies.size()) {
    const std::size_t end = std::min(cookies.find(';', start), cookies.size());
    const std::string cookie = Trim(cookies.substr(start, end - start));
    if (cookie.rfind(prefix, 0) == 0 && SameSecret(cookie.substr(prefix.size()), token_)) {
      return true;
    }
    start = end + 1;
  }
  const auto query = request.query.find("token");
  return query != request.query.end() && SameSecret(query->second, token_);
}

std::optional<HttpResponse> RequestGuard::Refusal(const HttpRequest& request) const {
  const std::string host = Lower(Trim(HeaderOf(request, "host")));
  if (!hosts_.empty()) {
    bool known = false;
    for (const std::string& accepted : hosts_) {
      if (host == accepted || (any_port_ && host.rfind(accepted + ":", 0) == 0)) known = true;
    }
    if (!known) {
      std::string expected;
      for (const std::string& accepted : hosts_)
        expected += (expected.empty() ? "" : ", ") + accepted;
      return Forbidden("Host '" + Shown(host) + "': expected " + expected +
                       " (the address this server listens on; other names are refused, so that "
                       "a web page cannot reach the server under a name of its own)");
    }
  }
  const auto origin = request.headers.find("origin");
  if (origin != request.headers.end() && Lower(Trim(origin->second)) != "http://" + host) {
    return Forbidden("Origin '" + Shown(origin->second) + "': expected http://" + host +
                     " (requests from other web pages are refused)");
  }
  if (request.method == "POST") {
    std::string type = HeaderOf(request, "content-type");
    type = Lower(Trim(type.substr(0, type.find(';'))));
    if (type != "application/json") {
      return Forbidden("Content-Type '" + Shown(HeaderOf(request, "content-type")) +
                       "': expected application/json for POST");
    }
  }
  if (!token_.empty() && !CarriesToken(request)) {
    return Forbidden(
        "this server needs its token: send \"Authorization: Bearer TOKEN\", or open "
        "/?token=TOKEN once in the browser");
  }
  return std::nullopt;
}

}  // namespace statecraft::web

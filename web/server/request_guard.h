// Who may drive the server (docs/reliability.md, "The web server"). `statecraft serve` listens on
// the loopback address, where every web page the user's browser opens can reach it too: a
// foreign page may post to it (a cross-origin "simple" request needs no permission), and a page
// whose host name an attacker re-points at 127.0.0.1 (DNS rebinding) may even read its answers.
// Each request is therefore checked before it is routed:
//
//   - its Host header must name the address the server listens on, with the port: the loopback
//     address or localhost by default, the --host address when given (a rebound name is not
//     among them). A server listening on every address (0.0.0.0, ::) needs a token instead.
//   - an Origin header, when the browser sends one, must be this server's own origin;
//   - a POST must say Content-Type: application/json (a foreign page cannot send that without
//     the server's permission, which it never gives);
//   - when the server has a token (required to listen beyond loopback), the request must carry
//     it: "Authorization: Bearer TOKEN", or the cookie that opening /?token=TOKEN sets.
//
// A refused request is answered 403 with what was found and what was expected.
#ifndef STATECRAFT_WEB_SERVER_REQUEST_GUARD_H_
#define STATECRAFT_WEB_SERVER_REQUEST_GUARD_H_

#include <optional>
#include <string>
#include <vector>

#include "web/server/http_types.h"

namespace statecraft::web {

// The cookie that carries the token once a browser has opened /?token=TOKEN.
inline constexpr char kTokenCookie[] = "statecraft_token";

// True for the loopback addresses and localhost ("127.0.0.1", "127.x.y.z", "::1", "localhost").
bool IsLoopbackHost(const std::string& host);

class RequestGuard {
 public:
  // host: the address the server listens on; port: its port (0: not bound, any port accepted);
  // token: empty for none.
  RequestGuard(const std::string& host, int port, std::string token);

  // The 403 answer for a request that may not be served, or nullopt.
  std::optional<HttpResponse> Refusal(const HttpRequest& request) const;

  // The Host header values accepted (empty: any, for a server listening on every address).
  const std::vector<std::string>& hosts() const { return hosts_; }

 private:
  bool CarriesToken(const HttpRequest& request) const;

  std::vector<std::string> hosts_;
  bool any_port_ = false;
  std::string token_;
};

}  // namespace statecraft::web

#endif  // STATECRAFT_WEB_SERVER_REQUEST_GUARD_H_

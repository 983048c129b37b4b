// The binding of the route table (routes.h) to cpp-httplib: requests are decoded into
// HttpRequest values, answered by the table's handlers, and their HttpResponse written back.
// Only this file knows the HTTP library.
#include "web/server/api_server.h"

#include <httplib.h>

#include "web/server/routes.h"

namespace statecraft::web {
namespace {

HttpRequest Decode(const httplib::Request& request) {
  HttpRequest decoded;
  decoded.method = request.method;
  decoded.path = request.path;
  for (std::size_t k = 1; k < request.matches.size(); ++k) {
    decoded.captures.push_back(request.matches[k].str());
  }
  for (const auto& [key, value] : request.params) decoded.query.emplace(key, value);
  decoded.body = request.body;
  return decoded;
}

void Write(const HttpResponse& answer, httplib::Response& response) {
  response.status = answer.status;
  for (const auto& [name, value] : answer.headers) response.set_header(name, value);
  response.set_content(answer.body, answer.content_type);
}

// A handler's answer; what it throws is answered as an error (bad input 400, not found 404,
// conflict 409, anything else 500).
httplib::Server::Handler Bound(Handler handler) {
  return
      [handler = std::move(handler)](const httplib::Request& request, httplib::Response& response) {
        HttpResponse answer;
        try {
          answer = handler(Decode(request));
        } catch (const Json::exception& error) {
          answer = ErrorResponse(400, std::string("request: ") + error.what());
        } catch (...) {
          answer = ErrorResponse(app::CurrentError());
        }
        Write(answer, response);
      };
}

// httplib's server with its request processing reachable without a socket (AnswerRaw).
class RawServer : public httplib::Server {
 public:
  std::string Answer(const std::string& request) {
    httplib::detail::BufferStream stream;
    stream.write(request.data(), request.size());
    bool connection_closed = false;
    process_request(stream, /*close_connection=*/true, connection_closed, [](httplib::Request&) {});
    return stream.get_buffer().substr(request.size());
  }
};

}  // namespace

struct ApiServer::State {
  explicit State(ServerOptions options) : shared(std::move(options)) {}
  ServerState shared;
  RawServer server;
  int port = 0;
};

ApiServer::ApiServer(ServerOptions options) : state_(std::make_unique<State>(std::move(options))) {
  const ServerOptions& settings = state_->shared.options;
  httplib::Server& server = state_->server;
  server.set_payload_max_length(settings.max_body_bytes);
  server.set_read_timeout(settings.read_timeout_seconds, 0);
  server.set_keep_alive_timeout(settings.read_timeout_seconds);
  // Small answers go out at once rather than waiting for the client's delayed ACK.
  server.set_tcp_nodelay(true);
  for (Route& route : Routes(state_->shared)) {
    if (route.method == "GET") {
      server.Get(route.pattern, Bound(std::move(route.handler)));
    } else if (route.method == "POST") {
      server.Post(route.pattern, Bound(std::move(route.handler)));
    } else if (route.method == "DELETE") {
      server.Delete(route.pattern, Bound(std::move(route.handler)));
    }
  }
  server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    if (response.status == 413) {
      Write(ErrorResponse(413, "request body too large"), response);
    } else if (response.status == 404) {
      Write(ErrorResponse(404, "no route " + request.method + " " + request.path), response);
    } else {
      Write(ErrorResponse(response.status, "HTTP error " + std::to_string(response.status)),
            response);
    }
  });
}

ApiServer::~ApiServer() {
  Stop();
  state_->shared.jobs.StopAll();
}

int ApiServer::Bind() {
  const ServerOptions& settings = state_->shared.options;
  if (settings.port == 0) {
    state_->port = state_->server.bind_to_any_port(settings.host);
  } else {
    state_->port = state_->server.bind_to_port(settings.host, settings.port) ? settings.port : -1;
  }
  if (state_->port <= 0) {
    throw std::runtime_error("cannot listen on " + settings.host + ":" +
                             std::to_string(settings.port));
  }
  return state_->port;
}

void ApiServer::Serve() { state_->server.listen_after_bind(); }

void ApiServer::Stop() { state_->server.stop(); }

std::string ApiServer::AnswerRaw(const std::string& request) {
  return state_->server.Answer(request);
}

}  // namespace statecraft::web

// The binding of the route table (routes.h) to cpp-httplib: requests are decoded into
// HttpRequest values, checked by the request guard, answered by the table's handlers, and their
// HttpResponse written back. Only this file knows the HTTP library.
//
// Debian's cpp-httplib (0.11) is a compiled library whose connections time out per read, whose
// listening socket takes SO_REUSEPORT and a backlog of 5, and whose worker queue has no bound.
// What the server needs beyond that is done here, through the library's public and protected
// interface: connections are served by our own loop (ServeConnection) over a stream with one
// deadline for the whole request; the socket options leave out SO_REUSEPORT, so a second server
// on a port in use fails to start; the backlog is raised after binding (listen(2) on a listening
// socket sets a new one); and a task queue caps the connections served at once.
#include "web/server/api_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>

#include "web/server/request_guard.h"
#include "web/server/routes.h"

namespace statecraft::web {
namespace {

using Clock = std::chrono::steady_clock;

// The listen backlog: connections the kernel holds while every worker is busy (the library's
// 5 gave connection resets at a concurrency of 32).
constexpr int kListenBacklog = 128;
// Requests served on one keep-alive connection before the server closes it (the last answer says
// `Connection: close`), so that one client cannot hold a worker for ever.
constexpr int kRequestsPerConnection = 100;

HttpRequest Decode(const httplib::Request& request) {
  HttpRequest decoded;
  decoded.method = request.method;
  decoded.path = request.path;
  for (std::size_t k = 1; k < request.matches.size(); ++k) {
    decoded.captures.push_back(request.matches[k].str());
  }
  for (const auto& [key, value] : request.params) decoded.query.emplace(key, value);
  for (const auto& [name, value] : request.headers) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    decoded.headers.emplace(lower, value);
  }
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

// A connection's socket as the library's Stream, with one deadline for everything a request
// sends: each read waits only for what is left of it, so a client that trickles its request a
// byte at a time runs out as surely as one that stops.
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(int socket, int write_timeout_seconds)
      : socket_(socket), write_timeout_ms_(write_timeout_seconds * 1000) {}

  void set_deadline(Clock::time_point deadline) { deadline_ = deadline; }

  // True when a byte arrives before the deadline.
  bool WaitReadable() const { return Wait(POLLIN, MillisecondsLeft()); }

  bool is_readable() const override { return WaitReadable(); }
  bool is_writable() const override { return Wait(POLLOUT, write_timeout_ms_); }

  ssize_t read(char* data, size_t size) override {
    if (!WaitReadable()) return -1;
    ssize_t got;
    do {
      got = ::recv(socket_, data, size, 0);
    } while (got < 0 && errno == EINTR);
    return got;
  }

  ssize_t write(const char* data, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t sent;
    do {
      sent = ::send(socket_, data, size, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    Address(/*remote=*/true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    Address(/*remote=*/false, ip, port);
  }
  int socket() const override { return socket_; }

 private:
  int MillisecondsLeft() const {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
    return static_cast<int>(std::max<std::int64_t>(0, left));
  }

  bool Wait(short events, int timeout_ms) const {
    pollfd entry{socket_, events, 0};
    int ready;
    do {
      ready = ::poll(&entry, 1, timeout_ms);
    } while (ready < 0 && errno == EINTR);
    return ready > 0 && (entry.revents & (events | POLLHUP | POLLERR)) != 0;
  }

  void Address(bool remote, std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    auto* raw = reinterpret_cast<sockaddr*>(&address);
    if ((remote ? ::getpeername(socket_, raw, &length) : ::getsockname(socket_, raw, &length)) !=
        0) {
      return;
    }
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
      const auto* v4 = reinterpret_cast<sockaddr_in*>(&address);
      ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof(text));
      port = ntohs(v4->sin_port);
    } else if (address.ss_family == AF_INET6) {
      const auto* v6 = reinterpret_cast<sockaddr_in6*>(&address);
      ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof(text));
      port = ntohs(v6->sin6_port);
    }
    ip = text;
  }

  int socket_;
  int write_timeout_ms_;
  Clock::time_point deadline_ = Clock::now();
};

// Set on the accepting thread while it refuses a connection beyond the cap (CappedTaskQueue).
thread_local bool refusing_connection = false;

// The library's thread pool with a cap on the connections it holds: one beyond the cap is
// answered 503 and closed at once, by the accepting thread, instead of waiting in an unbounded
// queue.
class CappedTaskQueue : public httplib::TaskQueue {
 public:
  explicit CappedTaskQueue(int capacity)
      : pool_(static_cast<std::size_t>(capacity)), capacity_(capacity) {}

  void enqueue(std::function<void()> serve) override {
    if (pending_.load() >= capacity_) {
      refusing_connection = true;
      serve();
      refusing_connection = false;
      return;
    }
    ++pending_;
    pool_.enqueue([this, serve = std::move(serve)] {
      serve();
      --pending_;
    });
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  const int capacity_;
  std::atomic<int> pending_{0};
};

// httplib's server with our connection loop, and its request processing reachable without a
// socket (AnswerRaw).
class RawServer : public httplib::Server {
 public:
  std::string Answer(const std::string& request) {
    httplib::detail::BufferStream stream;
    stream.write(request.data(), request.size());
    bool connection_closed = false;
    process_request(stream, /*close_connection=*/true, connection_closed, [](httplib::Request&) {});
    return stream.get_buffer().substr(request.size());
  }

  void Configure(int request_seconds, int max_connections) {
    request_seconds_ = request_seconds;
    // The `Keep-Alive: timeout=T, max=N` header the library writes on every answer then states
    // what ServeConnection does (its defaults, 5 s and 5, did not): a client that honours it
    // does not send on a connection the server is about to close as idle.
    set_keep_alive_timeout(request_seconds);
    set_keep_alive_max_count(kRequestsPerConnection);
    new_task_queue = [max_connections] { return new CappedTaskQueue(max_connections); };
    // SO_REUSEADDR only: a restarted server binds a port left in TIME_WAIT, but not one another
    // server is listening on (the library's SO_REUSEPORT let two servers share a port, and the
    // kernel split the requests between them).
    set_socket_options([](int socket) {
      int yes = 1;
      ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
  }

  // After binding: a longer backlog than the library's.
  void RaiseBacklog() { ::listen(svr_sock_, kListenBacklog); }

 private:
  bool process_and_close_socket(int socket) override {
    if (refusing_connection) {
      const std::string body = R"({"error": "the server is busy; try again", "code": "busy"})";
      const std::string answer =
          "HTTP/1.1 503 Service Unavailable\r\nContent-Type: " + std::string(kJsonType) +
          "\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
          body;
      ::send(socket, answer.data(), answer.size(), MSG_NOSIGNAL);
    } else {
      ServeConnection(socket);
    }
    ::shutdown(socket, SHUT_RDWR);
    ::close(socket);
    return true;
  }

  // Requests one after another (keep-alive), each to arrive whole within request_seconds_ of
  // the previous answer (or of the connection opening).
  void ServeConnection(int socket) {
    int yes = 1;
    ::setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
    DeadlineStream stream(socket, request_seconds_);
    for (int left = kRequestsPerConnection; left > 0 && is_running(); --left) {
      stream.set_deadline(Clock::now() + std::chrono::seconds(request_seconds_));
      if (!stream.WaitReadable()) return;
      bool connection_closed = false;
      const bool answered = process_request(stream, /*close_connection=*/left == 1,
                                            connection_closed, [](httplib::Request&) {});
      if (!answered || connection_closed) return;
    }
  }

  int request_seconds_ = 10;
};

}  // namespace

struct ApiServer::State {
  explicit State(ServerOptions options)
      : shared(std::move(options)), guard(shared.options.host, 0, shared.options.token) {}
  ServerState shared;
  RequestGuard guard;  // rebuilt with the port by Bind
  RawServer server;
  int port = 0;
};

ApiServer::ApiServer(ServerOptions options) : state_(std::make_unique<State>(std::move(options))) {
  const ServerOptions& settings = state_->shared.options;
  httplib::Server& server = state_->server;
  server.set_payload_max_length(settings.max_body_bytes);
  // Small answers go out at once rather than waiting for the client's delayed ACK.
  server.set_tcp_nodelay(true);
  state_->server.Configure(settings.read_timeout_seconds, settings.max_connections);
  // Every request passes the guard before it is routed (or its body read).
  State* state = state_.get();
  server.set_pre_routing_handler(
      [state](const httplib::Request& request, httplib::Response& response) {
        const HttpRequest decoded = Decode(request);
        if (const std::optional<HttpResponse> refusal = state->guard.Refusal(decoded)) {
          Write(*refusal, response);
          return httplib::Server::HandlerResponse::Handled;
        }
        // A browser that opened /?token=TOKEN keeps the token in a cookie for its later requests;
        // SameSite=Strict keeps other sites' pages from sending it.
        const std::string& token = state->shared.options.token;
        const auto given = decoded.query.find("token");
        if (!token.empty() && given != decoded.query.end() && given->second == token) {
          response.set_header("Set-Cookie", std::string(kTokenCookie) + "=" + token +
                                                "; Path=/; HttpOnly; SameSite=Strict");
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });
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
                             std::to_string(settings.port) +
                             " (is another program, or another statecraft serve, using the port?)");
  }
  state_->server.RaiseBacklog();
  state_->guard = RequestGuard(settings.host, state_->port, settings.token);
  return state_->port;
}

void ApiServer::Serve() { state_->server.listen_after_bind(); }

void ApiServer::Stop() { state_->server.stop(); }

std::string ApiServer::AnswerRaw(const std::string& request) {
  return state_->server.Answer(request);
}

}  // namespace statecraft::web

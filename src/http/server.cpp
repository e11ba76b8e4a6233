// The only translation unit that includes Boost.Beast (it costs ~18 s to compile).
#include "http/server.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include <array>
#include <atomic>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "common/log.hpp"

namespace kassa::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {
// The largest body any route may accept; each route narrows it (RouteOptions::body_limit).
constexpr uint64_t kBodyLimitCeiling = 64ull << 20;
// Splits an origin-form target into its decoded path and its raw query; the
// pipeline parses (and reports errors in) the query.
std::optional<std::pair<std::string, std::string>> parse_target(std::string_view target) {
  const size_t question = target.find('?');
  const auto path = boost::urls::parse_origin_form(target.substr(0, question));
  if (!path) return std::nullopt;
  return std::make_pair(std::string(path->path()),
                        question == std::string_view::npos ? std::string() : std::string(target.substr(question + 1)));
}

}  // namespace

struct Server::Impl {
  Impl(const Pipeline& p, ServerOptions o)
      : pipeline(p),
        options(std::move(o)),
        io_threads(options.io_threads > 0 ? options.io_threads : std::max(1u, std::thread::hardware_concurrency())),
        ioc(io_threads),
        acceptor(net::make_strand(ioc)),
        workers(static_cast<size_t>(options.worker_threads)),
        signals(ioc),
        drain_timer(ioc) {}

  class Session;

  void accept();
  void begin_shutdown();
  void check_drained();

  const Pipeline& pipeline;
  const ServerOptions options;
  const int io_threads;
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::thread_pool workers;
  net::signal_set signals;
  net::steady_timer drain_timer;
  std::chrono::steady_clock::time_point drain_deadline;
  std::atomic<bool> draining{false};
  uint16_t bound_port = 0;

  std::mutex sessions_mutex;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
};

class Server::Impl::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Impl& server, tcp::socket&& socket) : server_(server), stream_(std::move(socket)) {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }
  ~Session() {
    std::lock_guard lock(server_.sessions_mutex);
    server_.sessions.erase(this);
  }

  void start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  // Closes the connection if it is waiting for a request (used at shutdown).
  void close_if_idle() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.socket().close(ec);
      }
    });
  }

 private:
  void read_header() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.header_limit));
    parser_->body_limit(kBodyLimitCeiling);
    stream_.expires_after(first_ ? server_.options.read_timeout : server_.options.idle_timeout);
    first_ = false;
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (ec == bhttp::error::header_limit) return reject(431, "header-too-large", "the request header is too large");
    if (ec) return close();  // closed, timed out or not HTTP
    busy_ = true;
    const auto& header = parser_->get();
    const Method method = method_from_string(header.method_string());
    const auto target = parse_target(header.target());
    plan_ = server_.pipeline.plan(method, target ? target->first : std::string());
    // Beast checks Content-Length against the limit only while parsing the header,
    // when the route was not known yet: check it here.
    if (parser_->content_length() && *parser_->content_length() > plan_.body_limit) return reject_too_large();
    parser_->body_limit(plan_.body_limit);
    stream_.expires_after(server_.options.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
  }

  void on_body(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) return reject_too_large();
    if (ec) return close();
    auto message = parser_->release();
    keep_alive_ = message.keep_alive();
    version_ = message.version();
    head_ = message.method() == bhttp::verb::head;

    auto request = std::make_shared<Request>();
    request->method = method_from_string(message.method_string());
    request->method_text = std::string(message.method_string());
    request->target = std::string(message.target());
    request->remote_address = remote_;
    for (const auto& field : message) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request->headers.push_back({std::move(name), std::string(field.value())});
    }
    request->body = std::move(message.body());
    auto target = parse_target(request->target);
    if (!target) {
      keep_alive_ = false;
      return send(server_.pipeline.reject(*request, 400, "bad-request-target", "the request target is not a valid path"));
    }
    request->path = std::move(target->first);
    request->raw_query = std::move(target->second);

    if (plan_.run_inline) return send(server_.pipeline.handle(*request));
    net::post(server_.workers, [self = shared_from_this(), request] {
      Response response = self->server_.pipeline.handle(*request);
      if (response.stream) return self->stream(std::move(response));
      net::dispatch(self->stream_.get_executor(),
                    [self, response = std::move(response)]() mutable { self->send(std::move(response)); });
    });
  }

  void reject_too_large() {
    linger_ = true;  // the client may still be sending the body: read it away before closing
    reject(413, "payload-too-large",
           "the request body is larger than this endpoint accepts (" + std::to_string(plan_.body_limit) + " bytes)");
  }

  void reject(int status, std::string_view type, std::string_view detail) {
    keep_alive_ = false;
    version_ = 11;
    Request request;
    request.method_text = "?";
    request.remote_address = remote_;
    if (parser_) {
      request.method_text = std::string(parser_->get().method_string());
      request.path = std::string(parser_->get().target().substr(0, parser_->get().target().find('?')));
    }
    send(server_.pipeline.reject(request, status, type, detail));
  }

  template <class Body>
  void fill(bhttp::response<Body>& message, const Response& response) {
    message.result(static_cast<unsigned>(response.status));
    message.version(version_);
    for (const auto& h : response.headers) message.insert(h.name, h.value);
    message.keep_alive(keep_alive_ && !server_.draining);
  }

  void send(Response response) {
    auto message = std::make_shared<bhttp::response<bhttp::string_body>>();
    fill(*message, response);
    const size_t length = response.body.size();
    if (!head_) message->body() = std::move(response.body);
    message->content_length(length);
    if (head_) message->body().clear();
    stream_.expires_after(server_.options.write_timeout);
    bhttp::async_write(stream_, *message, [self = shared_from_this(), message](beast::error_code ec, std::size_t) {
      self->after_response(ec, message->keep_alive());
    });
  }

  // Runs on a worker thread: writes the header and then each chunk as the body function produces it.
  void stream(Response response) {
    bhttp::response<bhttp::empty_body> message;
    fill(message, response);
    message.chunked(true);
    const bool keep = message.keep_alive();
    bhttp::response_serializer<bhttp::empty_body> serializer(message);

    beast::error_code ec = wait_on_strand([&](auto done) { bhttp::async_write_header(stream_, serializer, done); });
    class Writer final : public ChunkWriter {
     public:
      explicit Writer(Session& s) : s_(s) {}
      bool write(std::string_view data) override {
        if (failed_ || data.empty()) return !failed_;
        const auto ec = s_.wait_on_strand([&](auto done) {
          net::async_write(s_.stream_, bhttp::make_chunk(net::const_buffer(data.data(), data.size())), done);
        });
        failed_ = static_cast<bool>(ec);
        return !failed_;
      }
      bool failed_ = false;
     private:
      Session& s_;
    } writer(*this);
    writer.failed_ = static_cast<bool>(ec);
    if (!writer.failed_ && !head_) {
      try {
        response.stream(writer);
      } catch (const std::exception& e) {
        log::error("stream_failed", {{"error", e.what()}});
        writer.failed_ = true;  // the status is already sent: cut the connection so the client sees the failure
      }
    }
    if (!writer.failed_) {
      ec = wait_on_strand([&](auto done) { net::async_write(stream_, bhttp::make_chunk_last(), done); });
      writer.failed_ = static_cast<bool>(ec);
    }
    const bool failed = writer.failed_;
    net::dispatch(stream_.get_executor(), [self = shared_from_this(), keep, failed] {
      self->after_response(failed ? beast::error_code(net::error::connection_aborted) : beast::error_code{}, keep);
    });
  }

  template <class Operation>
  beast::error_code wait_on_strand(Operation operation) {
    auto promise = std::make_shared<std::promise<beast::error_code>>();
    auto future = promise->get_future();
    net::dispatch(stream_.get_executor(), [this, promise, &operation] {
      stream_.expires_after(server_.options.write_timeout);
      operation([promise](beast::error_code ec, std::size_t) { promise->set_value(ec); });
    });
    // The write timeout closes the stream, which completes the operation; the extra
    // margin only guards against an event loop that has stopped.
    if (future.wait_for(server_.options.write_timeout + std::chrono::seconds(5)) != std::future_status::ready) {
      return net::error::timed_out;
    }
    return future.get();
  }

  void after_response(beast::error_code ec, bool keep_alive) {
    busy_ = false;
    if (ec || !keep_alive || server_.draining) return close();
    read_header();
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (linger_) {
      // Closing with unread input makes the kernel send a reset, which can destroy
      // the response before the client reads it. Discard input for a moment first.
      linger_ = false;
      stream_.expires_after(std::chrono::seconds(2));
      return discard();
    }
    stream_.socket().close(ec);
    if (server_.draining) server_.check_drained();
  }

  void discard() {
    stream_.async_read_some(net::buffer(discard_buffer_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->discard();
    });
  }

  Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Pipeline::Plan plan_;
  std::string remote_;
  unsigned version_ = 11;
  bool keep_alive_ = true;
  bool head_ = false;
  bool first_ = true;
  bool linger_ = false;
  std::array<char, 16384> discard_buffer_;
  std::atomic<bool> busy_{false};
};

void Server::Impl::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
      log::warn("accept_failed", {{"error", ec.message()}});
    } else {
      std::shared_ptr<Session> session;
      {
        std::lock_guard lock(sessions_mutex);
        if (static_cast<int>(sessions.size()) < options.connections_max) {
          session = std::make_shared<Session>(*this, std::move(socket));
          sessions.emplace(session.get(), session);
        }
      }
      if (session) session->start();  // else the socket closes as it goes out of scope
    }
    accept();
  });
}

void Server::Impl::begin_shutdown() {
  if (draining) return;
  // Set before `draining` publishes it: sessions that see draining read the deadline.
  drain_deadline = std::chrono::steady_clock::now() + options.drain_timeout;
  if (draining.exchange(true)) return;
  log::info("shutdown_started", {{"drain_timeout_s", options.drain_timeout.count()}});
  if (options.on_shutdown) options.on_shutdown();
  net::post(acceptor.get_executor(), [this] {
    beast::error_code ec;
    acceptor.close(ec);
  });
  std::vector<std::shared_ptr<Session>> open;
  {
    std::lock_guard lock(sessions_mutex);
    for (auto& [raw, weak] : sessions) {
      if (auto s = weak.lock()) open.push_back(std::move(s));
    }
  }
  for (auto& s : open) s->close_if_idle();
  check_drained();
}

void Server::Impl::check_drained() {
  net::post(drain_timer.get_executor(), [this] {
    bool empty = false;
    {
      std::lock_guard lock(sessions_mutex);
      empty = sessions.empty();
    }
    if (empty || std::chrono::steady_clock::now() >= drain_deadline) {
      if (!empty) log::warn("shutdown_drain_timeout", {});
      ioc.stop();
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(50));
    drain_timer.async_wait([this](beast::error_code ec) {
      if (!ec) check_drained();
    });
  });
}

Server::Server(const Pipeline& pipeline, ServerOptions options) : impl_(std::make_unique<Impl>(pipeline, std::move(options))) {}

Server::~Server() {
  impl_->ioc.stop();
  impl_->workers.join();
}

uint16_t Server::listen() {
  auto& a = impl_->acceptor;
  const auto address = net::ip::make_address(impl_->options.host);
  const tcp::endpoint endpoint(address, impl_->options.port);
  a.open(endpoint.protocol());
  a.set_option(net::socket_base::reuse_address(true));
  a.bind(endpoint);
  a.listen(net::socket_base::max_listen_connections);
  impl_->bound_port = a.local_endpoint().port();
  // Installed now, not in run(): a signal that arrives once the caller has announced
  // the port is queued and shuts down gracefully instead of killing the process.
  Impl& s = *impl_;
  if (s.options.handle_signals) {
    s.signals.add(SIGINT);
    s.signals.add(SIGTERM);
    s.signals.async_wait([&s](beast::error_code ec, int signal) {
      if (ec) return;
      log::info("signal_received", {{"signal", signal}});
      s.begin_shutdown();
    });
  }
  return impl_->bound_port;
}

uint16_t Server::port() const { return impl_->bound_port; }

void Server::run() {
  Impl& s = *impl_;
  s.accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < s.io_threads; ++i) threads.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : threads) t.join();
  s.workers.join();
  log::info("shutdown_complete", {});
}

void Server::stop() {
  net::post(impl_->ioc, [this] { impl_->begin_shutdown(); });
}

}  // namespace kassa::http

#pragma once
// The HTTP/1.1 server (Boost.Beast): asynchronous, keep-alive, one I/O thread
// per core, handlers on a worker pool (they may block on the database), chunked
// streaming, and graceful shutdown on SIGINT/SIGTERM. This header does not
// include Beast; server.cpp is the only Beast translation unit.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/pipeline.hpp"

namespace kassa::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;                            // 0: any free port (see Server::port)
  int io_threads = 0;                              // 0: one per core
  int worker_threads = 64;                         // handlers that may block on the database
  size_t header_limit = 16 * 1024;                 // bytes; larger headers get 431
  std::chrono::seconds read_timeout{30};           // to read one request (header and body)
  std::chrono::seconds idle_timeout{60};           // between keep-alive requests
  std::chrono::seconds write_timeout{60};          // to write one response or chunk
  std::chrono::seconds drain_timeout{30};          // at shutdown, for requests in flight
  int connections_max = 10'000;
  bool handle_signals = true;
  // Called once when a graceful shutdown begins: long-lived streams (server-sent events) end themselves.
  std::function<void()> on_shutdown;
};

class Server {
 public:
  Server(const Pipeline& pipeline, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, listens and (with handle_signals) installs the SIGINT/SIGTERM handlers;
  // throws if the address is taken. Returns the bound port.
  uint16_t listen();
  uint16_t port() const;
  // Serves until stop() or a signal, then finishes the requests in flight and returns.
  void run();
  // Starts a graceful shutdown; safe from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kassa::http

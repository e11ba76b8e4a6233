#pragma once
// A small blocking HTTP/1.1 client over POSIX sockets for the API tests: one
// keep-alive connection, Content-Length and chunked bodies. Not Beast, so the
// tests compile fast and talk to the server as any other client would.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kassa::test {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; repeated headers joined with ", "
  std::string body;
  bool chunked = false;
  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class HttpClient {
 public:
  explicit HttpClient(uint16_t port, std::string host = "127.0.0.1");
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse request(std::string_view method, std::string_view target,
                       const std::vector<std::pair<std::string, std::string>>& headers = {},
                       std::string_view body = {});
  HttpResponse get(std::string_view target) { return request("GET", target); }
  HttpResponse post_json(std::string_view target, std::string_view json) {
    return request("POST", target, {{"Content-Type", "application/json"}}, json);
  }
  // Sends raw bytes and reads one response (for malformed requests).
  HttpResponse raw(std::string_view bytes);
  bool connected() const { return fd_ >= 0; }

 private:
  void connect_socket();
  void send_all(std::string_view data);
  HttpResponse read_response(bool head);
  std::string read_line();
  std::string read_exact(size_t n);
  bool fill();

  uint16_t port_;
  std::string host_;
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace kassa::test

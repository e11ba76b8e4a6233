#include "http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace kassa::test {

HttpClient::HttpClient(uint16_t port, std::string host) : port_(port), host_(std::move(host)) { connect_socket(); }

HttpClient::~HttpClient() {
  if (fd_ >= 0) ::close(fd_);
}

void HttpClient::connect_socket() {
  if (fd_ >= 0) ::close(fd_);
  buffer_.clear();
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port_);
  ::inet_pton(AF_INET, host_.c_str(), &address.sin_addr);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw std::runtime_error("cannot connect to port " + std::to_string(port_));
  }
  const int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  timeval timeout{30, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
}

void HttpClient::send_all(std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("send failed");
    data.remove_prefix(static_cast<size_t>(n));
  }
}

bool HttpClient::fill() {
  char chunk[16384];
  const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
  if (n <= 0) return false;
  buffer_.append(chunk, static_cast<size_t>(n));
  return true;
}

std::string HttpClient::read_line() {
  while (true) {
    const size_t end = buffer_.find("\r\n");
    if (end != std::string::npos) {
      std::string line = buffer_.substr(0, end);
      buffer_.erase(0, end + 2);
      return line;
    }
    if (!fill()) throw std::runtime_error("connection closed while reading a line");
  }
}

std::string HttpClient::read_exact(size_t n) {
  while (buffer_.size() < n) {
    if (!fill()) throw std::runtime_error("connection closed while reading the body");
  }
  std::string out = buffer_.substr(0, n);
  buffer_.erase(0, n);
  return out;
}

HttpResponse HttpClient::read_response(bool head) {
  HttpResponse response;
  const std::string status_line = read_line();
  if (status_line.size() < 12 || !status_line.starts_with("HTTP/1.")) throw std::runtime_error("bad status line: " + status_line);
  response.status = std::stoi(status_line.substr(9, 3));
  while (true) {
    const std::string line = read_line();
    if (line.empty()) break;
    const size_t colon = line.find(':');
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    auto& slot = response.headers[name];
    slot = slot.empty() ? value : slot + ", " + value;
  }
  if (head || response.status == 304 || response.status == 204) return response;
  if (response.header("transfer-encoding") == "chunked") {
    response.chunked = true;
    while (true) {
      const size_t size = std::stoul(read_line(), nullptr, 16);
      if (size == 0) {
        while (!read_line().empty()) {}
        break;
      }
      response.body += read_exact(size);
      read_line();
    }
  } else if (!response.header("content-length").empty()) {
    response.body = read_exact(std::stoul(response.header("content-length")));
  } else {
    while (fill()) {}
    response.body = std::move(buffer_);
    buffer_.clear();
  }
  if (response.header("connection") == "close") {
    ::close(fd_);
    fd_ = -1;
  }
  return response;
}

HttpResponse HttpClient::request(std::string_view method, std::string_view target,
                                 const std::vector<std::pair<std::string, std::string>>& headers, std::string_view body) {
  if (fd_ < 0) connect_socket();
  std::string message = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: " + host_ + "\r\n";
  for (const auto& [name, value] : headers) message += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    message += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  message += "\r\n";
  message += body;
  try {
    send_all(message);
  } catch (const std::runtime_error&) {
    // The server may answer (413) and stop reading before the body is sent: read its answer.
  }
  return read_response(method == "HEAD");
}

HttpResponse HttpClient::raw(std::string_view bytes) {
  if (fd_ < 0) connect_socket();
  send_all(bytes);
  return read_response(false);
}

}  // namespace kassa::test

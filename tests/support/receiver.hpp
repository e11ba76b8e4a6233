#pragma once
// A tiny HTTP server for webhook tests: records every request and answers with
// the next scripted status (then 200).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kassa::test {

struct Received {
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

class Receiver {
 public:
  Receiver() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(fd_, 16);
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~Receiver() {
    stopping_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }

  std::string url(const std::string& path = "/hook") const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  // The statuses of the next answers, with optional extra header lines ("Retry-After: 1").
  void script(std::vector<std::pair<int, std::string>> answers) {
    std::lock_guard lock(mutex_);
    for (auto& a : answers) answers_.push_back(std::move(a));
  }
  // Waits until at least n requests arrived (or the timeout).
  std::vector<Received> wait_for(size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, timeout, [&] { return received_.size() >= n; });
    return received_;
  }

 private:
  void serve() {
    while (!stopping_) {
      const int client = ::accept(fd_, nullptr, nullptr);
      if (client < 0) return;
      std::string data;
      char buffer[8192];
      size_t body_at = std::string::npos, length = 0;
      while (true) {
        const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        data.append(buffer, static_cast<size_t>(n));
        if (body_at == std::string::npos && (body_at = data.find("\r\n\r\n")) != std::string::npos) {
          body_at += 4;
          std::string lower = data.substr(0, body_at);
          for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          const size_t cl = lower.find("content-length:");
          if (cl != std::string::npos) length = std::stoul(lower.substr(cl + 15));
        }
        if (body_at != std::string::npos && data.size() >= body_at + length) break;
      }
      Received r;
      size_t line_start = data.find("\r\n") + 2;
      while (line_start < body_at - 2) {
        const size_t end = data.find("\r\n", line_start);
        const std::string line = data.substr(line_start, end - line_start);
        const size_t colon = line.find(':');
        std::string name = line.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
        line_start = end + 2;
      }
      r.body = data.substr(body_at);
      std::pair<int, std::string> answer{200, ""};
      {
        std::lock_guard lock(mutex_);
        if (!answers_.empty()) {
          answer = answers_.front();
          answers_.pop_front();
        }
        received_.push_back(r);
      }
      arrived_.notify_all();
      const std::string response = "HTTP/1.1 " + std::to_string(answer.first) + " X\r\nContent-Length: 2\r\nConnection: close\r\n" +
                                   (answer.second.empty() ? "" : answer.second + "\r\n") + "\r\nok";
      ::send(client, response.data(), response.size(), MSG_NOSIGNAL);
      ::close(client);
    }
  }

  int fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::deque<std::pair<int, std::string>> answers_;
  std::vector<Received> received_;
  std::thread thread_;
};

}  // namespace kassa::test

#pragma once
// An outgoing HTTP/1.1 client (webhooks): one request per connection, http and
// https (certificates verified against the system store), a total timeout and a
// response size limit. The caller vets every resolved address before the
// connection (against SSRF): it connects only to the addresses it vetted.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace kassa::http {

struct ClientRequest {
  std::string url;
  std::string method = "POST";
  std::vector<Header> headers;
  std::string body;
  std::chrono::milliseconds timeout{10'000};
  size_t response_bytes_max = 64 * 1024;
};

struct ClientResponse {
  int status = 0;            // 0: no HTTP answer (see error)
  std::vector<Header> headers;
  std::string body;
  std::string error;         // connection refused, timeout, address refused, TLS failure, ...
  std::string header(std::string_view lower_name) const {
    for (const auto& h : headers) if (h.name == lower_name) return h.value;
    return {};
  }
};

using AddressCheck = std::function<bool(const std::string& ip)>;

ClientResponse send_request(const ClientRequest& request, const AddressCheck& allowed);

// True for addresses on the public internet; false for loopback, private,
// link-local, carrier-grade NAT, multicast, unspecified and reserved ranges.
bool is_public_address(const std::string& ip);

}  // namespace kassa::http

#pragma once
// The HTTP request and response as the rest of Kassa sees them. Beast stays
// inside server.cpp; routes and pipeline work with these types only.
#include <boost/json/value.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kassa::http {

enum class Method { get, head, post, put, patch, del, options, other };
std::string_view to_string(Method method);
Method method_from_string(std::string_view text);

struct Header {
  std::string name;  // lower case
  std::string value;
};

using Params = std::vector<std::pair<std::string, std::string>>;

struct Request {
  Method method = Method::get;
  std::string method_text;
  std::string target;      // as sent: path and query
  std::string path;        // percent-decoded path without the query
  std::string raw_query;   // after '?', undecoded
  std::vector<Header> headers;
  std::string body;
  std::string remote_address;
  std::chrono::steady_clock::time_point received_at = std::chrono::steady_clock::now();

  // Filled by the pipeline.
  std::string request_id;
  std::string route;       // the matched pattern, e.g. "/api/v1/payments/{id}"
  Params path_params;
  Params query_params;     // decoded, in order; a name may repeat
  std::optional<boost::json::value> json;  // the parsed body, for routes that take JSON

  std::string_view header(std::string_view lower_name) const;
  std::string_view param(std::string_view name) const;
  std::optional<std::string_view> query(std::string_view name) const;
  std::optional<std::string> cookie(std::string_view name) const;
};

// Writes one chunk of a streamed response; false when the client has gone.
class ChunkWriter {
 public:
  virtual ~ChunkWriter() = default;
  virtual bool write(std::string_view data) = 0;
};

struct Response {
  int status = 200;
  std::vector<Header> headers;
  std::string body;
  // When set, the body is produced by this function, sent chunked as it writes.
  std::function<void(ChunkWriter&)> stream;

  void set_header(std::string_view name, std::string_view value);
  void add_header(std::string_view name, std::string_view value);  // repeatable (Set-Cookie)
  std::string_view header(std::string_view lower_name) const;
};

Response json_response(int status, const boost::json::value& body);
Response text_response(int status, std::string body, std::string_view content_type = "text/plain; charset=utf-8");

}  // namespace kassa::http

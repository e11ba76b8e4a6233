#pragma once
// The middleware around every route: request id, route match (404/405), query
// parsing (400), JSON bodies (415/400), error mapping (problem+json; a 500 only
// for a bug, with the details in the log), security headers, metrics and the
// access log. No Beast here: the server hands over a Request and sends back the
// Response.
#include <string>

#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace kassa::http {

struct PipelineOptions {
  bool access_log = true;
};

class Pipeline {
 public:
  Pipeline(const Router& router, Metrics& metrics, PipelineOptions options = {})
      : router_(router), metrics_(metrics), options_(options) {}

  // What the server needs to know once the header is read.
  struct Plan {
    bool run_inline = false;
    size_t body_limit = kBodyLimitDefault;
  };
  Plan plan(Method method, std::string_view path) const;

  Response handle(Request& request) const;

  // Called by the server for requests it answers itself (413, 400 on a bad request line).
  Response reject(Request& request, int status, std::string_view type, std::string_view detail) const;

  Metrics& metrics() const { return metrics_; }

 private:
  Response dispatch(Request& request, std::string& route_label) const;
  void finish(Request& request, Response& response, std::string_view route_label) const;

  const Router& router_;
  Metrics& metrics_;
  PipelineOptions options_;
};

// Accepts a caller's X-Request-Id of 1..64 characters [A-Za-z0-9._-]; otherwise makes one.
std::string choose_request_id(std::string_view incoming);

}  // namespace kassa::http

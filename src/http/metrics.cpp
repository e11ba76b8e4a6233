#include "http/metrics.hpp"

#include <fmt/format.h>

namespace kassa::http {

void Metrics::observe(std::string_view route, std::string_view method, int status, double seconds) {
  std::lock_guard lock(mutex_);
  const auto key = std::make_tuple(std::string(route), std::string(method), status);
  ++requests_[key];
  auto it = latency_.find(route);
  if (it == latency_.end()) it = latency_.emplace(std::string(route), Histogram{}).first;
  Histogram& h = it->second;
  for (size_t i = 0; i < kLatencyBucketsSeconds.size(); ++i) {
    if (seconds <= kLatencyBucketsSeconds[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::add_collector(std::function<std::string()> collector) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collector));
}

std::string Metrics::render() const {
  std::string out;
  std::vector<std::function<std::string()>> collectors;
  {
    std::lock_guard lock(mutex_);
    out += "# HELP kassa_http_requests_total HTTP requests by route pattern, method and status.\n";
    out += "# TYPE kassa_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
      const auto& [route, method, status] = key;
      out += fmt::format("kassa_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", route, method, status, count);
    }
    out += "# HELP kassa_http_request_duration_seconds Time from request read to response ready.\n";
    out += "# TYPE kassa_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
      for (size_t i = 0; i < kLatencyBucketsSeconds.size(); ++i) {
        out += fmt::format("kassa_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route,
                           kLatencyBucketsSeconds[i], h.buckets[i]);
      }
      out += fmt::format("kassa_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route, h.count);
      out += fmt::format("kassa_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route, h.sum);
      out += fmt::format("kassa_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route, h.count);
    }
    collectors = collectors_;
  }
  for (const auto& collect : collectors) out += collect();
  return out;
}

}  // namespace kassa::http

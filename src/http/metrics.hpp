#pragma once
// Prometheus metrics: requests by route, method and status; a latency histogram
// per route; and gauges that other parts register (database pool use).
#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace kassa::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kLatencyBucketsSeconds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                                 0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  void observe(std::string_view route, std::string_view method, int status, double seconds);
  // Adds lines of Prometheus text (with their # HELP/# TYPE) to every render.
  void add_collector(std::function<std::string()> collector);
  std::string render() const;

 private:
  struct Histogram {
    std::array<uint64_t, kLatencyBucketsSeconds.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t, std::less<>> requests_;
  std::map<std::string, Histogram, std::less<>> latency_;
  std::vector<std::function<std::string()>> collectors_;
};

}  // namespace kassa::http

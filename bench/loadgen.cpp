// A constant-rate HTTP load generator (wrk measures peak throughput; this one
// measures latency at a fixed rate, from each request's scheduled start, so a
// slow answer is not hidden by the requests it delayed: no coordinated omission).
//   kassa_loadgen --port P --rate 2000 --seconds 20 --connections 32 --method POST
//                 --path /api/v1/payments --body '{"merchant_reference":"r-{n}",...}' --header 'Authorization: Bearer sk_…'
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "http_client.hpp"

namespace {

struct Args {
  uint16_t port = 8080;
  double rate = 1000;
  double seconds = 10;
  int connections = 16;
  std::string method = "GET";
  std::string path = "/healthz";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

std::string replace_n(std::string text, uint64_t n) {
  const std::string value = std::to_string(n);
  for (size_t at = text.find("{n}"); at != std::string::npos; at = text.find("{n}", at + value.size())) text.replace(at, 3, value);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--port") a.port = static_cast<uint16_t>(std::stoi(v));
    else if (k == "--rate") a.rate = std::stod(v);
    else if (k == "--seconds") a.seconds = std::stod(v);
    else if (k == "--connections") a.connections = std::stoi(v);
    else if (k == "--method") a.method = v;
    else if (k == "--path") a.path = v;
    else if (k == "--body") a.body = v;
    else if (k == "--header") {
      const size_t colon = v.find(':');
      a.headers.emplace_back(v.substr(0, colon), v.substr(v.find_first_not_of(' ', colon + 1)));
    } else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (!a.body.empty()) a.headers.emplace_back("Content-Type", "application/json");
  const auto start = std::chrono::steady_clock::now() + std::chrono::milliseconds(100);
  const auto interval = std::chrono::duration<double>(a.connections / a.rate);
  const int64_t per_connection = static_cast<int64_t>(a.rate * a.seconds / a.connections);
  std::atomic<uint64_t> counter{0};
  std::atomic<int64_t> errors{0};
  std::vector<std::vector<double>> latencies(static_cast<size_t>(a.connections));
  std::vector<std::thread> threads;
  for (int c = 0; c < a.connections; ++c) {
    threads.emplace_back([&, c] {
      kassa::test::HttpClient client(a.port);
      // Connections start staggered across one interval.
      const auto offset = std::chrono::duration_cast<std::chrono::steady_clock::duration>(interval * (static_cast<double>(c) / a.connections));
      for (int64_t i = 0; i < per_connection; ++i) {
        const auto scheduled = start + offset + std::chrono::duration_cast<std::chrono::steady_clock::duration>(interval * static_cast<double>(i));
        std::this_thread::sleep_until(scheduled);
        const uint64_t n = counter.fetch_add(1);
        try {
          const auto r = client.request(a.method, replace_n(a.path, n), a.headers, replace_n(a.body, n));
          if (r.status >= 400) ++errors;
        } catch (const std::exception&) {
          ++errors;
        }
        latencies[static_cast<size_t>(c)].push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - scheduled).count());
      }
    });
  }
  for (auto& t : threads) t.join();
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto at = [&](double q) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<size_t>(q * static_cast<double>(all.size())))]; };
  std::printf("requests %zu in %.1f s (%.0f/s), errors %lld, latency ms: p50 %.2f p95 %.2f p99 %.2f max %.2f\n", all.size(), elapsed,
              static_cast<double>(all.size()) / elapsed, static_cast<long long>(errors.load()), at(0.5), at(0.95), at(0.99),
              all.empty() ? 0.0 : all.back());
  return errors.load() > 0 ? 1 : 0;
}

// The overview's widget queries: p50/p95 through the HTTP API (the analytics
// index), side by side with the same aggregate as SQL in SQLite and PostgreSQL.
//   kassa_analytics_bench --port P --cookie 'kassa_session=…' --company-id N --project prj_… --project-id N
//                         [--sqlite PATH] [--postgres URL] [--requests 40] [--sql-runs 3] [--end YYYY-MM-DD]
// The SQL side sums original amounts (no FX conversion, which would only slow it down further).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/id.hpp"
#include "db/database.hpp"
#include "http_client.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Widget {
  const char* name;
  const char* params;   // the API query, without range and project
  const char* select;   // SQL: the selected aggregate (and group column)
  const char* where;    // SQL: extra conditions
  const char* group;    // SQL: GROUP BY, or ""
  bool compare;         // the API asks for the previous period too (so does the SQL side: two queries)
};

// Day buckets in SQL: a fixed +1 h offset stands in for the business time zone.
const std::vector<Widget> kWidgets = {
    {"KPIs: turnover, count, average", "metrics=amount,count,average_amount&type=sale,capture&status=success&compare=previous_period",
     "COUNT(*), SUM(amount)", " AND type IN ('sale', 'capture') AND status = 'success'", "", true},
    {"KPIs: conversion, refund, chargeback rates", "metrics=conversion_rate,refund_rate,chargeback_rate&compare=previous_period",
     "SUM(CASE WHEN type IN ('sale', 'auth') THEN 1 ELSE 0 END), SUM(CASE WHEN type IN ('sale', 'auth') AND status = 'success' THEN 1 ELSE 0 END),"
     " SUM(CASE WHEN type = 'refund' AND status = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN type = 'chargeback' AND status = 'success' THEN 1 ELSE 0 END),"
     " SUM(CASE WHEN type IN ('sale', 'capture') AND status = 'success' THEN 1 ELSE 0 END)",
     "", "", true},
    {"Turnover per day", "metrics=amount,count&type=sale,capture&status=success&group_by=day",
     "((id >> 22) + 1704067200000 + 3600000) / 86400000, SUM(amount), COUNT(*)", " AND type IN ('sale', 'capture') AND status = 'success'",
     "((id >> 22) + 1704067200000 + 3600000) / 86400000", false},
    {"By method", "metrics=amount,count&type=sale,capture&status=success&group_by=method", "method, SUM(amount), COUNT(*)",
     " AND type IN ('sale', 'capture') AND status = 'success'", "method", false},
    {"By country (top 10)", "metrics=amount,count&type=sale,capture&status=success&group_by=country&limit=10", "country, SUM(amount), COUNT(*)",
     " AND type IN ('sale', 'capture') AND status = 'success'", "country", false},
    {"By currency", "metrics=amount,count&type=sale,capture&status=success&group_by=currency", "currency, SUM(amount), COUNT(*)",
     " AND type IN ('sale', 'capture') AND status = 'success'", "currency", false},
    {"By card brand", "metrics=amount,count&type=sale,capture&status=success&group_by=card_brand", "card_brand, SUM(amount), COUNT(*)",
     " AND type IN ('sale', 'capture') AND status = 'success'", "card_brand", false},
    {"By project", "metrics=amount,count&type=sale,capture&status=success&group_by=project", "project_id, SUM(amount), COUNT(*)",
     " AND type IN ('sale', 'capture') AND status = 'success'", "project_id", false},
    {"Top decline reasons", "metrics=count&type=sale,auth&status=decline&group_by=decline_code&limit=8", "decline_code, COUNT(*)",
     " AND type IN ('sale', 'auth') AND status = 'decline'", "decline_code", false},
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}

int64_t day_ms(const std::string& date) {
  int y = 0, m = 0, d = 0;
  std::sscanf(date.c_str(), "%d-%d-%d", &y, &m, &d);
  // days_from_civil
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (static_cast<int64_t>(era) * 146097 + doe - 719468) * 86'400'000;
}

std::string date_of(int64_t ms) {
  const time_t t = ms / 1000;
  char out[16];
  std::strftime(out, sizeof out, "%Y-%m-%d", gmtime(&t));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  uint16_t port = 8080;
  std::string cookie, project, sqlite, postgres, end;
  int64_t company_id = 0, project_id = 0;
  int requests = 40, sql_runs = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--port") port = static_cast<uint16_t>(std::stoi(v));
    else if (k == "--cookie") cookie = v;
    else if (k == "--project") project = v;
    else if (k == "--company-id") company_id = std::stoll(v);
    else if (k == "--project-id") project_id = std::stoll(v);
    else if (k == "--sqlite") sqlite = v;
    else if (k == "--postgres") postgres = v;
    else if (k == "--requests") requests = std::stoi(v);
    else if (k == "--sql-runs") sql_runs = std::stoi(v);
    else if (k == "--end") end = v;
  }
  if (end.empty()) end = date_of(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count() + 86'400'000);
  std::vector<std::pair<std::string, std::unique_ptr<kassa::db::Database>>> databases;
  if (!sqlite.empty()) databases.emplace_back("SQLite", kassa::db::Database::open("sqlite:" + sqlite));
  if (!postgres.empty()) databases.emplace_back("PostgreSQL", kassa::db::Database::open(postgres));

  std::printf("| widget | days | scope | API p50 ms | API p95 ms |");
  for (const auto& [name, db] : databases) std::printf(" %s p50 ms | %s max ms |", name.c_str(), name.c_str());
  std::printf("\n|---|---|---|---|---|");
  for (size_t i = 0; i < databases.size(); ++i) std::printf("---|---|");
  std::printf("\n");
  std::vector<double> all_p95;
  for (const int days : {30, 90, 365}) {
    const int64_t to_ms = day_ms(end);
    const int64_t from_ms = to_ms - int64_t{days} * 86'400'000;
    const std::string range = "&from=" + date_of(from_ms) + "&to=" + end;
    for (const bool one_project : {false, true}) {
      for (const auto& w : kWidgets) {
        const std::string target = "/api/v1/analytics/query?" + std::string(w.params) + range + (one_project ? "&project=" + project : "");
        kassa::test::HttpClient client(port);
        std::vector<double> times;
        for (int r = 0; r < requests + 3; ++r) {
          const auto started = Clock::now();
          const auto response = client.request("GET", target, {{"Cookie", cookie}});
          const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
          if (response.status != 200) {
            std::fprintf(stderr, "%s: HTTP %d %s\n", target.c_str(), response.status, response.body.c_str());
            return 1;
          }
          if (r >= 3) times.push_back(ms);  // after a short warm-up
        }
        all_p95.push_back(percentile(times, 0.95));
        std::printf("| %s | %d | %s | %.2f | %.2f |", w.name, days, one_project ? "one project" : "company", percentile(times, 0.5),
                    percentile(times, 0.95));
        for (const auto& [name, db] : databases) {
          std::vector<double> sql_times;
          for (int r = 0; r < sql_runs; ++r) {
            const auto started = Clock::now();
            for (int period = 0; period < (w.compare ? 2 : 1); ++period) {
              const int64_t lo = from_ms - period * (to_ms - from_ms), hi = to_ms - period * (to_ms - from_ms);
              std::string sql = "SELECT " + std::string(w.select) + " FROM operations WHERE company_id = $1 AND id >= $2 AND id < $3" + w.where;
              if (one_project) sql += " AND project_id = " + std::to_string(project_id);
              if (*w.group) sql += std::string(" GROUP BY ") + w.group;
              int64_t rows = 0;
              db->read([&](kassa::db::Connection& c) {
                c.query(sql, {company_id, static_cast<int64_t>(kassa::IdGenerator::lowest_at(lo)), static_cast<int64_t>(kassa::IdGenerator::lowest_at(hi))},
                        [&](const kassa::db::Row&) { ++rows; });
              });
            }
            sql_times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
          }
          std::printf(" %.1f | %.1f |", percentile(sql_times, 0.5), *std::max_element(sql_times.begin(), sql_times.end()));
        }
        std::printf("\n");
        std::fflush(stdout);
      }
    }
  }
  std::printf("\nwidget queries: %zu; worst API p95: %.2f ms\n", all_p95.size(), *std::max_element(all_p95.begin(), all_p95.end()));
  return 0;
}

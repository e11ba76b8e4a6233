// Analytics over HTTP against a real server: every metric under every grouping
// and several filters equals the SQL aggregate over the operations table (on
// the backend the suite runs on), also after new refunds; a day with a
// daylight-saving change; a second process sees a change made through the
// first; live operations as server-sent events; FX rates.
#include <gtest/gtest.h>

#include <boost/json/array.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "analytics/analytics_store.hpp"
#include "common/id.hpp"
#include "common/ids.hpp"
#include "common/time_text.hpp"
#include "db/database.hpp"
#include "identity_fixture.hpp"
#include "payments/payment_store.hpp"

namespace kassa::test {
namespace {

using boost::json::object;
using boost::json::serialize;
using Key = std::vector<std::optional<std::string>>;

constexpr std::string_view kOwner = "owner@demo-shop.example";
constexpr std::string_view kMetrics =
    "count,amount,fee,net,average_amount,conversion_rate,decline_rate,refund_rate,chargeback_rate";

// The sums every metric comes from, computed by SQL.
struct Sums {
  int64_t count = 0, amount = 0, fee = 0, signed_amount = 0;
  int64_t first_all = 0, first_success = 0, first_decline = 0, refunds = 0, chargebacks = 0, sales = 0;
};

// The expected value of a metric, from the SQL sums (null: no denominator).
boost::json::value expected_metric(std::string_view metric, const Sums& s) {
  const auto ratio = [](int64_t n, int64_t d) -> boost::json::value {
    if (d == 0) return nullptr;
    return static_cast<double>(n) / static_cast<double>(d);
  };
  if (metric == "count") return s.count;
  if (metric == "amount") return s.amount;
  if (metric == "fee") return s.fee;
  if (metric == "net") return s.signed_amount - s.fee;
  if (metric == "average_amount") {
    if (s.count == 0) return nullptr;
    return static_cast<int64_t>(std::llround(static_cast<long double>(s.amount) / static_cast<long double>(s.count)));
  }
  if (metric == "conversion_rate") return ratio(s.first_success, s.first_all);
  if (metric == "decline_rate") return ratio(s.first_decline, s.first_all);
  if (metric == "refund_rate") return ratio(s.refunds, s.sales);
  if (metric == "chargeback_rate") return ratio(s.chargebacks, s.sales);
  return "unknown metric";
}

bool same_value(const boost::json::value& a, const boost::json::value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (a.is_double() || b.is_double()) {
    const double x = a.is_double() ? a.as_double() : static_cast<double>(a.to_number<int64_t>());
    const double y = b.is_double() ? b.as_double() : static_cast<double>(b.to_number<int64_t>());
    return std::fabs(x - y) <= 1e-12;
  }
  return a.to_number<int64_t>() == b.to_number<int64_t>();
}

class AnalyticsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    f = new IdentityFixture();
    const auto seeded = f->cli({"seed", "--operations", "3000"});
    ASSERT_EQ(seeded.exit_code, 0);
    const size_t at = seeded.output.find("TOTP secret:");
    ASSERT_NE(at, std::string::npos);
    std::string secret = seeded.output.substr(at + 12);
    secret = secret.substr(secret.find_first_not_of(' '));
    f->set_secret(std::string(kOwner), secret.substr(0, secret.find(' ')));
    const auto key = f->cli({"apikey", "create", "--company", "Demo Shop", "--project", "Web Store", "--name", "server"});
    api_key = new std::string(key.output.substr(0, key.output.find('\n')));
    f->start();
    owner = new Session(f->sign_in(std::string(kOwner), "Kassa-demo-2026"));
    database = db::Database::open(f->url()).release();
    database->read([&](db::Connection& c) {
      company_id = *c.query_int64("SELECT id FROM companies WHERE name = 'Demo Shop'");
      web_store = *c.query_int64("SELECT id FROM projects WHERE name = 'Web Store' AND company_id = $1", {company_id});
    });
    // Payments made now through the API, besides the seeded history: declines and an authorisation too.
    for (const auto& [card, amount] : std::vector<std::pair<std::string, int64_t>>{
             {"4242424242424242", 1999}, {"4000000000000002", 2500}, {"4000000000009995", 7300}, {"4242424242424242", 12000}}) {
      create_payment(card, amount, "DE");
    }
  }
  static void TearDownTestSuite() {
    delete database;
    delete owner;
    delete api_key;
    delete f;
  }

  static object create_payment(const std::string& card, int64_t amount, const std::string& country, bool capture = true) {
    static int n = 0;
    const object body{{"amount", amount}, {"currency", "EUR"}, {"merchant_reference", "analytics-" + std::to_string(++n)},
                      {"capture", capture}, {"method", "card"},
                      {"card", object{{"number", card}, {"exp_month", 12}, {"exp_year", 2034}, {"cvc", "123"}, {"holder", "A B"}}},
                      {"customer", object{{"email", "buyer@example.test"}, {"ip", "203.0.113.9"}, {"country", country}}}};
    const auto r = f->with_key(*api_key, "POST", "/api/v1/payments", serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
    return json_of(r);
  }

  static HttpResponse query(const std::string& params, uint16_t port = 0) {
    HttpClient client(port ? port : f->port());
    return client.request("GET", "/api/v1/analytics/query?" + params, owner->headers(false));
  }

  // Waits until the index has applied every change in the database.
  static void wait_for_index(uint16_t port = 0) {
    const int64_t last = database->read([](db::Connection& c) { return analytics::store::last_change(c); });
    for (int i = 0; i < 200; ++i) {
      const auto r = query("metrics=count", port);
      if (r.status == 200 && json_of(r).at("as_of_change").as_int64() >= last) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    FAIL() << "the analytics index did not catch up with change " << last;
  }

  // SQL: the sums per group of the operations in [lo_ms, hi_ms) that pass `where`.
  static std::map<Key, Sums> sql_sums(const std::vector<std::string>& columns, const std::string& where, int64_t lo_ms,
                                      int64_t hi_ms, bool reporting) {
    const bool pg = database->backend() == db::Backend::postgresql;
    const std::string day = pg ? "to_char(to_timestamp((((o.id >> 22) + 1704067200000) / 1000)::double precision) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
                               : "strftime('%Y-%m-%d', ((o.id >> 22) + 1704067200000) / 1000, 'unixepoch')";
    // The latest rate on or before the operation's UTC day, else the earliest (every demo currency has 2 decimals, as EUR).
    const std::string rate = "COALESCE((SELECT r.rate_e9 FROM fx_rates r WHERE r.company_id = o.company_id AND r.currency = o.currency AND r.day <= " +
                             day + " ORDER BY r.day DESC LIMIT 1), (SELECT r.rate_e9 FROM fx_rates r WHERE r.company_id = o.company_id"
                             " AND r.currency = o.currency ORDER BY r.day LIMIT 1))";
    const auto conv = [&](const std::string& x) {
      if (!reporting) return x;
      return "(CASE WHEN o.currency = 'EUR' THEN " + x + " ELSE (" + x + " * " + rate + " + 500000000) / 1000000000 END)";
    };
    const std::string a = conv("o.amount"), fee = conv("o.fee");
    std::string group;
    for (const auto& c : columns) group += (group.empty() ? "" : ", ") + c;
    // SUM of BIGINT is NUMERIC on PostgreSQL: cast back.
    const auto sum = [](const std::string& x) { return "CAST(COALESCE(SUM(" + x + "), 0) AS BIGINT)"; };
    const std::string sql =
        "SELECT " + (group.empty() ? std::string("0") : group) + ", COUNT(*), " + sum(a) + ", " + sum(fee) + ", " +
        sum("CASE WHEN o.status = 'success' AND o.type IN ('sale', 'capture', 'reversal') THEN " + a +
            " WHEN o.status = 'success' AND o.type IN ('refund', 'chargeback') THEN -" + a + " ELSE 0 END") + ", " +
        sum("CASE WHEN o.type IN ('sale', 'auth') THEN 1 ELSE 0 END") + ", " +
        sum("CASE WHEN o.type IN ('sale', 'auth') AND o.status = 'success' THEN 1 ELSE 0 END") + ", " +
        sum("CASE WHEN o.type IN ('sale', 'auth') AND o.status = 'decline' THEN 1 ELSE 0 END") + ", " +
        sum("CASE WHEN o.type = 'refund' AND o.status = 'success' THEN 1 ELSE 0 END") + ", " +
        sum("CASE WHEN o.type = 'chargeback' AND o.status = 'success' THEN 1 ELSE 0 END") + ", " +
        sum("CASE WHEN o.type IN ('sale', 'capture') AND o.status = 'success' THEN 1 ELSE 0 END") +
        " FROM operations o WHERE o.company_id = $1 AND o.id >= $2 AND o.id < $3" + where +
        (group.empty() ? std::string() : " GROUP BY " + group);
    std::map<Key, Sums> out;
    database->read([&](db::Connection& c) {
      c.query(sql, {company_id, static_cast<int64_t>(IdGenerator::lowest_at(lo_ms)), static_cast<int64_t>(IdGenerator::lowest_at(hi_ms))},
              [&](const db::Row& r) {
                const int n = group.empty() ? 1 : static_cast<int>(columns.size());
                Key key;
                if (!group.empty()) {
                  for (int i = 0; i < n; ++i) {
                    if (columns[static_cast<size_t>(i)] == "o.project_id") {
                      key.emplace_back(ProjectId(static_cast<uint64_t>(r.int64(i))).to_string());
                    } else {
                      const std::string v(r.text(i));
                      key.push_back(v.empty() ? std::nullopt : std::optional<std::string>(v));
                    }
                  }
                }
                Sums s{r.int64(n), r.int64(n + 1), r.int64(n + 2), r.int64(n + 3), r.int64(n + 4), r.int64(n + 5),
                       r.int64(n + 6), r.int64(n + 7), r.int64(n + 8), r.int64(n + 9)};
                out[key] = s;
              });
    });
    return out;
  }

  // Asks the API and compares every row and metric with SQL.
  static void expect_equal_to_sql(const std::string& group_by, const std::string& filter_params, const std::string& filter_sql,
                                  const std::string& from, const std::string& to, bool reporting = true) {
    const std::string params = "metrics=" + std::string(kMetrics) + "&from=" + from + "&to=" + to +
                               (group_by.empty() ? "" : "&group_by=" + group_by) + filter_params +
                               (reporting ? "" : "&currency=original");
    SCOPED_TRACE(params);
    const auto r = query(params);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto answer = json_of(r);
    const int64_t from_ms = *ms_from_iso(answer.at("from").as_string());
    const int64_t to_ms = *ms_from_iso(answer.at("to").as_string());

    std::vector<std::string> dims, columns;
    std::string time;
    size_t start = 0;
    while (start < group_by.size()) {
      const size_t end = std::min(group_by.find(',', start), group_by.size());
      dims.push_back(group_by.substr(start, end - start));
      start = end + 1;
    }
    for (const auto& d : dims) {
      if (d == "hour" || d == "day" || d == "week" || d == "month") time = d;
      else columns.push_back(d == "project" ? "o.project_id" : "o." + d);
    }
    const bool implicit_currency = !reporting && std::find(dims.begin(), dims.end(), "currency") == dims.end();
    if (implicit_currency) columns.push_back("o.currency");

    const auto key_of = [&](const object& row) {
      Key key;
      for (const auto& d : dims) {
        if (d == time) continue;
        const auto& v = row.at(d);
        key.push_back(v.is_null() ? std::nullopt : std::optional<std::string>(std::string(v.as_string())));
      }
      if (implicit_currency) key.emplace_back(std::string(row.at("currency").as_string()));
      return key;
    };
    const auto compare = [&](const object& row, const Sums& sums) {
      for (size_t s = 0; s < kMetrics.size();) {
        const size_t e = std::min(kMetrics.find(',', s), kMetrics.size());
        const std::string metric(kMetrics.substr(s, e - s));
        s = e + 1;
        ++compared;
        EXPECT_TRUE(same_value(row.at(metric), expected_metric(metric, sums)))
            << metric << ": API " << serialize(row.at(metric)) << ", SQL " << serialize(expected_metric(metric, sums)) << " in " << serialize(row);
      }
    };

    const auto& rows = answer.at("rows").as_array();
    if (time.empty()) {
      const auto expected = sql_sums(columns, filter_sql, from_ms, to_ms, reporting);
      if (columns.empty()) {
        ASSERT_EQ(rows.size(), 1u);
        compare(rows[0].as_object(), expected.empty() ? Sums{} : expected.begin()->second);
      } else {
        EXPECT_EQ(rows.size(), expected.size()) << "groups";
        for (const auto& row : rows) {
          const auto it = expected.find(key_of(row.as_object()));
          ASSERT_NE(it, expected.end()) << "a group SQL does not have: " << serialize(row);
          compare(row.as_object(), it->second);
        }
      }
    } else {
      // Buckets: contiguous from `from` to `to`; each compared with SQL over its own range.
      std::map<std::pair<int64_t, int64_t>, std::vector<const object*>> by_bucket;
      for (const auto& row : rows) {
        const auto& o = row.as_object();
        by_bucket[{*ms_from_iso(o.at("start").as_string()), *ms_from_iso(o.at("end").as_string())}].push_back(&o);
      }
      if (columns.empty()) {
        int64_t expected_start = from_ms;
        for (const auto& [range, list] : by_bucket) {
          EXPECT_EQ(range.first, expected_start);
          expected_start = range.second;
        }
        EXPECT_EQ(expected_start, to_ms);
      }
      for (const auto& [range, list] : by_bucket) {
        const auto expected = sql_sums(columns, filter_sql, range.first, range.second, reporting);
        if (!columns.empty()) {
          EXPECT_EQ(list.size(), expected.size()) << "groups in " << serialize(*list.front());
        }
        for (const object* row : list) {
          if (columns.empty()) {
            compare(*row, expected.empty() ? Sums{} : expected.begin()->second);
            continue;
          }
          const auto it = expected.find(key_of(*row));
          ASSERT_NE(it, expected.end()) << "a group SQL does not have: " << serialize(*row);
          compare(*row, it->second);
        }
      }
    }
  }

  static std::string today_plus(int days) {
    return iso_utc_from_ms(std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch()).count() + int64_t{days} * 86'400'000)
        .substr(0, 10);
  }

  struct FilterCase {
    std::string params;
    std::string sql;
  };
  static std::vector<FilterCase> filter_cases() {
    const std::string project = ProjectId(static_cast<uint64_t>(web_store)).to_string();
    return {
        {"", ""},
        {"&type=sale,capture&status=success", " AND o.type IN ('sale', 'capture') AND o.status = 'success'"},
        {"&method=card&country=DE,FR", " AND o.method = 'card' AND o.country IN ('DE', 'FR')"},
        {"&project=" + project + "&currency=EUR,USD", " AND o.project_id = " + std::to_string(web_store) + " AND o.currency IN ('EUR', 'USD')"},
        {"&status=decline,error&card_brand=visa,none", " AND o.status IN ('decline', 'error') AND o.card_brand IN ('visa', '')"},
    };
  }

  static void compare_everything(const std::vector<std::string>& groupings) {
    const std::string from = today_plus(-45), to = today_plus(1);
    for (const auto& filter : filter_cases()) {
      for (const auto& g : groupings) {
        expect_equal_to_sql(g, filter.params, filter.sql, from, to);
        if (HasFatalFailure()) return;
      }
    }
    // Amounts in their own currencies; hours over two days; months over the whole year.
    for (const auto& g : {std::string(), std::string("country"), std::string("day"), std::string("currency,method")}) {
      expect_equal_to_sql(g, "", "", from, to, false);
    }
    expect_equal_to_sql("hour", "", "", today_plus(-2), today_plus(0));
    expect_equal_to_sql("month", "", "", today_plus(-400), to);
    expect_equal_to_sql("month,status", "&type=refund,chargeback", " AND o.type IN ('refund', 'chargeback')", today_plus(-400), to);
  }

  static inline IdentityFixture* f = nullptr;
  static inline std::string* api_key = nullptr;
  static inline Session* owner = nullptr;
  static inline db::Database* database = nullptr;
  static inline int64_t company_id = 0;
  static inline int64_t web_store = 0;
  static inline int64_t compared = 0;  // metric values compared with SQL
};

const std::vector<std::string> kGroupings = {
    "", "project", "type", "status", "method", "country", "currency", "card_brand", "decline_code",
    "day", "week", "method,country", "day,method", "type,status", "project,currency"};

TEST_F(AnalyticsApi, EveryMetricUnderEveryGroupingEqualsTheSqlAggregate) {
  wait_for_index();
  compared = 0;
  compare_everything(kGroupings);
  std::cout << "compared " << compared << " metric values with SQL\n";
  EXPECT_GT(compared, 5'000);
}

TEST_F(AnalyticsApi, StillEqualAfterRefundsChangeEarlierPayments) {
  // Refund seeded payments of the Web Store from months ago: new operations change their payments.
  std::vector<int64_t> payments;
  database->read([&](db::Connection& c) {
    c.query("SELECT id FROM payments WHERE project_id = $1 AND status = 'success' ORDER BY id LIMIT 6", {web_store},
            [&](const db::Row& r) { payments.push_back(r.int64(0)); });
  });
  ASSERT_EQ(payments.size(), 6u);
  for (size_t i = 0; i < payments.size(); ++i) {
    const std::string body = i % 2 ? "{\"amount\":100}" : "{}";
    const auto r = f->with_key(*api_key, "POST", "/api/v1/payments/" + PaymentId(static_cast<uint64_t>(payments[i])).to_string() + "/refunds", body);
    EXPECT_EQ(r.status, 201) << r.body;
  }
  wait_for_index();
  compare_everything({"", "type", "status", "day", "type,status", "project,currency"});
}

TEST_F(AnalyticsApi, AllOverTheCompanyOrRestrictedToTheCallersProjects) {
  // The key sees the Web Store only; the owner sees every project.
  const std::string range = "&from=" + today_plus(-30) + "&to=" + today_plus(1);
  const auto by_key = f->with_key(*api_key, "GET", "/api/v1/analytics/query?metrics=count&group_by=project" + range);
  ASSERT_EQ(by_key.status, 200) << by_key.body;
  const auto by_key_answer = json_of(by_key);
  const auto& rows = by_key_answer.at("rows").as_array();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("project").as_string(), ProjectId(static_cast<uint64_t>(web_store)).to_string());
  const auto everything = query("metrics=count&group_by=project" + range);
  EXPECT_EQ(json_of(everything).at("rows").as_array().size(), 3u);
  // Naming a project the caller cannot read is refused, not silently emptied.
  int64_t other = 0;
  database->read([&](db::Connection& c) { other = *c.query_int64("SELECT id FROM projects WHERE name = 'Marketplace'"); });
  const auto refused = f->with_key(*api_key, "GET", "/api/v1/analytics/query?project=" + ProjectId(static_cast<uint64_t>(other)).to_string());
  EXPECT_EQ(refused.status, 403) << refused.body;
}

TEST_F(AnalyticsApi, BadQueriesAreProblemsNamingEachParameter) {
  const auto r = query("metrics=count,turnover&group_by=day,week,country&type=sale,gift&from=2026-02-30&currency=XYZ&bogus=1");
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  std::set<std::string> fields;
  const auto problem = json_of(r);
  for (const auto& e : problem.at("errors").as_array()) fields.insert(std::string(e.at("field").as_string()));
  for (const char* name : {"metrics", "group_by", "type", "from", "currency", "bogus"}) EXPECT_TRUE(fields.contains(name)) << name;
  EXPECT_EQ(query("from=2026-03-02&to=2026-03-01").status, 400);
  EXPECT_EQ(query("group_by=hour&from=2020-01-01&to=2026-01-01").status, 400);  // too many buckets
  EXPECT_EQ(query("time_zone=Mars/Olympus").status, 400);
}

TEST_F(AnalyticsApi, ComparesWithThePreviousPeriodOfTheSameLength) {
  const auto r = query("metrics=count,amount&type=sale,capture&status=success&from=" + today_plus(-14) + "&to=" + today_plus(0) +
                       "&compare=previous_period");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto answer = json_of(r);
  const auto& previous = answer.at("previous").as_object();
  EXPECT_EQ(previous.at("to").as_string(), answer.at("from").as_string());
  const int64_t length = *ms_from_iso(answer.at("to").as_string()) - *ms_from_iso(answer.at("from").as_string());
  const int64_t previous_length = *ms_from_iso(previous.at("to").as_string()) - *ms_from_iso(previous.at("from").as_string());
  EXPECT_NEAR(static_cast<double>(previous_length), static_cast<double>(length), 3'600'000.0);  // a DST change moves it by an hour
  const auto sums = sql_sums({}, " AND o.type IN ('sale', 'capture') AND o.status = 'success'",
                             *ms_from_iso(previous.at("from").as_string()), *ms_from_iso(previous.at("to").as_string()), true);
  EXPECT_EQ(previous.at("totals").as_array()[0].at("count").as_int64(), sums.empty() ? 0 : sums.begin()->second.count);
  EXPECT_EQ(previous.at("totals").as_array()[0].at("amount").as_int64(), sums.empty() ? 0 : sums.begin()->second.amount);
}

TEST_F(AnalyticsApi, FxRatesChangeTheReportingFiguresAndImportIsAllOrNothing) {
  // The UTC day of the last 60 with the most USD operations.
  std::map<int64_t, int> usd_days;
  database->read([&](db::Connection& c) {
    c.query("SELECT id FROM operations WHERE company_id = $1 AND currency = 'USD' AND id >= $2", {company_id,
            static_cast<int64_t>(IdGenerator::lowest_at(*ms_from_iso(today_plus(-60))))},
            [&](const db::Row& r) { ++usd_days[IdGenerator::timestamp_ms_of(static_cast<uint64_t>(r.int64(0))) / 86'400'000]; });
  });
  ASSERT_FALSE(usd_days.empty());
  const int64_t busiest = std::max_element(usd_days.begin(), usd_days.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
  const std::string day = iso_utc_from_ms(busiest * 86'400'000).substr(0, 10);
  const std::string from = day + "T00:00:00Z", to = iso_utc_from_ms((busiest + 1) * 86'400'000).substr(0, 10) + "T00:00:00Z";
  const std::string range = "metrics=amount&currency=USD&from=" + from + "&to=" + to;
  const auto before = json_of(query(range)).at("totals").as_array()[0].at("amount").as_int64();
  HttpClient client(f->port());
  auto h = owner->headers();
  h.emplace_back("Content-Type", "application/json");
  const auto put = client.request("PUT", "/api/v1/fx-rates/" + day + "/USD", h, "{\"rate\":\"2.5\"}");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(json_of(put).at("rate").as_string(), "2.5");
  // The index re-converts; then it equals SQL with the new rate.
  int64_t after = before;
  for (int i = 0; i < 100 && after == before; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    after = json_of(query(range)).at("totals").as_array()[0].at("amount").as_int64();
  }
  EXPECT_NE(after, before);
  expect_equal_to_sql("currency", "", "", from, to);

  h.back() = {"Content-Type", "text/csv"};
  const int64_t rates_before = database->read([](db::Connection& c) { return *c.query_int64("SELECT COUNT(*) FROM fx_rates"); });
  const auto bad = client.request("POST", "/api/v1/fx-rates/import", h,
                                  "day,currency,rate\n2026-01-05,USD,0.91\n2026-01-06,XXX,1\n2026-02-30,GBP,1.1\n2026-01-07,GBP,-1\n");
  ASSERT_EQ(bad.status, 400) << bad.body;
  const auto bad_answer = json_of(bad);
  const auto& errors = bad_answer.at("errors").as_array();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].at("field").as_string(), "line 3");
  EXPECT_EQ(database->read([](db::Connection& c) { return *c.query_int64("SELECT COUNT(*) FROM fx_rates"); }), rates_before);
  const auto good = client.request("POST", "/api/v1/fx-rates/import", h, "day,currency,rate\n\"2019-01-02\",CHF,\"0.95\"\n2019-01-02,JPY,0.0071\n");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(json_of(good).at("imported").as_int64(), 2);
  const auto listed = client.request("GET", "/api/v1/fx-rates?currency=CHF,JPY&from=2019-01-01&to=2019-01-03", owner->headers(false));
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(json_of(listed).at("data").as_array().size(), 2u);
  EXPECT_EQ(json_of(listed).at("data").as_array()[1].at("rate").as_string(), "0.0071");
  // Both changes are in the audit log.
  const auto audit = client.request("GET", "/api/v1/audit-events?action=fx_rate.set", owner->headers(false));
  EXPECT_NE(audit.body.find("fx_rate.set"), std::string::npos);
  EXPECT_EQ(client.request("PUT", "/api/v1/fx-rates/" + day + "/EUR", {h[0], h[1], {"Content-Type", "application/json"}}, "{\"rate\":\"1\"}").status, 400);
}

// Reads server-sent events from a raw socket.
class EventStream {
 public:
  EventStream(uint16_t port, const std::string& target, const std::string& cookie) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) throw std::runtime_error("connect");
    const std::string request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie + "\r\nAccept: text/event-stream\r\n\r\n";
    ::send(fd_, request.data(), request.size(), MSG_NOSIGNAL);
  }
  ~EventStream() { ::close(fd_); }
  // Everything received until `until` appears (or the timeout).
  std::string read_until(const std::string& until, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (data_.find(until) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      char buffer[8192];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      data_.append(buffer, static_cast<size_t>(n));
    }
    return data_;
  }

 private:
  int fd_ = -1;
  std::string data_;
};

TEST_F(AnalyticsApi, LiveOperationsArriveAsServerSentEvents) {
  EventStream stream(f->port(), "/api/v1/analytics/live?backlog=3", owner->cookie);
  const std::string head = stream.read_until("event: operation", std::chrono::seconds(5));
  EXPECT_NE(head.find("200 OK"), std::string::npos) << head;
  EXPECT_NE(head.find("text/event-stream"), std::string::npos);
  const auto payment = create_payment("4242424242424242", 4321, "NL");
  const std::string id(payment.at("id").as_string());
  const std::string all = stream.read_until("\"payment_id\":\"" + id + "\",\"project_id\"", std::chrono::seconds(5));
  const size_t at = all.find("\"payment_id\":\"" + id + "\"");
  ASSERT_NE(at, std::string::npos) << all;
  const std::string event = all.substr(all.rfind("data: ", at));
  EXPECT_NE(event.find("\"amount\":4321"), std::string::npos) << event;
  EXPECT_NE(event.find("\"country\":\"NL\""), std::string::npos) << event;
  // No other company's operations and no card numbers ever travel here.
  EXPECT_EQ(all.find("4242424242424242"), std::string::npos);
}

TEST_F(AnalyticsApi, ASecondProcessSeesAChangeMadeThroughTheFirst) {
  KassaProcess second(f->url(), {"--data-dir", f->dir(), "--analytics-poll-ms", "100"});
  const std::string params = "metrics=count&country=IS&from=" + today_plus(-1) + "&to=" + today_plus(1);
  const auto count_on = [&](uint16_t port) {
    const auto r = query(params, port);
    EXPECT_EQ(r.status, 200) << r.body;
    return json_of(r).at("totals").as_array()[0].at("count").as_int64();
  };
  const int64_t before = count_on(second.port());
  create_payment("4242424242424242", 1500, "IS");
  const auto started = std::chrono::steady_clock::now();
  int64_t seen = before;
  while (seen == before && std::chrono::steady_clock::now() - started < std::chrono::seconds(5)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    seen = count_on(second.port());
  }
  const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  EXPECT_EQ(seen, before + 1);
  EXPECT_LT(waited.count(), 1000) << "the second process took " << waited.count() << " ms";
  EXPECT_EQ(count_on(f->port()), before + 1);
}

// PostgreSQL hands change numbers out from a sequence: a transaction can commit its number
// after a higher one was committed and read. The follower must still apply it.
TEST_F(AnalyticsApi, AChangeCommittedAfterAHigherNumberIsStillFollowed) {
  if (database->backend() != db::Backend::postgresql) {
    GTEST_SKIP() << "SQLite commits change numbers in order (its writes are serial)";
  }
  const std::string params = "metrics=count&country=FO&from=" + today_plus(-1) + "&to=" + today_plus(1);
  const auto count = [&] {
    const auto r = query(params);
    EXPECT_EQ(r.status, 200) << r.body;
    return json_of(r).at("totals").as_array()[0].at("count").as_int64();
  };
  const auto wait_for_count = [&](int64_t expected) {
    int64_t seen = -1;
    for (int i = 0; i < 250 && seen != expected; ++i) {
      seen = count();
      if (seen != expected) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return seen;
  };
  ASSERT_EQ(count(), 0);
  int64_t late_number = 0;
  database->write([&](db::Connection& c) {
    // A declined sale, written like the server writes one: the payment first, then the operation with its number.
    const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count();
    payments::Payment p;
    p.id = IdGenerator::compose(now, 1001, 1);
    p.company_id = static_cast<uint64_t>(company_id);
    p.project_id = static_cast<uint64_t>(web_store);
    p.merchant_reference = "late-commit";
    p.amount = 4200;
    p.currency = "EUR";
    p.method = "card";
    p.status = payments::PaymentStatus::declined;
    p.totals.first_status = payments::OperationStatus::decline;
    p.customer_country = "FO";
    p.created_at_ms = p.updated_at_ms = now;
    payments::store::insert_payment(c, p);
    payments::Operation op{IdGenerator::compose(now, 1001, 2), p.id, p.company_id, p.project_id, payments::OperationType::sale,
                           payments::OperationStatus::decline, 4200, "EUR", 0, "card", "sbx_late", "05", "Do not honour",
                           now, now, 0, "FO", "visa"};
    payments::store::insert_operation_numbered(c, op);
    late_number = op.change_seq;
    // Meanwhile a payment with a higher number commits, and the index reads past this one.
    create_payment("4242424242424242", 1500, "FO");
    EXPECT_EQ(wait_for_count(1), 1);
    // The index does not claim to be complete through a number still in flight.
    EXPECT_LT(json_of(query(params)).at("as_of_change").as_int64(), late_number);
  });
  // Committed now, below what the index has read: it arrives all the same.
  EXPECT_EQ(wait_for_count(2), 2) << "the operation numbered " << late_number << " was missed";
  EXPECT_GE(json_of(query(params)).at("as_of_change").as_int64(), late_number);
}

// A day with a daylight-saving change, end to end: the server's clock moves to the
// night Europe/Berlin springs forward (2027-03-28, 02:00 → 03:00) and payments are made around it.
TEST(AnalyticsDst, ADaylightSavingDayHas23HoursAndBucketsFollowTheLocalClock) {
  IdentityFixture f;
  f.create_user("Zone Co", "owner@zone.test", "owner");
  ASSERT_EQ(f.cli({"project", "create", "--company", "Zone Co", "--name", "Shop", "--currency", "EUR"}).exit_code, 0);
  const auto key_out = f.cli({"apikey", "create", "--company", "Zone Co", "--project", "Shop", "--name", "k"});
  const std::string key = key_out.output.substr(0, key_out.output.find('\n'));
  f.start();
  const int64_t now = f.advance_clock(0);
  int n = 0;
  const auto pay_at = [&](const std::string& instant) {
    f.advance_clock(*ms_from_iso(instant) - f.advance_clock(0));
    const object body{{"amount", 1000}, {"currency", "EUR"}, {"merchant_reference", "dst-" + std::to_string(++n)},
                      {"method", "card"},
                      {"card", object{{"number", "4242424242424242"}, {"exp_month", 12}, {"exp_year", 2034}, {"cvc", "123"}}}};
    const auto r = f.with_key(key, "POST", "/api/v1/payments", serialize(body));
    EXPECT_EQ(r.status, 201) << r.body;
  };
  ASSERT_LT(now, *ms_from_iso("2027-03-27T22:30:00Z"));
  pay_at("2027-03-27T22:30:00Z");  // 23:30 CET on the 27th
  pay_at("2027-03-27T23:30:00Z");  // 00:30 CET on the 28th
  pay_at("2027-03-28T00:59:00Z");  // 01:59 CET on the 28th
  pay_at("2027-03-28T01:00:00Z");  // 03:00 CEST on the 28th: 02:00-02:59 never happened
  pay_at("2027-03-28T21:59:00Z");  // 23:59 CEST on the 28th
  pay_at("2027-03-28T22:00:00Z");  // 00:00 CEST on the 29th
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  const auto r = f.with_key(key, "GET", "/api/v1/analytics/query?metrics=count&type=sale&group_by=day&from=2027-03-27&to=2027-03-30");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto answer = json_of(r);
  const auto& rows = answer.at("rows").as_array();
  ASSERT_EQ(rows.size(), 3u) << r.body;
  EXPECT_EQ(rows[0].at("day").as_string(), "2027-03-27");
  EXPECT_EQ(rows[0].at("count").as_int64(), 1);
  EXPECT_EQ(rows[1].at("day").as_string(), "2027-03-28");
  EXPECT_EQ(rows[1].at("start").as_string(), "2027-03-28T00:00:00+01:00");
  EXPECT_EQ(rows[1].at("end").as_string(), "2027-03-29T00:00:00+02:00");  // 23 hours
  EXPECT_EQ(rows[1].at("count").as_int64(), 4);
  EXPECT_EQ(rows[2].at("count").as_int64(), 1);
  // Hours of that night: 01:00 CET is followed by 03:00 CEST.
  const auto hours = f.with_key(key, "GET", "/api/v1/analytics/query?metrics=count&type=sale&group_by=hour&from=2027-03-28T01:00&to=2027-03-28T04:00");
  ASSERT_EQ(hours.status, 200) << hours.body;
  const auto hours_answer = json_of(hours);
  const auto& h = hours_answer.at("rows").as_array();
  ASSERT_EQ(h.size(), 2u) << hours.body;
  EXPECT_EQ(h[0].at("hour").as_string(), "2027-03-28T01:00:00+01:00");
  EXPECT_EQ(h[0].at("count").as_int64(), 1);
  EXPECT_EQ(h[1].at("hour").as_string(), "2027-03-28T03:00:00+02:00");
  EXPECT_EQ(h[1].at("count").as_int64(), 1);
  // The same night in New York is an ordinary one.
  const auto ny = f.with_key(key, "GET", "/api/v1/analytics/query?metrics=count&type=sale&group_by=day&from=2027-03-27&to=2027-03-29&time_zone=America/New_York");
  ASSERT_EQ(ny.status, 200) << ny.body;
  EXPECT_EQ(json_of(ny).at("rows").as_array()[0].at("end").as_string(), "2027-03-28T00:00:00-04:00");
  EXPECT_EQ(json_of(ny).at("rows").as_array()[0].at("count").as_int64(), 4);
}

}  // namespace
}  // namespace kassa::test

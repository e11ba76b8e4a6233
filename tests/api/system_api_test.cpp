// Black-box tests: a real `kassa serve` process, over HTTP, on the backend
// chosen by KASSA_TEST_BACKEND (SQLite by default, PostgreSQL in `make test`'s
// second pass).
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <filesystem>
#include <fstream>

#include "db/database.hpp"
#include "http_client.hpp"
#include "test_env.hpp"

namespace kassa::test {
namespace {

class SystemApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(make_temp_dir("kassa-sys"));
    server_ = new KassaProcess(fresh_database_url(*dir_));
  }
  static void TearDownTestSuite() {
    delete server_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static boost::json::object json(const HttpResponse& r) { return boost::json::parse(r.body).as_object(); }

  static inline std::string* dir_ = nullptr;
  static inline KassaProcess* server_ = nullptr;
};

TEST_F(SystemApi, HealthAndReadiness) {
  HttpClient client(server_->port());
  auto r = client.get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(json(r).at("status"), "ok");
  r = client.get("/readyz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(json(r).at("status"), "ready");
  const char* backend = std::getenv("KASSA_TEST_BACKEND");
  EXPECT_EQ(json(r).at("database"), backend ? backend : "sqlite");
  r = client.get("/api/v1/version");
  EXPECT_EQ(json(r).at("version"), KASSA_VERSION);
}

TEST_F(SystemApi, KeepAliveServesManyRequestsOnOneConnection) {
  HttpClient client(server_->port());
  for (int i = 0; i < 50; ++i) ASSERT_EQ(client.get("/healthz").status, 200);
  EXPECT_TRUE(client.connected());
}

TEST_F(SystemApi, MetricsAreInPrometheusFormat) {
  HttpClient client(server_->port());
  client.get("/healthz");
  const auto r = client.get("/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.header("content-type").starts_with("text/plain; version=0.0.4"));
  EXPECT_NE(r.body.find("kassa_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}"), std::string::npos);
  EXPECT_NE(r.body.find("kassa_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"}"), std::string::npos);
  EXPECT_NE(r.body.find("kassa_db_connections{state=\"in_use\"}"), std::string::npos);
}

TEST_F(SystemApi, MalformedRequestsGetProblemJson) {
  HttpClient client(server_->port());
  auto r = client.get("/api/v1/does-not-exist");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  EXPECT_EQ(json(r).at("status"), 404);
  EXPECT_FALSE(json(r).at("request_id").as_string().empty());

  r = client.request("DELETE", "/healthz");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, HEAD");

  r = client.get("/readyz?x=%zz");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json(r).at("type"), "https://kassa.dev/problems/bad-query");

  r = client.request("POST", "/api/v1/version", {{"Content-Type", "application/json"}}, "{");
  EXPECT_EQ(r.status, 405);
}

TEST_F(SystemApi, OversizedBodyIs413AndOversizedHeaderIs431) {
  {
    HttpClient client(server_->port());
    const auto r = client.request("POST", "/healthz", {{"Content-Type", "application/json"}}, std::string(2 << 20, 'x'));
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
  }
  {
    HttpClient client(server_->port());
    const auto r = client.request("GET", "/healthz", {{"X-Big", std::string(64 << 10, 'a')}});
    EXPECT_EQ(r.status, 431);
  }
}

TEST_F(SystemApi, GarbageIsRefusedWithoutCrashing) {
  {
    HttpClient client(server_->port());
    try {
      client.raw("NOT HTTP AT ALL\r\n\r\n");
    } catch (const std::exception&) {
      // the server may simply close the connection
    }
  }
  HttpClient client(server_->port());
  EXPECT_EQ(client.get("/healthz").status, 200);
}

TEST_F(SystemApi, RequestIdIsEchoedOrCreated) {
  HttpClient client(server_->port());
  auto r = client.request("GET", "/healthz", {{"X-Request-Id", "trace-123"}});
  EXPECT_EQ(r.header("x-request-id"), "trace-123");
  r = client.get("/healthz");
  EXPECT_TRUE(r.header("x-request-id").starts_with("req_"));
}

TEST_F(SystemApi, TheWebAppFallbackServesIndexHtml) {
  // The server's web dir is empty in this test: it answers with a notice page, not an error.
  HttpClient client(server_->port());
  const auto r = client.get("/payments/somewhere");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.header("content-type").starts_with("text/html"));
  EXPECT_EQ(client.get("/assets/missing.js").status, 404);
}

TEST(ServeCommand, ServesBuiltAssetsWithCachingHeaders) {
  const std::string dir = make_temp_dir("kassa-web");
  std::filesystem::create_directories(dir + "/web/assets");
  std::ofstream(dir + "/web/index.html") << "<!doctype html><title>Kassa</title>";
  std::ofstream(dir + "/web/assets/app-1a2b3c.js") << "console.log(1)";
  KassaProcess server("sqlite:" + dir + "/k.db", {"--web-dir", dir + "/web"});
  HttpClient client(server.port());
  auto r = client.get("/assets/app-1a2b3c.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r.header("cache-control"), "public, max-age=31536000, immutable");
  r = client.get("/settings/users");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<!doctype html><title>Kassa</title>");
  EXPECT_EQ(r.header("cache-control"), "no-cache");
  const std::string etag = r.header("etag");
  r = client.request("GET", "/", {{"If-None-Match", etag}});
  EXPECT_EQ(r.status, 304);
  r = client.request("HEAD", "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-length"), "35");
  EXPECT_EQ(server.stop(), 0);
  std::filesystem::remove_all(dir);
}

TEST(ServeCommand, CreatesAPrivateMasterKeyAndMigrates) {
  const std::string dir = make_temp_dir("kassa-key");
  {
    KassaProcess server("sqlite:" + dir + "/k.db", {"--data-dir", dir});
    EXPECT_EQ(server.stop(), 0);
  }
  const auto status = std::filesystem::status(dir + "/master.key");
  EXPECT_EQ(status.permissions() & std::filesystem::perms::all, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::filesystem::remove_all(dir);
}

TEST(SeedCommand, CreatesTheDemoCompanyAndABalancedHistoryOnce) {
  const std::string dir = make_temp_dir("kassa-seed");
  const std::string url = fresh_database_url(dir);
  const std::vector<std::string> common = {"--db", url, "--data-dir", dir, "--log-level", "warn"};
  auto args = std::vector<std::string>{"seed", "--operations", "3000"};
  args.insert(args.end(), common.begin(), common.end());
  auto result = run_kassa(args);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("owner@demo-shop.example"), std::string::npos);
  EXPECT_NE(result.output.find("TOTP secret:"), std::string::npos);
  EXPECT_NE(result.output.find("operations in"), std::string::npos);
  result = run_kassa(args);  // a second run adds nothing
  EXPECT_NE(result.output.find("no history added"), std::string::npos);
  auto verify = std::vector<std::string>{"ledger", "verify"};
  verify.insert(verify.end(), common.begin(), common.end());
  EXPECT_EQ(run_kassa(verify).exit_code, 0);
  auto database = db::Database::open(url, {.pool_size = 1});
  database->read([](db::Connection& c) {
    const auto operations = *c.query_int64("SELECT COUNT(*) FROM operations");
    EXPECT_GT(operations, 2500);
    EXPECT_LT(operations, 3500);
    EXPECT_GT(*c.query_int64("SELECT COUNT(DISTINCT status) FROM payments"), 4);
    EXPECT_GT(*c.query_int64("SELECT COUNT(*) FROM operations WHERE type = 'refund'"), 0);
    // Ids are time-ordered: the id order is the creation order.
    EXPECT_EQ(*c.query_int64("SELECT COUNT(*) FROM (SELECT id, created_at_ms, LAG(created_at_ms) OVER (ORDER BY id) AS previous"
                             " FROM payments) t WHERE previous > created_at_ms"), 0);
    EXPECT_EQ(*c.query_int64("SELECT COUNT(*) FROM users"), 8);
  });
  std::filesystem::remove_all(dir);
}

TEST(ServeCommand, BadArgumentsExitWith2) {
  const std::string command = std::string(KASSA_BINARY) + " serve --listen nonsense >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 2);
  const int unknown = std::system((std::string(KASSA_BINARY) + " serve --frobnicate >/dev/null 2>&1").c_str());
  EXPECT_EQ(WEXITSTATUS(unknown), 2);
}

}  // namespace
}  // namespace kassa::test

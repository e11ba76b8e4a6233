#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "db/database.hpp"
#include "http/pipeline.hpp"
#include "http/problem.hpp"

namespace kassa::http {
namespace {

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add(Method::post, "/things", [](Request& r) {
      return json_response(201, boost::json::object{{"got", r.json->at("name")}});
    }, {.json_body = true});
    router.add(Method::get, "/things/{id}", [](Request& r) {
      return json_response(200, boost::json::object{{"id", r.param("id")}, {"q", r.query("q").value_or("-")}});
    });
    router.add(Method::get, "/boom", [](Request&) -> Response { throw std::runtime_error("secret detail"); });
    router.add(Method::get, "/db-down", [](Request&) -> Response {
      throw db::DatabaseError(db::DatabaseError::Kind::connection, "connection refused");
    });
    router.add(Method::get, "/rule", [](Request&) {
      return problem(Error::make(ErrorCode::unprocessable, "refund-exceeds-captured", "too much"));
    });
    router.set_fallback([](Request&) { return text_response(200, "<html>", "text/html; charset=utf-8"); });
  }

  Response send(Method method, std::string target, std::string body = "", std::string content_type = "application/json") {
    Request r;
    r.method = method;
    r.method_text = std::string(to_string(method));
    r.target = target;
    const size_t q = target.find('?');
    r.path = target.substr(0, q);
    r.raw_query = q == std::string::npos ? "" : target.substr(q + 1);
    r.body = std::move(body);
    if (!content_type.empty()) r.headers.push_back({"content-type", content_type});
    return pipeline.handle(r);
  }

  static boost::json::object problem_of(const Response& r) {
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
    return boost::json::parse(r.body).as_object();
  }

  Router router;
  Metrics metrics;
  Pipeline pipeline{router, metrics, {.access_log = false}};
};

TEST_F(PipelineTest, ParsesJsonBodiesAndPathAndQueryParameters) {
  auto r = send(Method::post, "/things", R"({"name":"x"})");
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.body, R"({"got":"x"})");
  r = send(Method::get, "/things/t1?q=a%20b");
  EXPECT_EQ(r.body, R"({"id":"t1","q":"a b"})");
}

TEST_F(PipelineTest, MalformedJsonIs400) {
  const auto r = send(Method::post, "/things", "{\"name\":");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(problem_of(r).at("type"), "https://kassa.dev/problems/malformed-json");
}

TEST_F(PipelineTest, WrongContentTypeIs415) {
  EXPECT_EQ(send(Method::post, "/things", "name=x", "application/x-www-form-urlencoded").status, 415);
  EXPECT_EQ(send(Method::post, "/things", R"({"name":"x"})", "").status, 415);
  EXPECT_EQ(send(Method::post, "/things", R"({"name":"x"})", "application/json; charset=utf-8").status, 201);
  EXPECT_EQ(send(Method::post, "/things", R"({"name":"x"})", "application/merge-patch+json").status, 201);
}

TEST_F(PipelineTest, BadQueryIs400) {
  const auto r = send(Method::get, "/things/t1?q=%zz");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(problem_of(r).at("type"), "https://kassa.dev/problems/bad-query");
}

TEST_F(PipelineTest, UnknownApiPathIs404AndOtherPathsGoToTheWebApp) {
  auto r = send(Method::get, "/api/v1/nothing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(problem_of(r).at("instance"), "/api/v1/nothing");
  r = send(Method::get, "/payments/whatever");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<html>");
  EXPECT_FALSE(r.header("content-security-policy").empty());
  EXPECT_EQ(send(Method::post, "/payments/whatever").status, 404);
}

TEST_F(PipelineTest, WrongMethodIs405WithAllow) {
  const auto r = send(Method::del, "/things");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "POST");
}

TEST_F(PipelineTest, ABugIs500WithoutInternalDetails) {
  const auto r = send(Method::get, "/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret detail"), std::string::npos);
  EXPECT_FALSE(problem_of(r).at("request_id").as_string().empty());
}

TEST_F(PipelineTest, DatabaseOutageIs503) {
  const auto r = send(Method::get, "/db-down");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.body.find("connection refused"), std::string::npos);
}

TEST_F(PipelineTest, ServiceErrorsMapToTheirStatus) {
  const auto r = send(Method::get, "/rule");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(problem_of(r).at("type"), "https://kassa.dev/problems/refund-exceeds-captured");
}

TEST_F(PipelineTest, EveryResponseHasRequestIdAndSecurityHeaders) {
  const auto r = send(Method::get, "/things/1");
  EXPECT_TRUE(r.header("x-request-id").starts_with("req_"));
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("x-frame-options"), "DENY");
  EXPECT_EQ(r.header("cache-control"), "no-store");
}

TEST_F(PipelineTest, KeepsAValidCallerRequestIdAndReplacesAnInvalidOne) {
  EXPECT_EQ(choose_request_id("abc-123_X.y"), "abc-123_X.y");
  EXPECT_NE(choose_request_id("bad id with spaces"), "bad id with spaces");
  EXPECT_NE(choose_request_id(std::string(65, 'a')), std::string(65, 'a'));
  EXPECT_NE(choose_request_id(""), choose_request_id(""));
}

TEST_F(PipelineTest, CountsRequestsByRoutePattern) {
  send(Method::get, "/things/1");
  send(Method::get, "/things/2");
  send(Method::get, "/api/v1/x");
  const std::string text = metrics.render();
  EXPECT_NE(text.find(R"(kassa_http_requests_total{route="/things/{id}",method="GET",status="200"} 2)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(route="unmatched")"), std::string::npos);
  EXPECT_NE(text.find("kassa_http_request_duration_seconds_bucket"), std::string::npos);
}

}  // namespace
}  // namespace kassa::http

#include <gtest/gtest.h>

#include "http/router.hpp"

namespace kassa::http {
namespace {

Handler named(std::string name) {
  return [name](Request&) { return text_response(200, name); };
}

std::string call(const RouteMatch& match) {
  Request request;
  return match.route->handler(request).body;
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add(Method::get, "/api/v1/payments", named("list"));
    router.add(Method::post, "/api/v1/payments", named("create"));
    router.add(Method::get, "/api/v1/payments/export", named("export"));
    router.add(Method::get, "/api/v1/payments/{id}", named("show"));
    router.add(Method::post, "/api/v1/payments/{id}/refunds", named("refund"));
    router.add(Method::get, "/api/v1/payments/{id}/refunds/{refund_id}", named("refund_show"));
  }
  Router router;
};

TEST_F(RouterTest, MatchesStaticAndParameterSegments) {
  auto m = router.match(Method::get, "/api/v1/payments");
  ASSERT_EQ(m.kind, RouteMatch::Kind::found);
  EXPECT_EQ(call(m), "list");

  m = router.match(Method::get, "/api/v1/payments/pay_123");
  ASSERT_EQ(m.kind, RouteMatch::Kind::found);
  EXPECT_EQ(call(m), "show");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"id", "pay_123"}));

  m = router.match(Method::get, "/api/v1/payments/pay_1/refunds/re_2");
  ASSERT_EQ(m.kind, RouteMatch::Kind::found);
  EXPECT_EQ(call(m), "refund_show");
  EXPECT_EQ(m.params.size(), 2u);
  EXPECT_EQ(m.params[1].second, "re_2");
}

TEST_F(RouterTest, StaticSegmentWinsOverParameter) {
  const auto m = router.match(Method::get, "/api/v1/payments/export");
  ASSERT_EQ(m.kind, RouteMatch::Kind::found);
  EXPECT_EQ(call(m), "export");
  EXPECT_TRUE(m.params.empty());
}

TEST_F(RouterTest, TrailingAndDoubleSlashesAreIgnored) {
  EXPECT_EQ(router.match(Method::get, "/api/v1/payments/").kind, RouteMatch::Kind::found);
  EXPECT_EQ(router.match(Method::get, "//api//v1/payments").kind, RouteMatch::Kind::found);
}

TEST_F(RouterTest, WrongMethodListsAllowedMethods) {
  const auto m = router.match(Method::del, "/api/v1/payments");
  ASSERT_EQ(m.kind, RouteMatch::Kind::method_not_allowed);
  EXPECT_EQ(m.allowed, (std::vector<Method>{Method::get, Method::head, Method::post}));
}

TEST_F(RouterTest, HeadFallsBackToGet) {
  const auto m = router.match(Method::head, "/api/v1/payments/x");
  ASSERT_EQ(m.kind, RouteMatch::Kind::found);
  EXPECT_EQ(call(m), "show");
}

TEST_F(RouterTest, UnknownPathsAreNotFound) {
  EXPECT_EQ(router.match(Method::get, "/api/v1/nothing").kind, RouteMatch::Kind::not_found);
  EXPECT_EQ(router.match(Method::get, "/api/v1").kind, RouteMatch::Kind::not_found);
  EXPECT_EQ(router.match(Method::get, "/api/v1/payments/a/b/c/d").kind, RouteMatch::Kind::not_found);
}

TEST_F(RouterTest, RefusesDuplicatesAndMalformedPatterns) {
  EXPECT_THROW(router.add(Method::get, "/api/v1/payments", named("again")), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/api/v1/payments/{other}", named("x")), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "no-slash", named("x")), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/a{b}", named("x")), std::invalid_argument);
}

TEST(SplitPath, Splits) {
  EXPECT_EQ(split_path("/a/b"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_TRUE(split_path("/").empty());
  EXPECT_TRUE(split_path("").empty());
}

}  // namespace
}  // namespace kassa::http

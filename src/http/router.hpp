#pragma once
// Routes by method and path pattern ("/api/v1/payments/{id}/refunds").
// A path that matches with another method answers 405 with Allow.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace kassa::http {

using Handler = std::function<Response(Request&)>;

inline constexpr size_t kBodyLimitDefault = 1 << 20;  // 1 MiB

struct RouteOptions {
  bool json_body = false;     // the body must be JSON (415/400 otherwise); parsed into Request::json
  bool run_inline = false;    // cheap and non-blocking: runs on the I/O thread, not the worker pool
  size_t body_limit = kBodyLimitDefault;
  // Access, set by the identity guard: who may call the route (the authorization
  // matrix test reads these). Empty permission with authenticated: any signed-in caller.
  bool authenticated = false;
  std::string permission;
};

struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
};

struct RouteMatch {
  enum class Kind { found, method_not_allowed, not_found };
  Kind kind = Kind::not_found;
  const Route* route = nullptr;
  Params params;
  std::vector<Method> allowed;  // for method_not_allowed
};

class Router {
 public:
  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Throws std::invalid_argument for a malformed pattern or a duplicate route.
  void add(Method method, std::string pattern, Handler handler, RouteOptions options = {});
  RouteMatch match(Method method, std::string_view path) const;

  // Answers GET and HEAD requests that match no route (the web app).
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }
  const Handler& fallback() const { return fallback_; }

  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  struct Node;
  std::unique_ptr<Node> root_;
  std::vector<std::unique_ptr<Route>> routes_;
  Handler fallback_;
};

// Splits "/a/b/c" into {"a","b","c"}; "" and "/" give {}.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace kassa::http

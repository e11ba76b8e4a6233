#pragma once
// Authentication and authorization of every protected route, in one place:
// session cookie (with CSRF on unsafe methods) or `Authorization: Bearer sk_…`,
// then the route's permission. Routes get the Principal.
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/principal.hpp"
#include "http/router.hpp"
#include "identity/identity.hpp"
#include "idempotency/idempotency.hpp"

namespace kassa::identity {

inline constexpr std::string_view kSessionCookie = "kassa_session";
inline constexpr std::string_view kCsrfCookie = "kassa_csrf";

// Fixed-window counter per key (client address): a bound on sign-in attempts per
// process on top of the per-account lockout that holds across processes.
class RateLimiter {
 public:
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}
  // Seconds to wait, or 0 if allowed.
  int64_t check(const std::string& key, int64_t now_ms);

 private:
  static constexpr size_t kKeysMax = 100'000;
  const int per_minute_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::pair<int64_t, int>> windows_;  // key -> (minute, count)
};

class Guard {
 public:
  using Handler = std::function<http::Response(http::Request&, const Principal&)>;

  Guard(IdentityService& identity, http::Router& router, idempotency::IdempotencyService& idempotency)
      : identity_(identity), router_(router), idempotency_(idempotency) {}

  // permission: required on at least one project (project-scoped) or for all
  // projects (company-scoped); empty: any signed-in caller.
  void add(http::Method method, std::string pattern, std::string permission, Handler handler,
           http::RouteOptions options = {});
  Result<Principal> authenticate(const http::Request& request) const;

 private:
  // Runs a state-changing request at most once per Idempotency-Key (scoped to the caller).
  http::Response run_once(http::Request& request, const Principal& principal, const Handler& handler);

  IdentityService& identity_;
  http::Router& router_;
  idempotency::IdempotencyService& idempotency_;
};

Client client_of(const http::Request& request);
// Set-Cookie headers for a new session, and for signing out.
void set_session_cookies(http::Response& response, const SignedIn& signed_in);
void clear_session_cookies(http::Response& response);

}  // namespace kassa::identity

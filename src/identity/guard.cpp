#include "identity/guard.hpp"

#include "http/problem.hpp"
#include "identity/permissions.hpp"

namespace kassa::identity {

int64_t RateLimiter::check(const std::string& key, int64_t now_ms) {
  const int64_t minute = now_ms / 60'000;
  std::lock_guard lock(mutex_);
  if (windows_.size() > kKeysMax) windows_.clear();  // bounded memory under a flood of addresses
  auto& [window, count] = windows_[key];
  if (window != minute) {
    window = minute;
    count = 0;
  }
  if (++count <= per_minute_) return 0;
  return 60 - (now_ms / 1000) % 60;
}

Client client_of(const http::Request& request) {
  return Client{request.remote_address, std::string(request.header("user-agent").substr(0, 512))};
}

void set_session_cookies(http::Response& response, const SignedIn& signed_in) {
  response.add_header("set-cookie", std::string(kSessionCookie) + "=" + signed_in.session_token + "; Path=/; HttpOnly; SameSite=Strict");
  response.add_header("set-cookie", std::string(kCsrfCookie) + "=" + signed_in.csrf_token + "; Path=/; SameSite=Strict");
}

void clear_session_cookies(http::Response& response) {
  response.add_header("set-cookie", std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  response.add_header("set-cookie", std::string(kCsrfCookie) + "=; Path=/; SameSite=Strict; Max-Age=0");
}

Result<Principal> Guard::authenticate(const http::Request& request) const {
  const Client client = client_of(request);
  const std::string_view authorization = request.header("authorization");
  if (authorization.starts_with("Bearer ")) {
    return identity_.authenticate_api_key(std::string(authorization.substr(7)), client);
  }
  const auto token = request.cookie(kSessionCookie);
  if (!token || token->empty()) return Error::make(ErrorCode::unauthenticated, "unauthenticated", "sign in first");
  const bool safe = request.method == http::Method::get || request.method == http::Method::head;
  return identity_.authenticate_session(*token, std::string(request.header("x-csrf-token")), safe, client);
}

void Guard::add(http::Method method, std::string pattern, std::string permission, Handler handler, http::RouteOptions options) {
  const PermissionInfo* info = permission.empty() ? nullptr : find_permission(permission);
  if (!permission.empty() && !info) throw std::invalid_argument("unknown permission " + permission + " on " + pattern);
  options.authenticated = true;
  options.permission = permission;
  const bool company_scope = info && info->scope == PermissionScope::company;
  router_.add(method, std::move(pattern),
              [this, permission, company_scope, handler = std::move(handler)](http::Request& request) {
                auto principal = authenticate(request);
                if (!principal) return http::problem(principal.error());
                if (!permission.empty()) {
                  const bool allowed = company_scope ? principal->can_company(permission) : principal->can(permission);
                  if (!allowed) return http::problem(403, "forbidden", "you lack the permission " + permission);
                }
                return handler(request, *principal);
              },
              options);
}

}  // namespace kassa::identity

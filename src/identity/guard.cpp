#include "identity/guard.hpp"

#include "common/crypto.hpp"
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
                const bool safe = request.method == http::Method::get || request.method == http::Method::head;
                if (!safe && !request.header("idempotency-key").empty()) return run_once(request, *principal, handler);
                return handler(request, *principal);
              },
              options);
}

http::Response Guard::run_once(http::Request& request, const Principal& principal, const Handler& handler) {
  const std::string key(request.header("idempotency-key"));
  if (key.size() > idempotency::kKeyLengthMax) {
    return http::problem(400, "invalid-idempotency-key", "Idempotency-Key may have at most 255 characters");
  }
  const std::string scope = (principal.kind == Principal::Kind::user ? "user:" : "key:") + std::to_string(principal.id);
  const std::string hash = crypto::sha256_hex(std::string(http::to_string(request.method)) + " " + request.target + "\n" + request.body);
  const auto begin = idempotency_.begin(scope, key, hash);
  switch (begin.kind) {
    case idempotency::Begin::Kind::mismatch:
      return http::problem(422, "idempotency-key-reused", "this Idempotency-Key was used with a different request");
    case idempotency::Begin::Kind::in_progress:
      return http::problem(409, "idempotency-key-in-use", "a request with this Idempotency-Key is still running; retry shortly");
    case idempotency::Begin::Kind::replay: {
      http::Response replay;
      replay.status = begin.response->status;
      replay.body = begin.response->body;
      replay.set_header("content-type", begin.response->content_type);
      replay.set_header("idempotent-replayed", "true");
      return replay;
    }
    case idempotency::Begin::Kind::proceed: break;
  }
  http::Response response;
  try {
    response = handler(request, principal);
  } catch (...) {
    idempotency_.abandon(scope, key);
    throw;
  }
  // Keep what the request executed to (success, a business rule's 409/422); forget what
  // stopped it before it ran (400, 401, 403 step-up-required, 412, 429, 5xx), so a
  // corrected retry under the same key runs.
  const bool executed = response.status < 400 || response.status == 409 || response.status == 422;
  if (!executed || response.stream) idempotency_.abandon(scope, key);
  else idempotency_.finish(scope, key, {response.status, std::string(response.header("content-type")), response.body});
  return response;
}

}  // namespace kassa::identity

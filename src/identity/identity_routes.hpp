#pragma once
#include "http/router.hpp"
#include "identity/guard.hpp"
#include "identity/identity.hpp"

namespace kassa::identity {

struct RouteOptions {
  int auth_requests_per_minute = 30;  // per client address and process, on the sign-in endpoints
};

void add_identity_routes(http::Router& router, Guard& guard, IdentityService& identity, const Clock& clock,
                         RouteOptions options);

}  // namespace kassa::identity

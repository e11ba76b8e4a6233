#pragma once
#include "identity/guard.hpp"
#include "org/org.hpp"

namespace kassa::org {

void add_org_routes(identity::Guard& guard, OrgService& org);

}  // namespace kassa::org

#pragma once
#include "audit/audit.hpp"
#include "identity/guard.hpp"

namespace kassa::audit {

void add_audit_routes(identity::Guard& guard, AuditService& audit, db::Database& database);

}  // namespace kassa::audit

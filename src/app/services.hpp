#pragma once
// Every context's service, built once per process over one database.
#include <memory>

#include "analytics/analytics.hpp"
#include "app/config.hpp"
#include "app/node_lease.hpp"
#include "audit/audit.hpp"
#include "common/clock.hpp"
#include "common/id.hpp"
#include "common/secret_box.hpp"
#include "db/database.hpp"
#include "identity/identity.hpp"
#include "idempotency/idempotency.hpp"
#include "jobs/jobs.hpp"
#include "webhooks/webhooks.hpp"
#include "ledger/ledger.hpp"
#include "org/org.hpp"
#include "payments/connector.hpp"
#include "payments/payments.hpp"

namespace kassa::app {

struct Services {
  // Leases an id node number for this process (released when Services is destroyed).
  Services(const Config& config, std::unique_ptr<db::Database> database, const std::string& master_key);

  OffsetClock clock;
  std::unique_ptr<db::Database> database;
  std::unique_ptr<NodeLease> node_lease;
  IdGenerator ids;
  SecretBox secrets;
  audit::AuditService audit;
  org::OrgService org;
  identity::IdentityService identity;
  ledger::LedgerService ledger;
  payments::SandboxProcessor sandbox;
  jobs::JobQueue jobs;
  webhooks::WebhookService webhooks;
  payments::PaymentService payments;
  idempotency::IdempotencyService idempotency;
  analytics::AnalyticsService analytics;
};

std::unique_ptr<db::Database> open_database(const Config& config);
int migrate_database(db::Database& database);

}  // namespace kassa::app

#pragma once
// Webhooks following the Standard Webhooks specification: per-project
// endpoints, every payment change written to an outbox (a delivery row and a
// job) in the same transaction, signed deliveries retried with back-off and
// jitter for 3 days, Retry-After honoured, 410 disables the endpoint, a
// delivery log, resend, and no delivery to private or loopback addresses.
#include <boost/json/value.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "common/clock.hpp"
#include "common/id.hpp"
#include "common/principal.hpp"
#include "common/result.hpp"
#include "common/secret_box.hpp"
#include "db/database.hpp"
#include "jobs/jobs.hpp"
#include "org/org.hpp"

namespace kassa::webhooks {

inline constexpr std::string_view kJobKind = "webhook_delivery";
inline constexpr size_t kUrlLengthMax = 2000;
inline constexpr size_t kResponseBodyKept = 2048;
inline constexpr int64_t kRotationOverlapMs = 24 * 3600'000;  // the old secret keeps signing for a day

struct Options {
  bool allow_private_addresses = false;  // tests and local development only
  std::chrono::milliseconds timeout{10'000};
};

struct Endpoint {
  uint64_t id = 0;
  uint64_t company_id = 0;
  uint64_t project_id = 0;
  std::string url;
  std::string description;
  std::string secret_enc;
  std::string previous_secret_enc;
  int64_t previous_expires_at_ms = 0;
  std::string status;  // enabled, disabled
  std::string disabled_reason;
  int64_t version = 1;
  int64_t created_at_ms = 0;
};

struct Delivery {
  uint64_t id = 0;
  uint64_t endpoint_id = 0;
  uint64_t company_id = 0;
  uint64_t project_id = 0;
  std::string event_type;
  std::string subject_id;
  std::string payload;
  std::string status;  // pending, succeeded, failed, dead
  int64_t attempts = 0;
  int64_t response_status = 0;
  std::string response_body;
  std::string last_error;
  int64_t duration_ms = 0;
  int64_t next_attempt_at_ms = 0;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
};

// The delay before attempt n+1 (n = attempts so far), without jitter; nullopt: give up.
std::optional<int64_t> retry_delay_ms(int64_t attempts);
// "v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>" for a "whsec_<base64>" secret.
std::string sign(const std::string& secret, const std::string& message_id, int64_t timestamp_s, const std::string& body);

boost::json::value to_json(const Endpoint& endpoint);
boost::json::value to_json(const Delivery& delivery);

class WebhookService {
 public:
  WebhookService(db::Database& database, IdGenerator& ids, const Clock& clock, const SecretBox& secrets,
                 jobs::JobQueue& jobs, audit::AuditService& audit, org::OrgService& org, Options options = {});

  Result<std::pair<Endpoint, std::string>> create_endpoint(const Principal& principal, uint64_t project_id,
                                                           const std::string& url, const std::string& description);
  std::vector<Endpoint> endpoints(const Principal& principal, std::optional<uint64_t> project_id) const;
  Result<Endpoint> update_endpoint(const Principal& principal, uint64_t endpoint_id, const std::optional<std::string>& url,
                                   const std::optional<std::string>& description, const std::optional<std::string>& status,
                                   int64_t expected_version);
  Status delete_endpoint(const Principal& principal, uint64_t endpoint_id);
  Result<std::pair<Endpoint, std::string>> rotate_secret(const Principal& principal, uint64_t endpoint_id);

  std::pair<std::vector<Delivery>, bool> deliveries(const Principal& principal, std::optional<uint64_t> endpoint_id,
                                                    std::optional<uint64_t> project_id, const std::string& subject_id,
                                                    int limit, std::optional<uint64_t> starting_after) const;
  Result<Delivery> resend(const Principal& principal, uint64_t delivery_id);

  // The outbox: in the caller's transaction, one delivery (and its job) per enabled endpoint of the project.
  // `data` is called only when the project has an endpoint (most payments are made where none listens).
  void publish(db::Connection& c, uint64_t company_id, uint64_t project_id, const std::string& event_type,
               const std::string& subject_id, const std::function<boost::json::value()>& data);
  // The job handler: one attempt of one delivery.
  jobs::Outcome deliver(const jobs::Job& job);

 private:
  Status check_url(const std::string& url) const;

  db::Database& database_;
  IdGenerator& ids_;
  const Clock& clock_;
  const SecretBox& secrets_;
  jobs::JobQueue& jobs_;
  audit::AuditService& audit_;
  org::OrgService& org_;
  Options options_;
};

}  // namespace kassa::webhooks

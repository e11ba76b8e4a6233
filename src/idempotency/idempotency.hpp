#pragma once
// Idempotency keys: the same key with the same request returns the first
// response; with another request, 422; while the first is still running, 409.
// Exactly one execution: the key is claimed with one INSERT.
#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "db/database.hpp"

namespace kassa::idempotency {

inline constexpr size_t kKeyLengthMax = 255;
inline constexpr int64_t kLeaseMs = 60'000;            // a running key older than this was abandoned (crash)
inline constexpr int64_t kRetentionMs = 48 * 3600'000;  // keys are kept at least 24 h; purged after 48 h

struct StoredResponse {
  int status;
  std::string content_type;
  std::string body;
};

struct Begin {
  enum class Kind { proceed, replay, in_progress, mismatch };
  Kind kind;
  std::optional<StoredResponse> response;  // replay
};

class IdempotencyService {
 public:
  IdempotencyService(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  Begin begin(const std::string& scope, const std::string& key, const std::string& request_hash);
  void finish(const std::string& scope, const std::string& key, const StoredResponse& response);
  // The request failed in a way worth retrying (5xx): forget the key.
  void abandon(const std::string& scope, const std::string& key);
  int64_t purge_expired();

 private:
  db::Database& database_;
  const Clock& clock_;
};

}  // namespace kassa::idempotency

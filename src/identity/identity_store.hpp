#pragma once
// The SQL of the identity context, as named functions.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "identity/identity.hpp"

namespace kassa::identity::store {

// users
void insert_user(db::Connection& c, const User& u);
std::optional<User> user_by_id(db::Connection& c, uint64_t company_id, uint64_t id);
std::optional<User> user_by_id_any(db::Connection& c, uint64_t id);  // across companies: only for sign-in
std::optional<User> user_by_email(db::Connection& c, const std::string& email);
std::vector<User> users_of(db::Connection& c, uint64_t company_id);
bool update_user_profile(db::Connection& c, const User& u, int64_t expected_version);
void set_password(db::Connection& c, uint64_t user_id, const std::string& hash, int64_t now_ms);
void set_totp_secret(db::Connection& c, uint64_t user_id, const std::optional<std::string>& secret_enc, int64_t now_ms);
void bump_version(db::Connection& c, uint64_t user_id, int64_t now_ms);
// Takes one of the user's attempt slots before a factor is evaluated; false when none is left or the account is locked.
bool reserve_attempt(db::Connection& c, uint64_t user_id, int64_t failures_max, int64_t now_ms);
void release_attempt(db::Connection& c, uint64_t user_id);
void reset_attempts(db::Connection& c, uint64_t user_id);
// Locks the account if the failures reached the maximum; true if this call locked it.
bool lock_if_exhausted(db::Connection& c, uint64_t user_id, int64_t failures_max, int64_t until_ms);
// Spends a TOTP time step; false if it (or a later one) was spent already.
bool spend_totp_step(db::Connection& c, uint64_t user_id, int64_t step);

void add_password_history(db::Connection& c, uint64_t user_id, const std::string& hash, int64_t now_ms);
std::vector<std::string> recent_password_hashes(db::Connection& c, uint64_t user_id, int64_t count);

void replace_recovery_codes(db::Connection& c, uint64_t user_id, const std::vector<std::string>& code_hashes);
bool use_recovery_code(db::Connection& c, uint64_t user_id, const std::string& code_hash, int64_t now_ms);

// roles and grants
void insert_role(db::Connection& c, const Role& r);
std::optional<Role> role_by_id(db::Connection& c, uint64_t company_id, uint64_t id);
std::optional<Role> role_by_name(db::Connection& c, uint64_t company_id, const std::string& name);
std::vector<Role> roles_of(db::Connection& c, uint64_t company_id);
bool update_role(db::Connection& c, const Role& r, int64_t expected_version);
void delete_role(db::Connection& c, uint64_t role_id);
int64_t grants_of_role(db::Connection& c, uint64_t role_id);
void replace_grants(db::Connection& c, uint64_t user_id, const std::vector<Grant>& grants);
std::vector<Grant> grants_of_user(db::Connection& c, uint64_t user_id);
std::vector<std::pair<uint64_t, Grant>> grants_of_company(db::Connection& c, uint64_t company_id);
// (project_id or 0 for all, space-separated permissions) for each of the user's grants.
std::vector<std::pair<uint64_t, std::string>> permission_rows(db::Connection& c, uint64_t user_id);

// sessions and challenges
struct SessionRow {
  uint64_t id;
  uint64_t user_id;
  std::string csrf_token;
  int64_t created_at_ms;
  int64_t last_seen_ms;
  int64_t expires_at_ms;
  bool revoked;
};
void insert_session(db::Connection& c, uint64_t id, const std::string& token_hash, uint64_t user_id,
                    const std::string& csrf, int64_t now_ms, int64_t expires_at_ms, const Client& client);
std::optional<SessionRow> session_by_token(db::Connection& c, const std::string& token_hash);
void touch_session(db::Connection& c, uint64_t session_id, int64_t now_ms);
void revoke_session(db::Connection& c, uint64_t session_id);
void revoke_sessions_of(db::Connection& c, uint64_t user_id);

struct ChallengeRow {
  uint64_t id;
  uint64_t user_id;
  std::string kind;
  std::optional<std::string> pending_secret_enc;
  int64_t expires_at_ms;
  bool used;
};
void insert_challenge(db::Connection& c, uint64_t id, const std::string& token_hash, uint64_t user_id,
                      const std::string& kind, const std::optional<std::string>& pending_secret_enc, int64_t expires_at_ms);
std::optional<ChallengeRow> challenge_by_token(db::Connection& c, const std::string& token_hash);
bool use_challenge(db::Connection& c, uint64_t id);

// invitations
struct InvitationRow {
  uint64_t id;
  uint64_t company_id;
  uint64_t user_id;
  int64_t expires_at_ms;
  std::optional<int64_t> accepted_at_ms;
};
void insert_invitation(db::Connection& c, uint64_t id, uint64_t company_id, uint64_t user_id, const std::string& token_hash,
                       uint64_t invited_by, int64_t expires_at_ms, int64_t now_ms);
std::optional<InvitationRow> invitation_by_token(db::Connection& c, const std::string& token_hash);
bool accept_invitation(db::Connection& c, uint64_t id, int64_t now_ms);

// API keys
void insert_api_key(db::Connection& c, const ApiKey& k, const std::string& secret_hash);
std::optional<ApiKey> api_key_by_id(db::Connection& c, uint64_t company_id, uint64_t id);
std::optional<ApiKey> api_key_by_secret(db::Connection& c, const std::string& secret_hash);
std::vector<ApiKey> api_keys_of(db::Connection& c, uint64_t company_id, std::optional<uint64_t> project_id);
void roll_api_key(db::Connection& c, uint64_t id, const std::string& prefix, const std::string& secret_hash);
void revoke_api_key(db::Connection& c, uint64_t id, int64_t now_ms);
void touch_api_key(db::Connection& c, uint64_t id, int64_t now_ms);

// step-up
void insert_step_up(db::Connection& c, uint64_t id, const std::string& token_hash, uint64_t user_id,
                    const std::string& action_hash, int64_t expires_at_ms);
bool consume_step_up(db::Connection& c, const std::string& token_hash, uint64_t user_id, const std::string& action_hash,
                     int64_t now_ms);

// second-factor resets
void request_totp_reset(db::Connection& c, uint64_t user_id, uint64_t requested_by, int64_t now_ms);
std::optional<uint64_t> totp_reset_requester(db::Connection& c, uint64_t user_id);
// user id -> requester, for the company's users with a reset waiting for a second administrator.
std::map<uint64_t, uint64_t> totp_resets_of(db::Connection& c, uint64_t company_id);
void clear_totp_reset(db::Connection& c, uint64_t user_id);

void insert_email(db::Connection& c, uint64_t id, uint64_t company_id, const std::string& to, const std::string& subject,
                  const std::string& body, int64_t now_ms);

}  // namespace kassa::identity::store

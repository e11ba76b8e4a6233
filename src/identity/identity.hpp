#pragma once
// Identity and access: users, roles and grants, two-factor sign-in (PSD2 SCA),
// sessions, API keys and step-up confirmation.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "common/clock.hpp"
#include "common/id.hpp"
#include "common/principal.hpp"
#include "common/result.hpp"
#include "common/secret_box.hpp"
#include "db/database.hpp"
#include "org/org.hpp"

namespace kassa::identity {

struct Options {
  int64_t idle_timeout_ms = 5 * 60 * 1000;       // PSD2 RTS art. 4(3)(d): 5 minutes without activity
  int64_t session_max_ms = 12 * 3600 * 1000;     // absolute session lifetime
  int64_t idle_warning_ms = 60 * 1000;           // the UI warns this long before
  int64_t challenge_ttl_ms = 5 * 60 * 1000;      // between password and code
  int64_t invitation_ttl_ms = 72 * 3600 * 1000;
  int64_t step_up_ttl_ms = 5 * 60 * 1000;
  int64_t failures_max = 5;                      // consecutive failures of either factor
  int64_t lock_ms = 30 * 60 * 1000;
  int64_t password_history = 4;                  // a new password may not equal one of the last 4
  std::string public_url = "http://localhost:8080";  // for links in e-mails
};

struct User {
  uint64_t id = 0;
  uint64_t company_id = 0;
  std::string email;
  std::string name;
  std::string status;  // invited, active, disabled
  std::optional<std::string> password_hash;
  std::optional<std::string> totp_secret_enc;
  int64_t totp_last_step = 0;
  int64_t failed_attempts = 0;
  int64_t locked_until_ms = 0;
  int64_t version = 1;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
  std::optional<uint64_t> totp_reset_requested_by;  // a second administrator must confirm
};

struct Grant {
  uint64_t role_id = 0;
  std::string role_name;
  std::optional<std::set<uint64_t>> project_ids;  // nullopt: all projects
};

struct Role {
  uint64_t id = 0;
  uint64_t company_id = 0;
  std::string name;
  std::string description;
  std::vector<std::string> permissions;
  bool builtin = false;
  int64_t version = 1;
  int64_t created_at_ms = 0;
};

struct ApiKey {
  uint64_t id = 0;
  uint64_t company_id = 0;
  uint64_t project_id = 0;
  std::string name;
  std::string secret_prefix;
  std::vector<std::string> permissions;
  std::string status;  // active, revoked
  uint64_t created_by = 0;
  int64_t created_at_ms = 0;
  std::optional<int64_t> last_used_at_ms;
  std::optional<int64_t> revoked_at_ms;
  int64_t version = 1;
};

// What the client must do after a successful password (or invitation) step.
struct LoginStep {
  std::string next;       // "totp" or "totp_enroll"
  std::string challenge;  // opaque token
  std::string otpauth_uri;
  std::string qr_svg;
  std::string secret_base32;
};

struct SignedIn {
  User user;
  std::string session_token;
  std::string csrf_token;
  std::vector<std::string> recovery_codes;  // after enrolment only
};

struct Client {
  std::string ip;
  std::string user_agent;
};

struct GrantInput {
  std::string role_id;                            // "rol_…"
  std::optional<std::vector<std::string>> project_ids;  // nullopt: all projects
};

struct UserPatch {
  std::optional<std::string> name;
  std::optional<std::string> status;
};

struct RoleInput {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::vector<std::string>> permissions;
};

struct CreatedApiKey {
  ApiKey key;
  std::string secret;
};

boost::json::value to_json(const User& user, const std::vector<Grant>& grants);
boost::json::value to_json(const Role& role);
boost::json::value to_json(const ApiKey& key);

class IdentityService {
 public:
  IdentityService(db::Database& database, IdGenerator& ids, const Clock& clock, const SecretBox& secrets,
                  audit::AuditService& audit, org::OrgService& org, Options options = {});

  const Options& options() const { return options_; }

  // --- sign-in ---
  Result<LoginStep> login(const std::string& email, const std::string& password, const Client& client);
  Result<SignedIn> verify_totp(const std::string& challenge, const std::string& code, const Client& client);
  Result<SignedIn> enroll_totp(const std::string& challenge, const std::string& code, const Client& client);
  Result<SignedIn> recover(const std::string& challenge, const std::string& recovery_code, const Client& client);
  void logout(const Principal& principal);

  // --- authentication of each request ---
  // A session cookie; csrf_header is checked unless the request is safe (GET/HEAD).
  Result<Principal> authenticate_session(const std::string& token, const std::string& csrf_header, bool safe_method,
                                         const Client& client);
  Result<Principal> authenticate_api_key(const std::string& secret, const Client& client);

  boost::json::value me(const Principal& principal) const;
  Result<SignedIn> change_password(const Principal& principal, const std::string& current, const std::string& next);
  Result<LoginStep> replace_totp(const Principal& principal, const std::string& code);

  // --- users ---
  std::vector<std::pair<User, std::vector<Grant>>> users(const Principal& principal) const;
  struct Invited {
    User user;
    std::vector<Grant> grants;
    std::string invitation_url;
    int64_t expires_at_ms;
  };
  Result<Invited> invite(const Principal& principal, const std::string& email, const std::string& name,
                         const std::vector<GrantInput>& grants);
  Result<boost::json::value> invitation(const std::string& token) const;
  Result<LoginStep> accept_invitation(const std::string& token, const std::string& name, const std::string& password,
                                      const Client& client);
  Result<std::pair<User, std::vector<Grant>>> update_user(const Principal& principal, uint64_t user_id,
                                                          const UserPatch& patch, int64_t expected_version);
  Result<std::pair<User, std::vector<Grant>>> set_grants(const Principal& principal, uint64_t user_id,
                                                         const std::vector<GrantInput>& grants,
                                                         int64_t expected_version, const std::string& step_up);
  Status request_totp_reset(const Principal& principal, uint64_t user_id, const std::string& step_up);
  Status confirm_totp_reset(const Principal& principal, uint64_t user_id, const std::string& step_up);

  // --- roles ---
  std::vector<Role> roles(const Principal& principal) const;
  Result<Role> create_role(const Principal& principal, const RoleInput& input);
  Result<Role> update_role(const Principal& principal, uint64_t role_id, const RoleInput& input, int64_t expected_version);
  Status delete_role(const Principal& principal, uint64_t role_id);

  // --- API keys ---
  Result<std::vector<ApiKey>> api_keys(const Principal& principal, std::optional<uint64_t> project_id) const;
  Result<CreatedApiKey> create_api_key(const Principal& principal, uint64_t project_id, const std::string& name,
                                       const std::vector<std::string>& permissions, const std::string& step_up);
  Result<CreatedApiKey> roll_api_key(const Principal& principal, uint64_t key_id, const std::string& step_up);
  Result<ApiKey> revoke_api_key(const Principal& principal, uint64_t key_id);

  // --- step-up confirmation (PSD2 dynamic linking) ---
  // A fresh TOTP code confirms exactly this action, once, within 5 minutes.
  Result<std::pair<std::string, int64_t>> confirm_step_up(const Principal& principal, const boost::json::object& action,
                                                          const std::string& code);
  // In the caller's transaction: spends the confirmation if it is for this action.
  // Error 403 step-up-required (with the action) otherwise.
  Status consume_step_up(db::Connection& c, const Principal& principal, const boost::json::object& action,
                         const std::string& confirmation);

  // --- set-up (CLI) ---
  // Creates the company (and its built-in roles) when it does not exist yet, then the user, active, with the role on all projects.
  Result<User> create_user(const std::string& company_name, const std::string& email, const std::string& name,
                           const std::string& password, const std::string& role_name);
  Result<CreatedApiKey> create_api_key_for(const std::string& company_name, const std::string& project_name,
                                           const std::string& name, const std::optional<std::vector<std::string>>& permissions);
  // Sets the user's TOTP secret (for demos: `kassa seed` prints it); returns it as base32.
  Result<std::string> enroll_totp_for(const std::string& email);
  std::optional<std::string> totp_secret_of(const std::string& email) const;  // base32, for the demo sign-in
  void create_builtin_roles(db::Connection& c, uint64_t company_id);

 private:
  struct Impl;
  db::Database& database_;
  IdGenerator& ids_;
  const Clock& clock_;
  const SecretBox& secrets_;
  audit::AuditService& audit_;
  org::OrgService& org_;
  Options options_;

  Result<SignedIn> start_session(db::Connection& c, const User& user, const Client& client, std::string_view how);
  Result<User> pass_challenge(const std::string& challenge, std::string_view kind,
                              const std::function<Status(User&, std::optional<std::string>&)>& check);
  Status check_totp_code(const User& user, const std::string& secret, const std::string& code, const Client& client);
  bool reserve_attempt(const User& user);
  void record_failure(const User& user, std::string_view action, const Client& client);
  Result<std::vector<Grant>> resolve_grants(db::Connection& c, uint64_t company_id, const std::vector<GrantInput>& input) const;
  Principal load_principal(db::Connection& c, const User& user) const;
  LoginStep enrollment_step(db::Connection& c, const User& user, std::string_view kind);
  void notify(db::Connection& c, const User& user, const std::string& subject, const std::string& body);
};

std::string canonical_action_hash(const boost::json::object& action);

}  // namespace kassa::identity

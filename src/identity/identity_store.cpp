#include "identity/identity_store.hpp"

#include <algorithm>
#include <map>

#include "identity/permissions.hpp"

namespace kassa::identity::store {
namespace {

int64_t i64(uint64_t v) { return static_cast<int64_t>(v); }
uint64_t u64(int64_t v) { return static_cast<uint64_t>(v); }

constexpr std::string_view kUserColumns =
    "id, company_id, email, name, status, password_hash, totp_secret_enc, totp_last_step, failed_attempts,"
    " locked_until_ms, version, created_at_ms, updated_at_ms";

User read_user(const db::Row& r) {
  return User{u64(r.int64(0)), u64(r.int64(1)), std::string(r.text(2)), std::string(r.text(3)), std::string(r.text(4)),
              r.optional_text(5), r.optional_text(6), r.int64(7), r.int64(8), r.int64(9), r.int64(10), r.int64(11),
              r.int64(12)};
}

constexpr std::string_view kRoleColumns = "id, company_id, name, description, permissions, builtin, version, created_at_ms";

Role read_role(const db::Row& r) {
  return Role{u64(r.int64(0)), u64(r.int64(1)), std::string(r.text(2)), std::string(r.text(3)),
              split_permissions(r.text(4)), r.int64(5) != 0, r.int64(6), r.int64(7)};
}

constexpr std::string_view kKeyColumns =
    "id, company_id, project_id, name, secret_prefix, permissions, status, created_by, created_at_ms, last_used_at_ms,"
    " revoked_at_ms, version";

ApiKey read_key(const db::Row& r) {
  return ApiKey{u64(r.int64(0)), u64(r.int64(1)), u64(r.int64(2)), std::string(r.text(3)), std::string(r.text(4)),
                split_permissions(r.text(5)), std::string(r.text(6)), u64(r.int64(7)), r.int64(8),
                r.optional_int64(9), r.optional_int64(10), r.int64(11)};
}

std::string select(std::string_view columns, std::string_view rest) {
  return "SELECT " + std::string(columns) + " " + std::string(rest);
}

}  // namespace

void insert_user(db::Connection& c, const User& u) {
  c.execute("INSERT INTO users (" + std::string(kUserColumns) + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            {i64(u.id), i64(u.company_id), u.email, u.name, u.status,
             u.password_hash ? db::Param(std::string_view(*u.password_hash)) : db::Param(nullptr),
             u.totp_secret_enc ? db::Param(std::string_view(*u.totp_secret_enc)) : db::Param(nullptr), u.totp_last_step,
             u.failed_attempts, u.locked_until_ms, u.version, u.created_at_ms, u.updated_at_ms});
}

std::optional<User> user_by_id(db::Connection& c, uint64_t company_id, uint64_t id) {
  std::optional<User> out;
  c.query(select(kUserColumns, "FROM users WHERE company_id = $1 AND id = $2"), {i64(company_id), i64(id)},
          [&](const db::Row& r) { out = read_user(r); });
  return out;
}

std::optional<User> user_by_id_any(db::Connection& c, uint64_t id) {
  std::optional<User> out;
  c.query(select(kUserColumns, "FROM users WHERE id = $1"), {i64(id)}, [&](const db::Row& r) { out = read_user(r); });
  return out;
}

std::optional<User> user_by_email(db::Connection& c, const std::string& email) {
  std::optional<User> out;
  c.query(select(kUserColumns, "FROM users WHERE email = $1"), {email}, [&](const db::Row& r) { out = read_user(r); });
  return out;
}

std::vector<User> users_of(db::Connection& c, uint64_t company_id) {
  std::vector<User> out;
  c.query(select(kUserColumns, "FROM users WHERE company_id = $1 ORDER BY email"), {i64(company_id)},
          [&](const db::Row& r) { out.push_back(read_user(r)); });
  return out;
}

bool update_user_profile(db::Connection& c, const User& u, int64_t expected_version) {
  return c.execute("UPDATE users SET name = $1, status = $2, version = version + 1, updated_at_ms = $3"
                   " WHERE id = $4 AND version = $5",
                   {u.name, u.status, u.updated_at_ms, i64(u.id), expected_version}) == 1;
}

void set_password(db::Connection& c, uint64_t user_id, const std::string& hash, int64_t now_ms) {
  c.execute("UPDATE users SET password_hash = $1, updated_at_ms = $2, version = version + 1 WHERE id = $3",
            {hash, now_ms, i64(user_id)});
}

void set_totp_secret(db::Connection& c, uint64_t user_id, const std::optional<std::string>& secret_enc, int64_t now_ms) {
  c.execute("UPDATE users SET totp_secret_enc = $1, updated_at_ms = $2, version = version + 1 WHERE id = $3",
            {secret_enc ? db::Param(std::string_view(*secret_enc)) : db::Param(nullptr), now_ms, i64(user_id)});
}

void bump_version(db::Connection& c, uint64_t user_id, int64_t now_ms) {
  c.execute("UPDATE users SET version = version + 1, updated_at_ms = $1 WHERE id = $2", {now_ms, i64(user_id)});
}

bool reserve_attempt(db::Connection& c, uint64_t user_id, int64_t failures_max, int64_t now_ms) {
  return c.execute("UPDATE users SET failed_attempts = failed_attempts + 1"
                   " WHERE id = $1 AND failed_attempts < $2 AND locked_until_ms <= $3",
                   {i64(user_id), failures_max, now_ms}) == 1;
}

void release_attempt(db::Connection& c, uint64_t user_id) {
  c.execute("UPDATE users SET failed_attempts = failed_attempts - 1 WHERE id = $1 AND failed_attempts > 0", {i64(user_id)});
}

void reset_attempts(db::Connection& c, uint64_t user_id) {
  c.execute("UPDATE users SET failed_attempts = 0 WHERE id = $1", {i64(user_id)});
}

bool lock_if_exhausted(db::Connection& c, uint64_t user_id, int64_t failures_max, int64_t until_ms) {
  return c.execute("UPDATE users SET locked_until_ms = $1, failed_attempts = 0 WHERE id = $2 AND failed_attempts >= $3",
                   {until_ms, i64(user_id), failures_max}) == 1;
}

bool spend_totp_step(db::Connection& c, uint64_t user_id, int64_t step) {
  return c.execute("UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $3",
                   {step, i64(user_id), step}) == 1;
}

void add_password_history(db::Connection& c, uint64_t user_id, const std::string& hash, int64_t now_ms) {
  c.execute("INSERT INTO password_history (user_id, password_hash, created_at_ms) VALUES ($1, $2, $3)",
            {i64(user_id), hash, now_ms});
}

std::vector<std::string> recent_password_hashes(db::Connection& c, uint64_t user_id, int64_t count) {
  std::vector<std::string> out;
  c.query("SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY created_at_ms DESC LIMIT $2",
          {i64(user_id), count}, [&](const db::Row& r) { out.emplace_back(r.text(0)); });
  return out;
}

void replace_recovery_codes(db::Connection& c, uint64_t user_id, const std::vector<std::string>& code_hashes) {
  c.execute("DELETE FROM recovery_codes WHERE user_id = $1", {i64(user_id)});
  for (const auto& h : code_hashes) {
    c.execute("INSERT INTO recovery_codes (user_id, code_hash, used_at_ms) VALUES ($1, $2, NULL)", {i64(user_id), h});
  }
}

bool use_recovery_code(db::Connection& c, uint64_t user_id, const std::string& code_hash, int64_t now_ms) {
  return c.execute("UPDATE recovery_codes SET used_at_ms = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at_ms IS NULL",
                   {now_ms, i64(user_id), code_hash}) == 1;
}

void insert_role(db::Connection& c, const Role& r) {
  c.execute("INSERT INTO roles (" + std::string(kRoleColumns) + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            {i64(r.id), i64(r.company_id), r.name, r.description, join_permissions(r.permissions),
             int64_t{r.builtin ? 1 : 0}, r.version, r.created_at_ms});
}

std::optional<Role> role_by_id(db::Connection& c, uint64_t company_id, uint64_t id) {
  std::optional<Role> out;
  c.query(select(kRoleColumns, "FROM roles WHERE company_id = $1 AND id = $2"), {i64(company_id), i64(id)},
          [&](const db::Row& r) { out = read_role(r); });
  return out;
}

std::optional<Role> role_by_name(db::Connection& c, uint64_t company_id, const std::string& name) {
  std::optional<Role> out;
  c.query(select(kRoleColumns, "FROM roles WHERE company_id = $1 AND name = $2"), {i64(company_id), name},
          [&](const db::Row& r) { out = read_role(r); });
  return out;
}

std::vector<Role> roles_of(db::Connection& c, uint64_t company_id) {
  std::vector<Role> out;
  c.query(select(kRoleColumns, "FROM roles WHERE company_id = $1 ORDER BY builtin DESC, id"), {i64(company_id)},
          [&](const db::Row& r) { out.push_back(read_role(r)); });
  return out;
}

bool update_role(db::Connection& c, const Role& r, int64_t expected_version) {
  return c.execute("UPDATE roles SET name = $1, description = $2, permissions = $3, version = version + 1"
                   " WHERE id = $4 AND version = $5 AND builtin = 0",
                   {r.name, r.description, join_permissions(r.permissions), i64(r.id), expected_version}) == 1;
}

void delete_role(db::Connection& c, uint64_t role_id) {
  c.execute("DELETE FROM roles WHERE id = $1 AND builtin = 0", {i64(role_id)});
}

int64_t grants_of_role(db::Connection& c, uint64_t role_id) {
  return c.query_int64("SELECT COUNT(*) FROM role_grants WHERE role_id = $1", {i64(role_id)}).value_or(0);
}

void replace_grants(db::Connection& c, uint64_t user_id, const std::vector<Grant>& grants) {
  c.execute("DELETE FROM role_grants WHERE user_id = $1", {i64(user_id)});
  for (const auto& g : grants) {
    if (!g.project_ids) {
      c.execute("INSERT INTO role_grants (user_id, role_id, project_id) VALUES ($1, $2, 0)", {i64(user_id), i64(g.role_id)});
      continue;
    }
    for (const uint64_t project : *g.project_ids) {
      c.execute("INSERT INTO role_grants (user_id, role_id, project_id) VALUES ($1, $2, $3)",
                {i64(user_id), i64(g.role_id), i64(project)});
    }
  }
}

namespace {
void fold_grant(std::vector<Grant>& grants, uint64_t role_id, std::string_view role_name, uint64_t project_id) {
  auto it = std::find_if(grants.begin(), grants.end(), [&](const Grant& g) { return g.role_id == role_id; });
  if (it == grants.end()) {
    grants.push_back(Grant{role_id, std::string(role_name), std::set<uint64_t>{}});
    it = std::prev(grants.end());
  }
  if (project_id == 0) it->project_ids.reset();
  else if (it->project_ids) it->project_ids->insert(project_id);
}
}  // namespace

std::vector<Grant> grants_of_user(db::Connection& c, uint64_t user_id) {
  std::vector<Grant> out;
  c.query("SELECT g.role_id, r.name, g.project_id FROM role_grants g JOIN roles r ON r.id = g.role_id"
          " WHERE g.user_id = $1 ORDER BY g.role_id, g.project_id",
          {i64(user_id)}, [&](const db::Row& r) { fold_grant(out, u64(r.int64(0)), r.text(1), u64(r.int64(2))); });
  return out;
}

std::vector<std::pair<uint64_t, Grant>> grants_of_company(db::Connection& c, uint64_t company_id) {
  std::map<uint64_t, std::vector<Grant>> by_user;
  c.query("SELECT g.user_id, g.role_id, r.name, g.project_id FROM role_grants g JOIN roles r ON r.id = g.role_id"
          " WHERE r.company_id = $1 ORDER BY g.user_id, g.role_id, g.project_id",
          {i64(company_id)},
          [&](const db::Row& r) { fold_grant(by_user[u64(r.int64(0))], u64(r.int64(1)), r.text(2), u64(r.int64(3))); });
  std::vector<std::pair<uint64_t, Grant>> out;
  for (auto& [user, grants] : by_user) {
    for (auto& g : grants) out.emplace_back(user, std::move(g));
  }
  return out;
}

std::vector<std::pair<uint64_t, std::string>> permission_rows(db::Connection& c, uint64_t user_id) {
  std::vector<std::pair<uint64_t, std::string>> out;
  c.query("SELECT g.project_id, r.permissions FROM role_grants g JOIN roles r ON r.id = g.role_id WHERE g.user_id = $1",
          {i64(user_id)}, [&](const db::Row& r) { out.emplace_back(u64(r.int64(0)), std::string(r.text(1))); });
  return out;
}

void insert_session(db::Connection& c, uint64_t id, const std::string& token_hash, uint64_t user_id,
                    const std::string& csrf, int64_t now_ms, int64_t expires_at_ms, const Client& client) {
  c.execute("INSERT INTO sessions (id, token_hash, user_id, csrf_token, created_at_ms, last_seen_ms, expires_at_ms, revoked, ip, user_agent)"
            " VALUES ($1, $2, $3, $4, $5, $5, $6, 0, $7, $8)",
            {i64(id), token_hash, i64(user_id), csrf, now_ms, expires_at_ms, client.ip, client.user_agent.substr(0, 512)});
}

std::optional<SessionRow> session_by_token(db::Connection& c, const std::string& token_hash) {
  std::optional<SessionRow> out;
  c.query("SELECT id, user_id, csrf_token, created_at_ms, last_seen_ms, expires_at_ms, revoked FROM sessions WHERE token_hash = $1",
          {token_hash}, [&](const db::Row& r) {
            out = SessionRow{u64(r.int64(0)), u64(r.int64(1)), std::string(r.text(2)), r.int64(3), r.int64(4), r.int64(5),
                             r.int64(6) != 0};
          });
  return out;
}

void touch_session(db::Connection& c, uint64_t session_id, int64_t now_ms) {
  c.execute("UPDATE sessions SET last_seen_ms = $1 WHERE id = $2 AND last_seen_ms < $1", {now_ms, i64(session_id)});
}

void revoke_session(db::Connection& c, uint64_t session_id) {
  c.execute("UPDATE sessions SET revoked = 1 WHERE id = $1", {i64(session_id)});
}

void revoke_sessions_of(db::Connection& c, uint64_t user_id) {
  c.execute("UPDATE sessions SET revoked = 1 WHERE user_id = $1 AND revoked = 0", {i64(user_id)});
}

void insert_challenge(db::Connection& c, uint64_t id, const std::string& token_hash, uint64_t user_id,
                      const std::string& kind, const std::optional<std::string>& pending_secret_enc, int64_t expires_at_ms) {
  c.execute("INSERT INTO login_challenges (id, token_hash, user_id, kind, pending_secret_enc, expires_at_ms, used)"
            " VALUES ($1, $2, $3, $4, $5, $6, 0)",
            {i64(id), token_hash, i64(user_id), kind,
             pending_secret_enc ? db::Param(std::string_view(*pending_secret_enc)) : db::Param(nullptr), expires_at_ms});
}

std::optional<ChallengeRow> challenge_by_token(db::Connection& c, const std::string& token_hash) {
  std::optional<ChallengeRow> out;
  c.query("SELECT id, user_id, kind, pending_secret_enc, expires_at_ms, used FROM login_challenges WHERE token_hash = $1",
          {token_hash}, [&](const db::Row& r) {
            out = ChallengeRow{u64(r.int64(0)), u64(r.int64(1)), std::string(r.text(2)), r.optional_text(3), r.int64(4),
                               r.int64(5) != 0};
          });
  return out;
}

bool use_challenge(db::Connection& c, uint64_t id) {
  return c.execute("UPDATE login_challenges SET used = 1 WHERE id = $1 AND used = 0", {i64(id)}) == 1;
}

void insert_invitation(db::Connection& c, uint64_t id, uint64_t company_id, uint64_t user_id, const std::string& token_hash,
                       uint64_t invited_by, int64_t expires_at_ms, int64_t now_ms) {
  c.execute("INSERT INTO invitations (id, company_id, user_id, token_hash, invited_by, expires_at_ms, accepted_at_ms, created_at_ms)"
            " VALUES ($1, $2, $3, $4, $5, $6, NULL, $7)",
            {i64(id), i64(company_id), i64(user_id), token_hash, i64(invited_by), expires_at_ms, now_ms});
}

std::optional<InvitationRow> invitation_by_token(db::Connection& c, const std::string& token_hash) {
  std::optional<InvitationRow> out;
  c.query("SELECT id, company_id, user_id, expires_at_ms, accepted_at_ms FROM invitations WHERE token_hash = $1",
          {token_hash}, [&](const db::Row& r) {
            out = InvitationRow{u64(r.int64(0)), u64(r.int64(1)), u64(r.int64(2)), r.int64(3), r.optional_int64(4)};
          });
  return out;
}

bool accept_invitation(db::Connection& c, uint64_t id, int64_t now_ms) {
  return c.execute("UPDATE invitations SET accepted_at_ms = $1 WHERE id = $2 AND accepted_at_ms IS NULL", {now_ms, i64(id)}) == 1;
}

void insert_api_key(db::Connection& c, const ApiKey& k, const std::string& secret_hash) {
  c.execute("INSERT INTO api_keys (id, company_id, project_id, name, secret_prefix, secret_hash, permissions, status,"
            " created_by, created_at_ms, last_used_at_ms, revoked_at_ms, version)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, NULL, $11)",
            {i64(k.id), i64(k.company_id), i64(k.project_id), k.name, k.secret_prefix, secret_hash,
             join_permissions(k.permissions), k.status, i64(k.created_by), k.created_at_ms, k.version});
}

std::optional<ApiKey> api_key_by_id(db::Connection& c, uint64_t company_id, uint64_t id) {
  std::optional<ApiKey> out;
  c.query(select(kKeyColumns, "FROM api_keys WHERE company_id = $1 AND id = $2"), {i64(company_id), i64(id)},
          [&](const db::Row& r) { out = read_key(r); });
  return out;
}

std::optional<ApiKey> api_key_by_secret(db::Connection& c, const std::string& secret_hash) {
  std::optional<ApiKey> out;
  c.query(select(kKeyColumns, "FROM api_keys WHERE secret_hash = $1"), {secret_hash},
          [&](const db::Row& r) { out = read_key(r); });
  return out;
}

std::vector<ApiKey> api_keys_of(db::Connection& c, uint64_t company_id, std::optional<uint64_t> project_id) {
  std::vector<ApiKey> out;
  if (project_id) {
    c.query(select(kKeyColumns, "FROM api_keys WHERE company_id = $1 AND project_id = $2 ORDER BY id DESC"),
            {i64(company_id), i64(*project_id)}, [&](const db::Row& r) { out.push_back(read_key(r)); });
  } else {
    c.query(select(kKeyColumns, "FROM api_keys WHERE company_id = $1 ORDER BY id DESC"), {i64(company_id)},
            [&](const db::Row& r) { out.push_back(read_key(r)); });
  }
  return out;
}

void roll_api_key(db::Connection& c, uint64_t id, const std::string& prefix, const std::string& secret_hash) {
  c.execute("UPDATE api_keys SET secret_prefix = $1, secret_hash = $2, version = version + 1 WHERE id = $3",
            {prefix, secret_hash, i64(id)});
}

void revoke_api_key(db::Connection& c, uint64_t id, int64_t now_ms) {
  c.execute("UPDATE api_keys SET status = 'revoked', revoked_at_ms = $1, version = version + 1 WHERE id = $2 AND status = 'active'",
            {now_ms, i64(id)});
}

void touch_api_key(db::Connection& c, uint64_t id, int64_t now_ms) {
  // At most one write a minute per key.
  c.execute("UPDATE api_keys SET last_used_at_ms = $1 WHERE id = $2 AND (last_used_at_ms IS NULL OR last_used_at_ms < $3)",
            {now_ms, i64(id), now_ms - 60'000});
}

void insert_step_up(db::Connection& c, uint64_t id, const std::string& token_hash, uint64_t user_id,
                    const std::string& action_hash, int64_t expires_at_ms) {
  c.execute("INSERT INTO step_up_confirmations (id, token_hash, user_id, action_hash, expires_at_ms, used_at_ms)"
            " VALUES ($1, $2, $3, $4, $5, NULL)",
            {i64(id), token_hash, i64(user_id), action_hash, expires_at_ms});
}

bool consume_step_up(db::Connection& c, const std::string& token_hash, uint64_t user_id, const std::string& action_hash,
                     int64_t now_ms) {
  return c.execute("UPDATE step_up_confirmations SET used_at_ms = $1 WHERE token_hash = $2 AND user_id = $3"
                   " AND action_hash = $4 AND used_at_ms IS NULL AND expires_at_ms > $1",
                   {now_ms, token_hash, i64(user_id), action_hash}) == 1;
}

void request_totp_reset(db::Connection& c, uint64_t user_id, uint64_t requested_by, int64_t now_ms) {
  c.execute("DELETE FROM totp_resets WHERE user_id = $1", {i64(user_id)});
  c.execute("INSERT INTO totp_resets (user_id, requested_by, requested_at_ms) VALUES ($1, $2, $3)",
            {i64(user_id), i64(requested_by), now_ms});
}

std::optional<uint64_t> totp_reset_requester(db::Connection& c, uint64_t user_id) {
  const auto v = c.query_int64("SELECT requested_by FROM totp_resets WHERE user_id = $1", {i64(user_id)});
  return v ? std::optional<uint64_t>(u64(*v)) : std::nullopt;
}

std::map<uint64_t, uint64_t> totp_resets_of(db::Connection& c, uint64_t company_id) {
  std::map<uint64_t, uint64_t> out;
  c.query("SELECT t.user_id, t.requested_by FROM totp_resets t JOIN users u ON u.id = t.user_id WHERE u.company_id = $1",
          {i64(company_id)}, [&](const db::Row& r) { out[u64(r.int64(0))] = u64(r.int64(1)); });
  return out;
}

void clear_totp_reset(db::Connection& c, uint64_t user_id) {
  c.execute("DELETE FROM totp_resets WHERE user_id = $1", {i64(user_id)});
}

void insert_email(db::Connection& c, uint64_t id, uint64_t company_id, const std::string& to, const std::string& subject,
                  const std::string& body, int64_t now_ms) {
  c.execute("INSERT INTO outbox_emails (id, company_id, to_email, subject, body, created_at_ms, sent_at_ms)"
            " VALUES ($1, $2, $3, $4, $5, $6, NULL)",
            {i64(id), i64(company_id), to, subject, body, now_ms});
}

}  // namespace kassa::identity::store

// Identity use cases beyond sign-in: users and invitations, roles, API keys,
// step-up confirmation, and the set-up used by the CLI.
#include <boost/json/array.hpp>

#include <algorithm>

#include "common/ids.hpp"
#include "common/log.hpp"
#include "common/time_text.hpp"
#include "identity/credentials.hpp"
#include "identity/identity.hpp"
#include "identity/identity_store.hpp"
#include "identity/permissions.hpp"

namespace kassa::identity {
namespace {

constexpr size_t kNameLengthMax = 200;

Error not_found(std::string_view what) { return Error::make(ErrorCode::not_found, "not-found", "no such " + std::string(what)); }

Error step_up_required(const boost::json::object& action) {
  Error e = Error::make(ErrorCode::forbidden, "step-up-required", "confirm this action with a fresh code from your authenticator");
  e.extensions["action"] = action;
  return e;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool plausible_email(std::string_view email) {
  const size_t at = email.find('@');
  return email.size() <= 254 && at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
         email.find('@', at + 1) == std::string_view::npos && email.find_first_of(" \t\r\n<>") == std::string_view::npos &&
         email.find('.', at) != std::string_view::npos;
}

Status check_permissions(const std::vector<std::string>& permissions, std::string_view field) {
  for (const auto& p : permissions) {
    if (!find_permission(p)) return Error::invalid("unknown-permission", "unknown permission " + p, {{std::string(field), "unknown permission " + p}});
  }
  return Ok{};
}

std::string grants_text(const std::vector<Grant>& grants) {
  std::string out;
  for (const auto& g : grants) {
    if (!out.empty()) out += "; ";
    out += RoleId(g.role_id).to_string() + "@";
    if (!g.project_ids) out += "all";
    else for (const auto p : *g.project_ids) out += ProjectId(p).to_string() + ",";
  }
  return out;
}

std::string new_api_secret() { return "sk_" + new_token(); }
std::string secret_prefix(const std::string& secret) { return secret.substr(0, 12); }

}  // namespace

// ---------------------------------------------------------------- own account

Result<SignedIn> IdentityService::change_password(const Principal& principal, const std::string& current, const std::string& next) {
  if (principal.kind != Principal::Kind::user) return Error::make(ErrorCode::forbidden, "forbidden", "only people have passwords");
  if (auto rules = check_password_rules(next); !rules) return rules.error();
  auto user = database_.read([&](db::Connection& c) { return store::user_by_id(c, principal.company_id, principal.id); });
  if (!user || !user->password_hash) return not_found("user");
  if (!reserve_attempt(*user)) return Error::make(ErrorCode::unauthenticated, "invalid-credentials", "the current password is wrong or the account is locked");
  if (!verify_password(*user->password_hash, current)) {
    record_failure(*user, "auth.password_failed", {principal.ip, principal.user_agent});
    return Error::invalid("wrong-password", "the current password is wrong", {{"/current_password", "is wrong"}});
  }
  return database_.write([&](db::Connection& c) -> Result<SignedIn> {
    store::release_attempt(c, user->id);
    std::vector<std::string> history = store::recent_password_hashes(c, user->id, options_.password_history);
    history.push_back(*user->password_hash);
    for (const auto& old : history) {
      if (verify_password(old, next)) {
        return Error::invalid("password-reused", "choose a password you have not used recently",
                              {{"/new_password", "must differ from your last 4 passwords"}});
      }
    }
    const int64_t now = clock_.now_ms();
    const std::string hash = hash_password(next);
    store::add_password_history(c, user->id, *user->password_hash, now);
    store::set_password(c, user->id, hash, now);
    store::revoke_sessions_of(c, user->id);
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "user.password_changed", "user",
                      UserId(user->id).to_string(), nullptr, nullptr});
    return start_session(c, *store::user_by_id(c, principal.company_id, user->id), {principal.ip, principal.user_agent}, "password_change");
  });
}

Result<LoginStep> IdentityService::replace_totp(const Principal& principal, const std::string& code) {
  if (principal.kind != Principal::Kind::user) return Error::make(ErrorCode::forbidden, "forbidden", "only people have authenticators");
  auto user = database_.read([&](db::Connection& c) { return store::user_by_id(c, principal.company_id, principal.id); });
  if (!user || !user->totp_secret_enc) return not_found("user");
  const auto secret = secrets_.open(*user->totp_secret_enc);
  if (!secret) throw std::runtime_error("TOTP secret cannot be decrypted: wrong master key?");
  if (auto s = check_totp_code(*user, *secret, code, {principal.ip, principal.user_agent}); !s) return s.error();
  return database_.write([&](db::Connection& c) { return enrollment_step(c, *user, "totp_enroll"); });
}

// ---------------------------------------------------------------- users

std::vector<std::pair<User, std::vector<Grant>>> IdentityService::users(const Principal& principal) const {
  return database_.read([&](db::Connection& c) {
    std::vector<std::pair<User, std::vector<Grant>>> out;
    const auto grants = store::grants_of_company(c, principal.company_id);
    const auto resets = store::totp_resets_of(c, principal.company_id);
    for (auto& u : store::users_of(c, principal.company_id)) {
      if (const auto it = resets.find(u.id); it != resets.end()) u.totp_reset_requested_by = it->second;
      std::vector<Grant> mine;
      for (const auto& [user_id, g] : grants) if (user_id == u.id) mine.push_back(g);
      out.emplace_back(std::move(u), std::move(mine));
    }
    return out;
  });
}

Result<std::vector<Grant>> IdentityService::resolve_grants(db::Connection& c, uint64_t company_id,
                                                           const std::vector<GrantInput>& input) const {
  std::vector<Grant> out;
  for (size_t i = 0; i < input.size(); ++i) {
    const std::string field = "/grants/" + std::to_string(i);
    const auto role_id = RoleId::parse(input[i].role_id);
    const auto role = role_id ? store::role_by_id(c, company_id, role_id->value()) : std::nullopt;
    if (!role) return Error::invalid("unknown-role", "unknown role " + input[i].role_id, {{field + "/role_id", "unknown role"}});
    Grant g{role->id, role->name, std::nullopt};
    if (input[i].project_ids) {
      g.project_ids.emplace();
      for (const auto& text : *input[i].project_ids) {
        const auto project_id = ProjectId::parse(text);
        if (!project_id || !org_.project(company_id, project_id->value())) {
          return Error::invalid("unknown-project", "unknown project " + text, {{field + "/project_ids", "unknown project " + text}});
        }
        g.project_ids->insert(project_id->value());
      }
      if (g.project_ids->empty()) return Error::invalid("no-projects", "name at least one project, or null for all", {{field + "/project_ids", "is empty"}});
    }
    out.push_back(std::move(g));
  }
  return out;
}

Result<IdentityService::Invited> IdentityService::invite(const Principal& principal, const std::string& email_input,
                                                         const std::string& name, const std::vector<GrantInput>& grants) {
  const std::string email = lower(email_input);
  std::vector<FieldError> errors;
  if (!plausible_email(email)) errors.push_back({"/email", "is not an e-mail address"});
  if (name.empty() || name.size() > kNameLengthMax) errors.push_back({"/name", "1 to 200 characters"});
  if (grants.empty()) errors.push_back({"/grants", "give the user at least one role"});
  if (!errors.empty()) return Error::invalid("invalid-body", "the invitation has invalid fields", errors);
  return database_.write([&](db::Connection& c) -> Result<Invited> {
    auto resolved = resolve_grants(c, principal.company_id, grants);
    if (!resolved) return resolved.error();
    if (store::user_by_email(c, email)) return Error::make(ErrorCode::conflict, "user-exists", "a user with this e-mail exists");
    const int64_t now = clock_.now_ms();
    User user{ids_.next(), principal.company_id, email, name, "invited", std::nullopt, std::nullopt, 0, 0, 0, 1, now, now};
    store::insert_user(c, user);
    store::replace_grants(c, user.id, *resolved);
    const std::string token = new_token();
    const int64_t expires = now + options_.invitation_ttl_ms;
    store::insert_invitation(c, ids_.next(), principal.company_id, user.id, token_hash(token), principal.id, expires, now);
    const std::string url = options_.public_url + "/invitations/" + token;
    notify(c, user, "You are invited to Kassa",
           principal.label + " invited you to their company on Kassa. Accept within 72 hours: " + url);
    log::info("invitation_link", {{"to", email}, {"url", url}});  // no mail server by default: the link is in the log
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "user.invited", "user", UserId(user.id).to_string(),
                      nullptr, to_json(user, *resolved)});
    return Invited{user, *resolved, url, expires};
  });
}

Result<boost::json::value> IdentityService::invitation(const std::string& token) const {
  return database_.read([&](db::Connection& c) -> Result<boost::json::value> {
    const auto row = store::invitation_by_token(c, token_hash(token));
    if (!row || row->accepted_at_ms || row->expires_at_ms <= clock_.now_ms()) return not_found("invitation");
    const auto user = store::user_by_id(c, row->company_id, row->user_id);
    const auto company = org_.company(row->company_id);
    if (!user || !company) return not_found("invitation");
    return boost::json::value(boost::json::object{
        {"email", user->email}, {"name", user->name}, {"company_name", company->name}, {"expires_at", iso_utc_from_ms(row->expires_at_ms)}});
  });
}

Result<LoginStep> IdentityService::accept_invitation(const std::string& token, const std::string& name,
                                                     const std::string& password, const Client& client) {
  if (auto rules = check_password_rules(password); !rules) return rules.error();
  if (name.size() > kNameLengthMax) return Error::invalid("invalid-body", "the name is too long", {{"/name", "1 to 200 characters"}});
  const std::string hash = hash_password(password);
  return database_.write([&](db::Connection& c) -> Result<LoginStep> {
    const int64_t now = clock_.now_ms();
    const auto row = store::invitation_by_token(c, token_hash(token));
    if (!row || row->accepted_at_ms || row->expires_at_ms <= now) return not_found("invitation");
    auto user = store::user_by_id(c, row->company_id, row->user_id);
    if (!user || user->status != "invited") return not_found("invitation");
    if (!store::accept_invitation(c, row->id, now)) return not_found("invitation");
    user->status = "active";
    if (!name.empty()) user->name = name;
    user->updated_at_ms = now;
    store::update_user_profile(c, *user, user->version);
    store::set_password(c, user->id, hash, now);
    audit_.record(c, {user->company_id, audit::Actor{"user", user->id, user->email, client.ip, client.user_agent},
                      "user.invitation_accepted", "user", UserId(user->id).to_string(), nullptr, nullptr});
    return enrollment_step(c, *user, "totp_enroll");
  });
}

Result<std::pair<User, std::vector<Grant>>> IdentityService::update_user(const Principal& principal, uint64_t user_id,
                                                                         const UserPatch& patch, int64_t expected_version) {
  if (patch.name && (patch.name->empty() || patch.name->size() > kNameLengthMax)) {
    return Error::invalid("invalid-body", "the name must have 1 to 200 characters", {{"/name", "1 to 200 characters"}});
  }
  if (patch.status && *patch.status != "active" && *patch.status != "disabled") {
    return Error::invalid("invalid-body", "status must be active or disabled", {{"/status", "active or disabled"}});
  }
  if (patch.status && user_id == principal.id) {
    return Error::make(ErrorCode::unprocessable, "cannot-change-self", "you cannot disable or enable yourself");
  }
  return database_.write([&](db::Connection& c) -> Result<std::pair<User, std::vector<Grant>>> {
    auto current = store::user_by_id(c, principal.company_id, user_id);
    if (!current) return not_found("user");
    const auto grants = store::grants_of_user(c, user_id);
    if (current->version != expected_version) return Error::stale_version(to_json(*current, grants));
    if (patch.status && current->status == "invited") {
      return Error::make(ErrorCode::unprocessable, "user-invited", "the user has not accepted the invitation yet");
    }
    User next = *current;
    if (patch.name) next.name = *patch.name;
    if (patch.status) next.status = *patch.status;
    next.updated_at_ms = clock_.now_ms();
    if (!store::update_user_profile(c, next, expected_version)) return Error::stale_version(to_json(*store::user_by_id(c, principal.company_id, user_id), grants));
    if (next.status == "disabled") store::revoke_sessions_of(c, user_id);
    next.version = expected_version + 1;
    audit_.record(c, {principal.company_id, audit::Actor::of(principal),
                      patch.status && *patch.status != current->status ? "user." + next.status : "user.updated", "user",
                      UserId(user_id).to_string(), to_json(*current, grants), to_json(next, grants)});
    return std::make_pair(next, grants);
  });
}

Result<std::pair<User, std::vector<Grant>>> IdentityService::set_grants(const Principal& principal, uint64_t user_id,
                                                                        const std::vector<GrantInput>& grants,
                                                                        int64_t expected_version, const std::string& step_up) {
  if (user_id == principal.id) return Error::make(ErrorCode::unprocessable, "cannot-change-self", "another administrator must change your roles");
  if (grants.empty()) return Error::invalid("invalid-body", "give the user at least one role", {{"/grants", "is empty"}});
  return database_.write([&](db::Connection& c) -> Result<std::pair<User, std::vector<Grant>>> {
    auto current = store::user_by_id(c, principal.company_id, user_id);
    if (!current) return not_found("user");
    const auto before = store::grants_of_user(c, user_id);
    if (current->version != expected_version) return Error::stale_version(to_json(*current, before));
    auto resolved = resolve_grants(c, principal.company_id, grants);
    if (!resolved) return resolved.error();
    const boost::json::object action{{"type", "user.grants"}, {"user_id", UserId(user_id).to_string()}, {"grants", grants_text(*resolved)}};
    if (auto s = consume_step_up(c, principal, action, step_up); !s) return s.error();
    store::replace_grants(c, user_id, *resolved);
    store::bump_version(c, user_id, clock_.now_ms());
    store::revoke_sessions_of(c, user_id);  // privilege change: the user signs in again
    const User next = *store::user_by_id(c, principal.company_id, user_id);
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "user.grants_changed", "user",
                      UserId(user_id).to_string(), to_json(*current, before), to_json(next, *resolved)});
    return std::make_pair(next, *resolved);
  });
}

Status IdentityService::request_totp_reset(const Principal& principal, uint64_t user_id, const std::string& step_up) {
  if (user_id == principal.id) return Error::make(ErrorCode::unprocessable, "cannot-change-self", "replace your own authenticator on your profile page");
  return database_.write([&](db::Connection& c) -> Status {
    const auto user = store::user_by_id(c, principal.company_id, user_id);
    if (!user) return not_found("user");
    const boost::json::object action{{"type", "user.totp_reset"}, {"user_id", UserId(user_id).to_string()}};
    if (auto s = consume_step_up(c, principal, action, step_up); !s) return s;
    store::request_totp_reset(c, user_id, principal.id, clock_.now_ms());
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "user.totp_reset_requested", "user",
                      UserId(user_id).to_string(), nullptr, nullptr});
    return Ok{};
  });
}

Status IdentityService::confirm_totp_reset(const Principal& principal, uint64_t user_id, const std::string& step_up) {
  return database_.write([&](db::Connection& c) -> Status {
    const auto user = store::user_by_id(c, principal.company_id, user_id);
    if (!user) return not_found("user");
    const auto requester = store::totp_reset_requester(c, user_id);
    if (!requester) return Error::make(ErrorCode::unprocessable, "no-reset-requested", "no reset was requested for this user");
    if (*requester == principal.id) {
      return Error::make(ErrorCode::unprocessable, "second-administrator-required", "a second administrator must confirm the reset");
    }
    const boost::json::object action{{"type", "user.totp_reset_confirm"}, {"user_id", UserId(user_id).to_string()}};
    if (auto s = consume_step_up(c, principal, action, step_up); !s) return s;
    const int64_t now = clock_.now_ms();
    store::set_totp_secret(c, user_id, std::nullopt, now);
    store::replace_recovery_codes(c, user_id, {});
    store::revoke_sessions_of(c, user_id);
    store::clear_totp_reset(c, user_id);
    notify(c, *user, "Your Kassa authenticator was reset",
           "Two administrators reset your second factor. At your next sign-in you will enrol a new authenticator.");
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "user.totp_reset", "user",
                      UserId(user_id).to_string(), nullptr, nullptr});
    return Ok{};
  });
}

// ---------------------------------------------------------------- roles

std::vector<Role> IdentityService::roles(const Principal& principal) const {
  return database_.read([&](db::Connection& c) { return store::roles_of(c, principal.company_id); });
}

Result<Role> IdentityService::create_role(const Principal& principal, const RoleInput& input) {
  std::vector<FieldError> errors;
  if (!input.name || input.name->empty() || input.name->size() > 100) errors.push_back({"/name", "1 to 100 characters"});
  if (!input.permissions) errors.push_back({"/permissions", "is required"});
  if (!errors.empty()) return Error::invalid("invalid-body", "the role has invalid fields", errors);
  if (auto s = check_permissions(*input.permissions, "/permissions"); !s) return s.error();
  return database_.write([&](db::Connection& c) -> Result<Role> {
    if (store::role_by_name(c, principal.company_id, *input.name)) return Error::make(ErrorCode::conflict, "role-exists", "a role with this name exists");
    Role role{ids_.next(), principal.company_id, *input.name, input.description.value_or(""), *input.permissions, false, 1, clock_.now_ms()};
    role.permissions = split_permissions(join_permissions(role.permissions));
    store::insert_role(c, role);
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "role.created", "role", RoleId(role.id).to_string(), nullptr, to_json(role)});
    return role;
  });
}

Result<Role> IdentityService::update_role(const Principal& principal, uint64_t role_id, const RoleInput& input, int64_t expected_version) {
  if (input.name && (input.name->empty() || input.name->size() > 100)) return Error::invalid("invalid-body", "invalid name", {{"/name", "1 to 100 characters"}});
  if (input.permissions) if (auto s = check_permissions(*input.permissions, "/permissions"); !s) return s.error();
  return database_.write([&](db::Connection& c) -> Result<Role> {
    auto current = store::role_by_id(c, principal.company_id, role_id);
    if (!current) return not_found("role");
    if (current->builtin) return Error::make(ErrorCode::unprocessable, "builtin-role", "built-in roles cannot be changed");
    if (current->version != expected_version) return Error::stale_version(to_json(*current));
    Role next = *current;
    if (input.name) {
      const auto other = store::role_by_name(c, principal.company_id, *input.name);
      if (other && other->id != role_id) return Error::make(ErrorCode::conflict, "role-exists", "a role with this name exists");
      next.name = *input.name;
    }
    if (input.description) next.description = *input.description;
    if (input.permissions) next.permissions = split_permissions(join_permissions(*input.permissions));
    if (!store::update_role(c, next, expected_version)) return Error::stale_version(to_json(*store::role_by_id(c, principal.company_id, role_id)));
    next.version = expected_version + 1;
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "role.updated", "role", RoleId(role_id).to_string(),
                      to_json(*current), to_json(next)});
    return next;
  });
}

Status IdentityService::delete_role(const Principal& principal, uint64_t role_id) {
  return database_.write([&](db::Connection& c) -> Status {
    const auto role = store::role_by_id(c, principal.company_id, role_id);
    if (!role) return not_found("role");
    if (role->builtin) return Error::make(ErrorCode::unprocessable, "builtin-role", "built-in roles cannot be deleted");
    if (store::grants_of_role(c, role_id) > 0) return Error::make(ErrorCode::conflict, "role-in-use", "users still hold this role");
    store::delete_role(c, role_id);
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "role.deleted", "role", RoleId(role_id).to_string(), to_json(*role), nullptr});
    return Ok{};
  });
}

void IdentityService::create_builtin_roles(db::Connection& c, uint64_t company_id) {
  for (const auto& builtin : builtin_roles()) {
    std::vector<std::string> permissions(builtin.permissions.begin(), builtin.permissions.end());
    store::insert_role(c, Role{ids_.next(), company_id, std::string(builtin.name), std::string(builtin.description),
                               permissions, true, 1, clock_.now_ms()});
  }
}

// ---------------------------------------------------------------- API keys

Result<std::vector<ApiKey>> IdentityService::api_keys(const Principal& principal, std::optional<uint64_t> project_id) const {
  auto keys = database_.read([&](db::Connection& c) { return store::api_keys_of(c, principal.company_id, project_id); });
  std::erase_if(keys, [&](const ApiKey& k) { return !principal.can("api_keys.read", k.project_id); });
  return keys;
}

Result<CreatedApiKey> IdentityService::create_api_key(const Principal& principal, uint64_t project_id, const std::string& name,
                                                      const std::vector<std::string>& permissions, const std::string& step_up) {
  if (name.empty() || name.size() > kNameLengthMax) return Error::invalid("invalid-body", "invalid name", {{"/name", "1 to 200 characters"}});
  if (auto s = check_permissions(permissions, "/permissions"); !s) return s.error();
  for (const auto& p : permissions) {
    if (find_permission(p)->scope == PermissionScope::company) {
      return Error::invalid("company-permission", p + " cannot be given to an API key", {{"/permissions", p + " is company-wide"}});
    }
  }
  if (!org_.project(principal.company_id, project_id)) return not_found("project");
  if (!principal.can("api_keys.manage", project_id)) return Error::make(ErrorCode::forbidden, "forbidden", "you may not manage this project's API keys");
  return database_.write([&](db::Connection& c) -> Result<CreatedApiKey> {
    const std::string sorted = join_permissions(permissions);
    const boost::json::object action{{"type", "api_key.create"}, {"project_id", ProjectId(project_id).to_string()},
                                     {"name", name}, {"permissions", sorted}};
    if (auto s = consume_step_up(c, principal, action, step_up); !s) return s.error();
    const std::string secret = new_api_secret();
    ApiKey key{ids_.next(), principal.company_id, project_id, name, secret_prefix(secret), split_permissions(sorted), "active",
               principal.id, clock_.now_ms(), std::nullopt, std::nullopt, 1};
    store::insert_api_key(c, key, token_hash(secret));
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "api_key.created", "api_key", ApiKeyId(key.id).to_string(), nullptr, to_json(key)});
    return CreatedApiKey{key, secret};
  });
}

Result<CreatedApiKey> IdentityService::roll_api_key(const Principal& principal, uint64_t key_id, const std::string& step_up) {
  return database_.write([&](db::Connection& c) -> Result<CreatedApiKey> {
    auto key = store::api_key_by_id(c, principal.company_id, key_id);
    if (!key || !principal.can("api_keys.read", key->project_id)) return not_found("API key");
    if (!principal.can("api_keys.manage", key->project_id)) return Error::make(ErrorCode::forbidden, "forbidden", "you may not manage this project's API keys");
    if (key->status != "active") return Error::make(ErrorCode::unprocessable, "api-key-revoked", "a revoked key cannot be rolled");
    const boost::json::object action{{"type", "api_key.roll"}, {"api_key_id", ApiKeyId(key_id).to_string()}};
    if (auto s = consume_step_up(c, principal, action, step_up); !s) return s.error();
    const std::string secret = new_api_secret();
    store::roll_api_key(c, key_id, secret_prefix(secret), token_hash(secret));
    const ApiKey next = *store::api_key_by_id(c, principal.company_id, key_id);
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "api_key.rolled", "api_key", ApiKeyId(key_id).to_string(), to_json(*key), to_json(next)});
    return CreatedApiKey{next, secret};
  });
}

Result<ApiKey> IdentityService::revoke_api_key(const Principal& principal, uint64_t key_id) {
  return database_.write([&](db::Connection& c) -> Result<ApiKey> {
    auto key = store::api_key_by_id(c, principal.company_id, key_id);
    if (!key || !principal.can("api_keys.read", key->project_id)) return not_found("API key");
    if (!principal.can("api_keys.manage", key->project_id)) return Error::make(ErrorCode::forbidden, "forbidden", "you may not manage this project's API keys");
    store::revoke_api_key(c, key_id, clock_.now_ms());
    const ApiKey next = *store::api_key_by_id(c, principal.company_id, key_id);
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "api_key.revoked", "api_key", ApiKeyId(key_id).to_string(), to_json(*key), to_json(next)});
    return next;
  });
}

// ---------------------------------------------------------------- step-up

Result<std::pair<std::string, int64_t>> IdentityService::confirm_step_up(const Principal& principal, const boost::json::object& action,
                                                                         const std::string& code) {
  if (principal.kind != Principal::Kind::user) return Error::make(ErrorCode::forbidden, "forbidden", "API keys need no step-up");
  if (!action.contains("type")) return Error::invalid("invalid-body", "the action needs a type", {{"/action/type", "is required"}});
  auto user = database_.read([&](db::Connection& c) { return store::user_by_id(c, principal.company_id, principal.id); });
  if (!user || !user->totp_secret_enc) return not_found("user");
  const auto secret = secrets_.open(*user->totp_secret_enc);
  if (!secret) throw std::runtime_error("TOTP secret cannot be decrypted: wrong master key?");
  if (auto s = check_totp_code(*user, *secret, code, {principal.ip, principal.user_agent}); !s) return s.error();
  const std::string token = new_token();
  const int64_t expires = clock_.now_ms() + options_.step_up_ttl_ms;
  database_.write([&](db::Connection& c) {
    store::insert_step_up(c, ids_.next(), token_hash(token), principal.id, canonical_action_hash(action), expires);
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "auth.step_up_confirmed", "action",
                      std::string(action.at("type").is_string() ? action.at("type").as_string() : ""), nullptr, action});
  });
  return std::make_pair(token, expires);
}

Status IdentityService::consume_step_up(db::Connection& c, const Principal& principal, const boost::json::object& action,
                                        const std::string& confirmation) {
  if (principal.kind != Principal::Kind::user) return Ok{};  // merchant servers sign with their key; PSD2 SCA is for people
  if (confirmation.empty() ||
      !store::consume_step_up(c, token_hash(confirmation), principal.id, canonical_action_hash(action), clock_.now_ms())) {
    return step_up_required(action);
  }
  return Ok{};
}

// ---------------------------------------------------------------- set-up (CLI)

Result<User> IdentityService::create_user(const std::string& company_name, const std::string& email_input, const std::string& name,
                                          const std::string& password, const std::string& role_name) {
  if (auto rules = check_password_rules(password); !rules) return rules.error();
  const std::string email = lower(email_input);
  if (!plausible_email(email)) return Error::invalid("invalid-email", "not an e-mail address: " + email);
  const std::string hash = hash_password(password);
  return database_.write([&](db::Connection& c) -> Result<User> {
    const auto actor = audit::Actor::system("cli");
    auto company = org_.find_company_by_name(c, company_name);
    if (!company) {
      auto created = org_.create_company(c, company_name, "EUR", "Europe/Berlin", actor);
      if (!created) return created.error();
      company = *created;
      create_builtin_roles(c, company->id);
    }
    const auto role = store::role_by_name(c, company->id, role_name);
    if (!role) return Error::invalid("unknown-role", "unknown role " + role_name);
    if (store::user_by_email(c, email)) return Error::make(ErrorCode::conflict, "user-exists", "a user with this e-mail exists");
    const int64_t now = clock_.now_ms();
    User user{ids_.next(), company->id, email, name.empty() ? email.substr(0, email.find('@')) : name, "active", hash,
              std::nullopt, 0, 0, 0, 1, now, now};
    store::insert_user(c, user);
    store::replace_grants(c, user.id, {Grant{role->id, role->name, std::nullopt}});
    audit_.record(c, {company->id, actor, "user.created", "user", UserId(user.id).to_string(), nullptr,
                      to_json(user, {Grant{role->id, role->name, std::nullopt}})});
    return user;
  });
}

Result<CreatedApiKey> IdentityService::create_api_key_for(const std::string& company_name, const std::string& project_name,
                                                          const std::string& name,
                                                          const std::optional<std::vector<std::string>>& permissions) {
  std::vector<std::string> chosen;
  if (permissions) {
    chosen = *permissions;
  } else {
    for (const auto& p : permission_catalogue()) if (p.scope == PermissionScope::project) chosen.emplace_back(p.name);
  }
  if (auto s = check_permissions(chosen, "--permissions"); !s) return s.error();
  return database_.write([&](db::Connection& c) -> Result<CreatedApiKey> {
    const auto company = org_.find_company_by_name(c, company_name);
    if (!company) return not_found("company " + company_name);
    const auto project = org_.find_project_by_name(c, company->id, project_name);
    if (!project) return not_found("project " + project_name);
    const std::string secret = new_api_secret();
    ApiKey key{ids_.next(), company->id, project->id, name, secret_prefix(secret), split_permissions(join_permissions(chosen)),
               "active", 0, clock_.now_ms(), std::nullopt, std::nullopt, 1};
    store::insert_api_key(c, key, token_hash(secret));
    audit_.record(c, {company->id, audit::Actor::system("cli"), "api_key.created", "api_key", ApiKeyId(key.id).to_string(), nullptr, to_json(key)});
    return CreatedApiKey{key, secret};
  });
}

Result<std::string> IdentityService::enroll_totp_for(const std::string& email) {
  return database_.write([&](db::Connection& c) -> Result<std::string> {
    const auto user = store::user_by_email(c, lower(email));
    if (!user) return not_found("user " + email);
    const std::string secret = new_totp_secret();
    store::set_totp_secret(c, user->id, secrets_.seal(secret), clock_.now_ms());
    audit_.record(c, {user->company_id, audit::Actor::system("cli"), "auth.totp_enrolled", "user", UserId(user->id).to_string(), nullptr, nullptr});
    return base32_encode(secret);
  });
}

std::optional<std::string> IdentityService::totp_secret_of(const std::string& email) const {
  const auto user = database_.read([&](db::Connection& c) { return store::user_by_email(c, lower(email)); });
  if (!user || !user->totp_secret_enc) return std::nullopt;
  const auto secret = secrets_.open(*user->totp_secret_enc);
  return secret ? std::optional<std::string>(base32_encode(*secret)) : std::nullopt;
}

}  // namespace kassa::identity

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "common/crypto.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"
#include "common/time_text.hpp"
#include "identity/credentials.hpp"
#include "identity/identity.hpp"
#include "identity/identity_store.hpp"
#include "identity/permissions.hpp"

namespace kassa::identity {
namespace {

constexpr std::string_view kIssuer = "Kassa";
constexpr size_t kEmailLengthMax = 254;  // RFC 5321

Error invalid_credentials() {
  return Error::make(ErrorCode::unauthenticated, "invalid-credentials",
                     "the e-mail, password or code is wrong, or the account is temporarily locked after too many "
                     "attempts; wait and try again");
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

boost::json::value grants_json(const std::vector<Grant>& grants) {
  boost::json::array out;
  for (const auto& g : grants) {
    boost::json::value projects = nullptr;
    if (g.project_ids) {
      boost::json::array ids;
      for (const uint64_t p : *g.project_ids) ids.push_back(boost::json::value(ProjectId(p).to_string()));
      projects = std::move(ids);
    }
    out.push_back(boost::json::object{{"role_id", RoleId(g.role_id).to_string()}, {"role_name", g.role_name},
                                      {"project_ids", std::move(projects)}});
  }
  return out;
}

boost::json::array string_array(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& s : items) out.push_back(boost::json::value(s));
  return out;
}


}  // namespace

std::string canonical_action_hash(const boost::json::object& action) {
  // Sorted keys, so the same action always hashes the same.
  std::vector<std::string> keys;
  for (const auto& [k, v] : action) keys.emplace_back(k);
  std::sort(keys.begin(), keys.end());
  boost::json::array canonical;
  for (const auto& k : keys) canonical.push_back(boost::json::array{boost::json::value(k), action.at(k)});
  return crypto::sha256_hex(boost::json::serialize(canonical));
}

boost::json::value to_json(const User& u, const std::vector<Grant>& grants) {
  return boost::json::object{{"id", UserId(u.id).to_string()},
                             {"email", u.email},
                             {"name", u.name},
                             {"status", u.status},
                             {"totp_enrolled", u.totp_secret_enc.has_value()},
                             {"locked_until", u.locked_until_ms > 0 ? boost::json::value(iso_utc_from_ms(u.locked_until_ms)) : nullptr},
                             {"grants", grants_json(grants)},
                             {"totp_reset_requested_by", u.totp_reset_requested_by ? boost::json::value(UserId(*u.totp_reset_requested_by).to_string()) : nullptr},
                             {"version", u.version},
                             {"created_at", iso_utc_from_ms(u.created_at_ms)}};
}

boost::json::value to_json(const Role& r) {
  return boost::json::object{{"id", RoleId(r.id).to_string()}, {"name", r.name}, {"description", r.description},
                             {"permissions", string_array(r.permissions)}, {"builtin", r.builtin},
                             {"version", r.version}, {"created_at", iso_utc_from_ms(r.created_at_ms)}};
}

boost::json::value to_json(const ApiKey& k) {
  const auto time_or_null = [](const std::optional<int64_t>& ms) -> boost::json::value {
    return ms ? boost::json::value(iso_utc_from_ms(*ms)) : boost::json::value(nullptr);
  };
  return boost::json::object{{"id", ApiKeyId(k.id).to_string()},
                             {"project_id", ProjectId(k.project_id).to_string()},
                             {"name", k.name},
                             {"secret_prefix", k.secret_prefix},
                             {"permissions", string_array(k.permissions)},
                             {"status", k.status},
                             {"created_at", iso_utc_from_ms(k.created_at_ms)},
                             {"last_used_at", time_or_null(k.last_used_at_ms)},
                             {"revoked_at", time_or_null(k.revoked_at_ms)},
                             {"version", k.version}};
}

IdentityService::IdentityService(db::Database& database, IdGenerator& ids, const Clock& clock, const SecretBox& secrets,
                                 audit::AuditService& audit, org::OrgService& org, Options options)
    : database_(database), ids_(ids), clock_(clock), secrets_(secrets), audit_(audit), org_(org), options_(std::move(options)) {}

// ---------------------------------------------------------------- sign-in

bool IdentityService::reserve_attempt(const User& user) {
  const int64_t now = clock_.now_ms();
  return database_.write([&](db::Connection& c) { return store::reserve_attempt(c, user.id, options_.failures_max, now); });
}

void IdentityService::record_failure(const User& user, std::string_view action, const Client& client) {
  const int64_t now = clock_.now_ms();
  database_.write([&](db::Connection& c) {
    audit_.record(c, {user.company_id, audit::Actor::anonymous(client.ip, client.user_agent), std::string(action), "user",
                      UserId(user.id).to_string(), nullptr, boost::json::object{{"email", user.email}}});
    if (store::lock_if_exhausted(c, user.id, options_.failures_max, now + options_.lock_ms)) {
      audit_.record(c, {user.company_id, audit::Actor::system("sign-in"), "auth.locked", "user", UserId(user.id).to_string(),
                        nullptr, boost::json::object{{"locked_until", iso_utc_from_ms(now + options_.lock_ms)}}});
      notify(c, user, "Your Kassa account is locked for 30 minutes",
             "There were 5 failed sign-in attempts on your account, the last from " + client.ip +
                 ". It is locked for 30 minutes. If this was not you, tell your administrator.");
      log::warn("account_locked", {{"user", UserId(user.id).to_string()}, {"ip", client.ip}});
    }
  });
}

Result<LoginStep> IdentityService::login(const std::string& email_input, const std::string& password, const Client& client) {
  const std::string email = lower(email_input);
  const auto user = database_.read([&](db::Connection& c) { return store::user_by_email(c, email); });
  const bool can_sign_in = user && user->status == "active" && user->password_hash;
  if (!can_sign_in || !reserve_attempt(*user)) {
    verify_dummy_password(password);  // the same time as a real check
    database_.write([&](db::Connection& c) {
      audit_.record(c, {user ? user->company_id : 0, audit::Actor::anonymous(client.ip, client.user_agent),
                        user ? (can_sign_in ? "auth.login_refused_locked" : "auth.login_refused_inactive") : "auth.login_unknown_email",
                        "user", user ? UserId(user->id).to_string() : "", nullptr,
                        boost::json::object{{"email", email.substr(0, kEmailLengthMax)}}});
    });
    return invalid_credentials();
  }
  if (!verify_password(*user->password_hash, password)) {
    record_failure(*user, "auth.password_failed", client);
    return invalid_credentials();
  }
  return database_.write([&](db::Connection& c) -> Result<LoginStep> {
    store::release_attempt(c, user->id);  // the password was right: only the code step counts now
    if (!user->totp_secret_enc) return enrollment_step(c, *user, "totp_enroll");
    const std::string token = new_token();
    store::insert_challenge(c, ids_.next(), token_hash(token), user->id, "totp", std::nullopt,
                            clock_.now_ms() + options_.challenge_ttl_ms);
    return LoginStep{"totp", token, "", "", ""};
  });
}

LoginStep IdentityService::enrollment_step(db::Connection& c, const User& user, std::string_view kind) {
  const std::string secret = new_totp_secret();
  const std::string token = new_token();
  store::insert_challenge(c, ids_.next(), token_hash(token), user.id, std::string(kind), secrets_.seal(secret),
                          clock_.now_ms() + options_.challenge_ttl_ms);
  const std::string uri = otpauth_uri(kIssuer, user.email, secret);
  return LoginStep{"totp_enroll", token, uri, qr_svg(uri), base32_encode(secret)};
}

Status IdentityService::check_totp_code(const User& user, const std::string& secret, const std::string& code,
                                        const Client& client) {
  if (!reserve_attempt(user)) return invalid_credentials();
  const auto step = totp_match(secret, code, clock_.now_ms());
  if (!step) {
    record_failure(user, "auth.totp_failed", client);
    return invalid_credentials();
  }
  // Spend the step atomically: a replay, or an older step than the last used, is refused on every process.
  const bool fresh = database_.write([&](db::Connection& c) { return store::spend_totp_step(c, user.id, *step); });
  if (!fresh) {
    database_.write([&](db::Connection& c) {
      notify(c, user, "A used sign-in code was tried on your Kassa account",
             "Someone entered a code that had already been used, from " + client.ip +
                 ". If this was not you, change your password and tell your administrator.");
    });
    log::warn("totp_replay", {{"user", UserId(user.id).to_string()}, {"ip", client.ip}});
    record_failure(user, "auth.totp_replayed", client);
    return invalid_credentials();
  }
  database_.write([&](db::Connection& c) { store::release_attempt(c, user.id); });
  return Ok{};
}

Result<User> IdentityService::pass_challenge(
    const std::string& challenge, std::string_view kind,
    const std::function<Status(User&, std::optional<std::string>&)>& check) {
  const auto row = database_.read([&](db::Connection& c) { return store::challenge_by_token(c, token_hash(challenge)); });
  const int64_t now = clock_.now_ms();
  if (!row || row->used || row->kind != kind) return invalid_credentials();
  if (row->expires_at_ms <= now) {
    return Error::make(ErrorCode::unauthenticated, "challenge-expired", "too much time passed; sign in again");
  }
  auto user = database_.read([&](db::Connection& c) { return store::user_by_id_any(c, row->user_id); });
  if (!user || (user->status != "active")) return invalid_credentials();
  std::optional<std::string> pending = row->pending_secret_enc;
  if (auto s = check(*user, pending); !s) return s.error();
  const bool spent = database_.write([&](db::Connection& c) { return store::use_challenge(c, row->id); });
  if (!spent) return invalid_credentials();
  return *user;
}

Result<SignedIn> IdentityService::start_session(db::Connection& c, const User& user, const Client& client, std::string_view how) {
  const int64_t now = clock_.now_ms();
  SignedIn out{user, new_token(), new_token(), {}};
  const uint64_t session_id = ids_.next();
  store::insert_session(c, session_id, token_hash(out.session_token), user.id, out.csrf_token, now,
                        now + options_.session_max_ms, client);
  store::reset_attempts(c, user.id);
  audit_.record(c, {user.company_id, audit::Actor{"user", user.id, user.email, client.ip, client.user_agent},
                    "auth.login_succeeded", "session", SessionId(session_id).to_string(), nullptr,
                    boost::json::object{{"second_factor", how}}});
  return out;
}

Result<SignedIn> IdentityService::verify_totp(const std::string& challenge, const std::string& code, const Client& client) {
  auto user = pass_challenge(challenge, "totp", [&](User& u, std::optional<std::string>&) -> Status {
    const auto secret = secrets_.open(u.totp_secret_enc.value_or(""));
    if (!secret) throw std::runtime_error("TOTP secret cannot be decrypted: wrong master key?");
    return check_totp_code(u, *secret, code, client);
  });
  if (!user) return user.error();
  return database_.write([&](db::Connection& c) { return start_session(c, *user, client, "totp"); });
}

Result<SignedIn> IdentityService::enroll_totp(const std::string& challenge, const std::string& code, const Client& client) {
  std::string secret;
  auto user = pass_challenge(challenge, "totp_enroll", [&](User& u, std::optional<std::string>& pending) -> Status {
    const auto opened = secrets_.open(pending.value_or(""));
    if (!opened) return invalid_credentials();
    secret = *opened;
    return check_totp_code(u, secret, code, client);
  });
  if (!user) return user.error();
  return database_.write([&](db::Connection& c) -> Result<SignedIn> {
    const int64_t now = clock_.now_ms();
    store::set_totp_secret(c, user->id, secrets_.seal(secret), now);
    store::revoke_sessions_of(c, user->id);  // a new authenticator ends every other session
    const std::vector<std::string> codes = new_recovery_codes();
    std::vector<std::string> hashes;
    for (const auto& code_text : codes) hashes.push_back(token_hash(normalize_recovery_code(code_text)));
    store::replace_recovery_codes(c, user->id, hashes);
    audit_.record(c, {user->company_id, audit::Actor{"user", user->id, user->email, client.ip, client.user_agent},
                      "auth.totp_enrolled", "user", UserId(user->id).to_string(), nullptr, nullptr});
    User enrolled = *store::user_by_id(c, user->company_id, user->id);
    auto signed_in = start_session(c, enrolled, client, "totp_enroll");
    if (signed_in) signed_in.value().recovery_codes = codes;
    return signed_in;
  });
}

Result<SignedIn> IdentityService::recover(const std::string& challenge, const std::string& recovery_code, const Client& client) {
  auto user = pass_challenge(challenge, "totp", [&](User& u, std::optional<std::string>&) -> Status {
    if (!reserve_attempt(u)) return invalid_credentials();
    const int64_t now = clock_.now_ms();
    const bool used = database_.write([&](db::Connection& c) {
      return store::use_recovery_code(c, u.id, token_hash(normalize_recovery_code(recovery_code)), now);
    });
    if (!used) {
      record_failure(u, "auth.recovery_failed", client);
      return invalid_credentials();
    }
    return Ok{};
  });
  if (!user) return user.error();
  return database_.write([&](db::Connection& c) { return start_session(c, *user, client, "recovery_code"); });
}

void IdentityService::logout(const Principal& principal) {
  if (principal.kind != Principal::Kind::user) return;
  database_.write([&](db::Connection& c) {
    store::revoke_session(c, principal.session_id);
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "auth.logout", "session",
                      SessionId(principal.session_id).to_string(), nullptr, nullptr});
  });
}

// ---------------------------------------------------------------- authentication

Principal IdentityService::load_principal(db::Connection& c, const User& user) const {
  Principal p;
  p.kind = Principal::Kind::user;
  p.id = user.id;
  p.company_id = user.company_id;
  p.label = user.email;
  for (const auto& [project, permissions] : store::permission_rows(c, user.id)) {
    for (const auto& name : split_permissions(permissions)) {
      auto& set = p.permissions[name];
      if (project == 0) set.all = true;
      else set.project_ids.insert(project);
    }
  }
  return p;
}

Result<Principal> IdentityService::authenticate_session(const std::string& token, const std::string& csrf_header,
                                                        bool safe_method, const Client& client) {
  const int64_t now = clock_.now_ms();
  const auto expired = [](std::string_view why) {
    Error e = Error::make(ErrorCode::unauthenticated, "session-expired", std::string(why));
    return e;
  };
  auto found = database_.read([&](db::Connection& c) -> std::optional<std::pair<store::SessionRow, Principal>> {
    const auto session = store::session_by_token(c, token_hash(token));
    if (!session) return std::nullopt;
    const auto user = store::user_by_id_any(c, session->user_id);
    if (!user || user->status != "active") return std::nullopt;
    return std::make_pair(*session, load_principal(c, *user));
  });
  if (!found || found->first.revoked) return Error::make(ErrorCode::unauthenticated, "unauthenticated", "sign in first");
  const auto& session = found->first;
  if (session.expires_at_ms <= now) return expired("absolute");
  if (session.last_seen_ms + options_.idle_timeout_ms <= now) return expired("idle");
  if (!safe_method && (csrf_header.empty() || crypto::sha256(csrf_header) != crypto::sha256(session.csrf_token))) {
    return Error::make(ErrorCode::forbidden, "csrf-token-invalid", "the request lacks a valid X-CSRF-Token header; reload the page");
  }
  // Touch at most once a second per session; idle precision stays well under the 5 minutes.
  if (now - session.last_seen_ms >= 1000) {
    database_.write([&](db::Connection& c) { store::touch_session(c, session.id, now); });
  }
  Principal p = std::move(found->second);
  p.session_id = session.id;
  p.session_expires_at_ms = session.expires_at_ms;
  p.ip = client.ip;
  p.user_agent = client.user_agent;
  return p;
}

Result<Principal> IdentityService::authenticate_api_key(const std::string& secret, const Client& client) {
  const auto key = database_.read([&](db::Connection& c) { return store::api_key_by_secret(c, token_hash(secret)); });
  if (!key || key->status != "active") {
    return Error::make(ErrorCode::unauthenticated, "invalid-api-key", "the API key is unknown or revoked");
  }
  const int64_t now = clock_.now_ms();
  if (!key->last_used_at_ms || *key->last_used_at_ms < now - 60'000) {
    database_.write([&](db::Connection& c) { store::touch_api_key(c, key->id, now); });
  }
  Principal p;
  p.kind = Principal::Kind::api_key;
  p.id = key->id;
  p.company_id = key->company_id;
  p.label = key->name;
  p.ip = client.ip;
  p.user_agent = client.user_agent;
  for (const auto& name : key->permissions) {
    const auto* info = find_permission(name);
    if (info && info->scope == PermissionScope::project) p.permissions[name].project_ids.insert(key->project_id);
  }
  return p;
}

boost::json::value IdentityService::me(const Principal& principal) const {
  return database_.read([&](db::Connection& c) -> boost::json::value {
    const auto user = store::user_by_id(c, principal.company_id, principal.id);
    const auto company = org_.company(principal.company_id);
    boost::json::array company_permissions;
    boost::json::object projects;
    const auto all_projects = org_.projects(principal.company_id);
    for (const auto& [name, set] : principal.permissions) {
      const auto* info = find_permission(name);
      if (!info) continue;
      if (info->scope == PermissionScope::company) {
        if (set.all) company_permissions.push_back(boost::json::value(name));
        continue;
      }
      for (const auto& project : all_projects) {
        if (!set.contains(project.id)) continue;
        auto& list = projects[ProjectId(project.id).to_string()];
        if (list.is_null()) list = boost::json::array{};
        list.as_array().push_back(boost::json::value(name));
      }
    }
    return boost::json::object{
        {"user", user ? to_json(*user, store::grants_of_user(c, user->id)) : boost::json::value(nullptr)},
        {"company", company ? org::to_json(*company) : boost::json::value(nullptr)},
        {"permissions", boost::json::object{{"company", std::move(company_permissions)}, {"projects", std::move(projects)}}},
        {"session", boost::json::object{{"idle_timeout_seconds", options_.idle_timeout_ms / 1000},
                                        {"warn_before_seconds", options_.idle_warning_ms / 1000},
                                        {"expires_at", iso_utc_from_ms(principal.session_expires_at_ms)}}}};
  });
}

// ---------------------------------------------------------------- notifications

void IdentityService::notify(db::Connection& c, const User& user, const std::string& subject, const std::string& body) {
  store::insert_email(c, ids_.next(), user.company_id, user.email, subject, body, clock_.now_ms());
  log::info("email_queued", {{"to", user.email}, {"subject", subject}});
}

}  // namespace kassa::identity

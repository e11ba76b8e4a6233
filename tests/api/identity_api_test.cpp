// Sign-in, sessions, CSRF, lockout, replay, step-up and the audit chain, over
// HTTP against a real `kassa serve` (SQLite or PostgreSQL, see test_env.hpp).
#include <gtest/gtest.h>

#include <boost/json/array.hpp>

#include <future>
#include <thread>

#include "db/database.hpp"
#include "identity_fixture.hpp"

namespace kassa::test {
namespace {

using boost::json::object;
using boost::json::serialize;

class IdentityApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    f = new IdentityFixture();
    f->create_user("Acme", "owner@acme.test", "owner");
    f->create_user("Acme", "new@acme.test", "viewer", /*enroll=*/false);
    f->create_user("Acme", "locked@acme.test", "viewer");
    f->create_user("Acme", "burst@acme.test", "viewer");
    f->create_user("Acme", "replay@acme.test", "viewer");
    f->create_user("Acme", "idle@acme.test", "viewer");
    f->create_user("Acme", "promoted@acme.test", "viewer");
    ASSERT_EQ(f->cli({"project", "create", "--company", "Acme", "--name", "Shop", "--currency", "EUR"}).exit_code, 0);
    f->start();
  }
  static void TearDownTestSuite() { delete f; }

  static HttpResponse send(const Session& s, std::string_view method, std::string_view target, const std::string& body = "",
                           std::vector<std::pair<std::string, std::string>> extra = {}, bool csrf = true) {
    HttpClient client(f->port());
    auto h = s.headers(csrf);
    if (!body.empty()) h.emplace_back("Content-Type", "application/json");
    h.insert(h.end(), extra.begin(), extra.end());
    return client.request(method, target, h, body);
  }

  static inline IdentityFixture* f = nullptr;
};

TEST_F(IdentityApi, FirstSignInEnrolsTheAuthenticatorAndGivesRecoveryCodes) {
  HttpClient client(f->port());
  const auto step = f->login(client, "new@acme.test");
  ASSERT_EQ(step.status, 200) << step.body;
  const auto body = json_of(step);
  EXPECT_EQ(body.at("next"), "totp_enroll");
  const std::string uri(body.at("otpauth_uri").as_string());
  EXPECT_TRUE(uri.starts_with("otpauth://totp/Kassa:new%40acme.test?secret=") || uri.starts_with("otpauth://totp/Kassa:new@acme.test?secret=")) << uri;
  EXPECT_NE(uri.find("issuer=Kassa"), std::string::npos);
  EXPECT_TRUE(std::string(body.at("qr_svg").as_string()).starts_with("<svg"));
  const std::string secret(body.at("secret").as_string());
  EXPECT_NE(uri.find(secret), std::string::npos);

  // A wrong code does not enrol.
  auto r = client.post_json("/api/v1/auth/totp/enroll", serialize(object{{"challenge", body.at("challenge")}, {"code", "000000"}}));
  EXPECT_EQ(r.status, 401);
  r = client.post_json("/api/v1/auth/totp/enroll", serialize(object{{"challenge", body.at("challenge")}, {"code", f->next_code(secret)}}));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto codes = json_of(r).at("recovery_codes").as_array();
  EXPECT_EQ(codes.size(), 10u);
  const std::string set_cookie = r.header("set-cookie");
  EXPECT_NE(set_cookie.find("kassa_session="), std::string::npos);
  EXPECT_NE(set_cookie.find("HttpOnly; SameSite=Strict"), std::string::npos);
  f->set_secret("new@acme.test", secret);
  const Session s = f->session_from(r);
  const auto me = send(s, "GET", "/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(json_of(me).at("user").at("email"), "new@acme.test");
  EXPECT_EQ(json_of(me).at("user").at("totp_enrolled"), true);

  // A recovery code signs in once.
  HttpClient second(f->port());
  const auto again = f->login(second, "new@acme.test");
  ASSERT_EQ(json_of(again).at("next"), "totp");
  const auto code = codes[0];
  r = second.post_json("/api/v1/auth/recovery", serialize(object{{"challenge", json_of(again).at("challenge")}, {"recovery_code", code}}));
  EXPECT_EQ(r.status, 200) << r.body;
  const auto third = f->login(second, "new@acme.test");
  r = second.post_json("/api/v1/auth/recovery", serialize(object{{"challenge", json_of(third).at("challenge")}, {"recovery_code", code}}));
  EXPECT_EQ(r.status, 401);
}

TEST_F(IdentityApi, UnknownEmailWrongPasswordAndWrongCodeLookTheSame) {
  HttpClient client(f->port());
  const auto unknown = f->login(client, "nobody@acme.test");
  const auto wrong = f->login(client, "owner@acme.test", "Wrong-password-123");
  const auto step = f->login(client, "owner@acme.test");
  const auto bad_code = client.post_json("/api/v1/auth/totp", serialize(object{{"challenge", json_of(step).at("challenge")}, {"code", "123456"}}));
  for (const auto* r : {&unknown, &wrong, &bad_code}) {
    EXPECT_EQ(r->status, 401);
    const auto b = json_of(*r);
    EXPECT_EQ(b.at("type"), "https://kassa.dev/problems/invalid-credentials");
    EXPECT_EQ(b.at("detail"), json_of(unknown).at("detail"));
  }
}

TEST_F(IdentityApi, FiveFailuresLockTheAccountEvenInAParallelBurst) {
  constexpr int kBurst = 24;
  std::vector<std::future<int>> attempts;
  for (int i = 0; i < kBurst; ++i) {
    attempts.push_back(std::async(std::launch::async, [] {
      HttpClient client(f->port());
      return f->login(client, "burst@acme.test", "Wrong-password-123").status;
    }));
  }
  for (auto& a : attempts) EXPECT_EQ(a.get(), 401);
  // Now locked: the right password is refused too.
  HttpClient client(f->port());
  EXPECT_EQ(f->login(client, "burst@acme.test").status, 401);
  // At most 5 attempts were evaluated: the audit log has at most 5 password failures and one lock.
  const Session owner = f->sign_in("owner@acme.test");
  const auto failures = send(owner, "GET", "/api/v1/audit-events?action=auth.password_failed&limit=200");
  int for_burst = 0;
  const auto events = json_of(failures).at("data").as_array();
  for (const auto& e : events) {
    if (e.at("after").at("email") == "burst@acme.test") ++for_burst;
  }
  EXPECT_LE(for_burst, 5);
  EXPECT_GE(for_burst, 1);
  const auto locks = send(owner, "GET", "/api/v1/audit-events?action=auth.locked");
  EXPECT_EQ(json_of(locks).at("data").as_array().size(), 1u);
  // After 30 minutes the account opens again.
  f->advance_clock(31 * 60 * 1000);
  EXPECT_EQ(f->login(client, "burst@acme.test").status, 200);
}

TEST_F(IdentityApi, SequentialFailuresLockAfterFive) {
  HttpClient client(f->port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(f->login(client, "locked@acme.test", "Wrong-password-123").status, 401);
  EXPECT_EQ(f->login(client, "locked@acme.test").status, 401);
}

TEST_F(IdentityApi, AReplayedCodeIsRefusedOnAnotherProcess) {
  // A second server process on the same database.
  KassaProcess other(f->url(), {"--data-dir", f->dir(), "--auth-rate-per-minute", "1000000"});
  HttpClient a(f->port());
  HttpClient b(other.port());
  const auto step_a = f->login(a, "replay@acme.test");
  const std::string code = f->next_code(f->secret("replay@acme.test"));
  auto r = a.post_json("/api/v1/auth/totp", serialize(object{{"challenge", json_of(step_a).at("challenge")}, {"code", code}}));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto step_b = f->login(b, "replay@acme.test");
  r = b.post_json("/api/v1/auth/totp", serialize(object{{"challenge", json_of(step_b).at("challenge")}, {"code", code}}));
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(json_of(r).at("type"), "https://kassa.dev/problems/invalid-credentials");
}

TEST_F(IdentityApi, SessionsDieAfterFiveIdleMinutesAndAtLogout) {
  const Session s = f->sign_in("idle@acme.test");
  EXPECT_EQ(send(s, "GET", "/api/v1/me").status, 200);
  f->advance_clock(4 * 60 * 1000 + 50 * 1000);  // 4 min 50 s: still alive, and this request renews it
  EXPECT_EQ(send(s, "GET", "/api/v1/me").status, 200);
  f->advance_clock(5 * 60 * 1000 + 1000);
  const auto expired = send(s, "GET", "/api/v1/me");
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(json_of(expired).at("type"), "https://kassa.dev/problems/session-expired");
  EXPECT_EQ(json_of(expired).at("detail"), "idle");

  const Session t = f->sign_in("idle@acme.test");
  EXPECT_NE(t.cookie, s.cookie);  // a new token at every sign-in
  EXPECT_EQ(send(t, "POST", "/api/v1/auth/logout").status, 204);
  EXPECT_EQ(send(t, "GET", "/api/v1/me").status, 401);
}

TEST_F(IdentityApi, ARoleChangeEndsTheUsersSessions) {
  const Session promoted = f->sign_in("promoted@acme.test");
  ASSERT_EQ(send(promoted, "GET", "/api/v1/me").status, 200);
  const Session owner = f->sign_in("owner@acme.test");
  std::string user_id, version, finance;
  const auto users = json_of(send(owner, "GET", "/api/v1/users")).at("data").as_array();
  for (const auto& u : users) {
    if (u.at("email") == "promoted@acme.test") {
      user_id = std::string(u.at("id").as_string());
      version = "\"" + std::to_string(u.at("version").as_int64()) + "\"";
    }
  }
  const auto roles = json_of(send(owner, "GET", "/api/v1/roles")).at("data").as_array();
  for (const auto& role : roles) if (role.at("name") == "finance") finance = std::string(role.at("id").as_string());
  const std::string body = serialize(object{{"grants", boost::json::array{object{{"role_id", finance}, {"project_ids", nullptr}}}}});
  auto r = send(owner, "PUT", "/api/v1/users/" + user_id + "/grants", body, {{"If-Match", version}});
  ASSERT_EQ(r.status, 403);
  const std::string confirmation = f->step_up(owner, json_of(r).at("action"), "owner@acme.test");
  r = send(owner, "PUT", "/api/v1/users/" + user_id + "/grants", body, {{"If-Match", version}, {"X-Step-Up-Confirmation", confirmation}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r).at("grants").as_array()[0].at("role_name"), "finance");
  EXPECT_EQ(send(promoted, "GET", "/api/v1/me").status, 401);
  const Session again = f->sign_in("promoted@acme.test");
  const auto me = json_of(send(again, "GET", "/api/v1/me"));
  const auto projects = me.at("permissions").at("projects").as_object();
  ASSERT_FALSE(projects.empty());
  bool can_payout = false;
  for (const auto& p : projects.begin()->value().as_array()) can_payout |= p == "payouts.create";
  EXPECT_TRUE(can_payout);
}

TEST_F(IdentityApi, StateChangingRequestsNeedTheCsrfToken) {
  const Session s = f->sign_in("owner@acme.test");
  const std::string body = serialize(object{{"name", "Csrf Shop"}, {"default_currency", "EUR"}});
  auto r = send(s, "POST", "/api/v1/projects", body, {}, /*csrf=*/false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(json_of(r).at("type"), "https://kassa.dev/problems/csrf-token-invalid");
  r = send(s, "POST", "/api/v1/projects", body, {{"X-CSRF-Token", "forged"}}, false);
  EXPECT_EQ(r.status, 403);
  r = send(s, "POST", "/api/v1/projects", body);
  EXPECT_EQ(r.status, 201) << r.body;
}

TEST_F(IdentityApi, StepUpConfirmsExactlyOneActionOnce) {
  const Session s = f->sign_in("owner@acme.test");
  const auto projects = send(s, "GET", "/api/v1/projects");
  const std::string project(json_of(projects).at("data").as_array()[0].at("id").as_string());
  const std::string body = serialize(object{{"project_id", project}, {"name", "server"}, {"permissions", boost::json::array{"payments.read"}}});
  auto r = send(s, "POST", "/api/v1/api-keys", body);
  ASSERT_EQ(r.status, 403);
  EXPECT_EQ(json_of(r).at("type"), "https://kassa.dev/problems/step-up-required");
  const auto action = json_of(r).at("action");
  const std::string confirmation = f->step_up(s, action, "owner@acme.test");
  // The same confirmation for a changed action (another name): refused, nothing created.
  const std::string changed = serialize(object{{"project_id", project}, {"name", "other"}, {"permissions", boost::json::array{"payments.read"}}});
  r = send(s, "POST", "/api/v1/api-keys", changed, {{"X-Step-Up-Confirmation", confirmation}});
  EXPECT_EQ(r.status, 403);
  r = send(s, "POST", "/api/v1/api-keys", body, {{"X-Step-Up-Confirmation", confirmation}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string secret(json_of(r).at("secret").as_string());
  EXPECT_TRUE(secret.starts_with("sk_"));
  // Used once only.
  r = send(s, "POST", "/api/v1/api-keys", body, {{"X-Step-Up-Confirmation", confirmation}});
  EXPECT_EQ(r.status, 403);
  // The new key authenticates a merchant server.
  HttpClient client(f->port());
  r = client.request("GET", "/api/v1/projects", {{"Authorization", "Bearer " + secret}});
  EXPECT_EQ(r.status, 200);
  r = client.request("GET", "/api/v1/users", {{"Authorization", "Bearer " + secret}});
  EXPECT_EQ(r.status, 403);
  r = client.request("GET", "/api/v1/projects", {{"Authorization", "Bearer sk_wrong"}});
  EXPECT_EQ(r.status, 401);
}

TEST_F(IdentityApi, StaleVersionsAreRefusedWithTheCurrentState) {
  const Session s = f->sign_in("owner@acme.test");
  const auto projects = json_of(send(s, "GET", "/api/v1/projects")).at("data").as_array();
  const auto& project = projects[0].as_object();
  const std::string path = "/api/v1/projects/" + std::string(project.at("id").as_string());
  const std::string version = "\"" + std::to_string(project.at("version").as_int64()) + "\"";
  auto r = send(s, "PATCH", path, serialize(object{{"name", "Renamed once"}}), {{"If-Match", version}});
  ASSERT_EQ(r.status, 200) << r.body;
  r = send(s, "PATCH", path, serialize(object{{"name", "Renamed twice"}}), {{"If-Match", version}});
  EXPECT_EQ(r.status, 412);
  EXPECT_EQ(json_of(r).at("current").at("name"), "Renamed once");
  r = send(s, "PATCH", path, serialize(object{{"name", "No version"}}));
  EXPECT_EQ(r.status, 400);
}

TEST_F(IdentityApi, InvitedUsersSetAPasswordWithinTheRules) {
  const Session s = f->sign_in("owner@acme.test");
  const auto roles = json_of(send(s, "GET", "/api/v1/roles")).at("data").as_array();
  std::string viewer;
  for (const auto& role : roles) if (role.at("name") == "viewer") viewer = std::string(role.at("id").as_string());
  auto r = send(s, "POST", "/api/v1/users/invitations",
                serialize(object{{"email", "Invitee@Acme.test"}, {"name", "Ivy"}, {"grants", boost::json::array{object{{"role_id", viewer}, {"project_ids", nullptr}}}}}));
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string url(json_of(r).at("invitation_url").as_string());
  const std::string token = url.substr(url.rfind('/') + 1);
  HttpClient client(f->port());
  r = client.get("/api/v1/invitations/" + token);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json_of(r).at("email"), "invitee@acme.test");
  for (const std::string bad : {"short1", "onlyletterslongenough", "123456789012345", "1qaz2wsx3edc"}) {
    r = client.post_json("/api/v1/invitations/" + token + "/accept", serialize(object{{"password", bad}}));
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(json_of(r).at("errors").as_array()[0].at("field"), "/password");
  }
  r = client.post_json("/api/v1/invitations/" + token + "/accept", serialize(object{{"password", "Ünïcode-pässword-42"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r).at("next"), "totp_enroll");
  r = client.post_json("/api/v1/invitations/" + token + "/accept", serialize(object{{"password", "Another-password-42"}}));
  EXPECT_EQ(r.status, 404);  // used once
}

TEST_F(IdentityApi, AuditVerifyDetectsAnEditedRecord) {
  EXPECT_EQ(f->cli({"audit", "verify"}).exit_code, 0);
  // Edit one record directly in the database, as an attacker with database access would.
  {
    auto database = db::Database::open(f->url(), {.pool_size = 1});
    database->write([](db::Connection& c) {
      c.execute("UPDATE audit_events SET actor_label = 'someone-else' WHERE seq = 2 AND company_id <> 0");
    });
  }
  const auto result = f->cli({"audit", "verify"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("TAMPERED"), std::string::npos) << result.output;
  // Put it back for the other tests.
  auto database = db::Database::open(f->url(), {.pool_size = 1});
  database->write([](db::Connection& c) {
    c.execute("UPDATE audit_events SET actor_label = 'cli' WHERE seq = 2 AND company_id <> 0");
  });
  EXPECT_EQ(f->cli({"audit", "verify"}).exit_code, 0);
}

}  // namespace
}  // namespace kassa::test

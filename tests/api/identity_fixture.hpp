#pragma once
// A company with users on a real `kassa serve` (test clock on), and helpers to
// sign in as any of them: shared by the identity and authorization tests.
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <map>
#include <memory>
#include <string>

#include "http_client.hpp"
#include "identity/credentials.hpp"
#include "test_env.hpp"

namespace kassa::test {

inline constexpr std::string_view kPassword = "Correct-horse-7-battery";

struct Session {
  std::string cookie;  // "kassa_session=…; kassa_csrf=…"
  std::string csrf;
  std::vector<std::pair<std::string, std::string>> headers(bool with_csrf = true) const {
    std::vector<std::pair<std::string, std::string>> h{{"Cookie", cookie}};
    if (with_csrf) h.emplace_back("X-CSRF-Token", csrf);
    return h;
  }
};

inline std::string cookie_value(const HttpResponse& r, const std::string& name) {
  const std::string all = r.header("set-cookie");
  const size_t start = all.find(name + "=");
  if (start == std::string::npos) return "";
  const size_t value = start + name.size() + 1;
  return all.substr(value, all.find(';', value) - value);
}

inline boost::json::object json_of(const HttpResponse& r) {
  boost::system::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  return ec || !v.is_object() ? boost::json::object{} : v.as_object();
}

class IdentityFixture {
 public:
  explicit IdentityFixture(std::string database_url = "") : dir_(make_temp_dir("kassa-id")) {
    url_ = database_url.empty() ? fresh_database_url(dir_) : database_url;
  }

  // Runs the CLI against this fixture's database and key.
  CommandResult cli(std::vector<std::string> args, const std::string& input = "") const {
    args.insert(args.end(), {"--db", url_, "--data-dir", dir_, "--log-level", "warn"});
    return run_kassa(args, input);
  }

  // A user created by the CLI, enrolled unless asked otherwise; returns the TOTP secret (base32).
  std::string create_user(const std::string& company, const std::string& email, const std::string& role, bool enroll = true) {
    const auto created = cli({"user", "create", "--company", company, "--email", email, "--role", role, "--password-stdin"},
                             std::string(kPassword) + "\n");
    if (created.exit_code != 0) throw std::runtime_error("user create failed for " + email);
    if (!enroll) return "";
    const auto secret = cli({"totp", "enroll", "--email", email});
    std::string s = secret.output;
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    secrets_[email] = s;
    return s;
  }

  void start(std::vector<std::string> extra = {}) {
    extra.insert(extra.end(), {"--data-dir", dir_, "--auth-rate-per-minute", "1000000", "--unsafe-test-clock"});
    server_ = std::make_unique<KassaProcess>(url_, extra);
  }
  KassaProcess& server() { return *server_; }
  uint16_t port() const { return server_->port(); }
  const std::string& url() const { return url_; }
  const std::string& dir() const { return dir_; }
  std::string secret(const std::string& email) const { return secrets_.at(email); }
  void set_secret(const std::string& email, const std::string& secret) { secrets_[email] = secret; }

  // A request as a merchant server: `Authorization: Bearer <api_key>`, JSON body.
  HttpResponse with_key(const std::string& api_key, std::string_view method, const std::string& target,
                        const std::string& body = "", std::vector<std::pair<std::string, std::string>> extra = {}) {
    HttpClient client(port());
    extra.emplace_back("Authorization", "Bearer " + api_key);
    if (!body.empty()) extra.emplace_back("Content-Type", "application/json");
    return client.request(method, target, extra, body);
  }

  // Moves the server's clock and returns its new time.
  int64_t advance_clock(int64_t ms) {
    HttpClient client(port());
    const auto r = client.request("POST", "/__test/clock?advance_ms=" + std::to_string(ms));
    return json_of(r).at("now_ms").as_int64();
  }

  // A code for the server's next TOTP step (each sign-in spends a step, so move 30 s on first).
  std::string next_code(const std::string& base32_secret) {
    const int64_t now = advance_clock(30'000);
    return identity::totp_code(*identity::base32_decode(base32_secret), identity::totp_step_at(now));
  }

  HttpResponse login(HttpClient& client, const std::string& email, std::string_view password = kPassword) {
    return client.post_json("/api/v1/auth/login",
                            boost::json::serialize(boost::json::object{{"email", email}, {"password", password}}));
  }

  Session session_from(const HttpResponse& r) const {
    Session s;
    s.csrf = cookie_value(r, "kassa_csrf");
    s.cookie = "kassa_session=" + cookie_value(r, "kassa_session") + "; kassa_csrf=" + s.csrf;
    return s;
  }

  Session sign_in(const std::string& email, std::string_view password = kPassword) {
    HttpClient client(port());
    const auto step = login(client, email, password);
    if (step.status != 200) throw std::runtime_error("login failed for " + email + ": " + step.body);
    const std::string challenge(json_of(step).at("challenge").as_string());
    const auto done = client.post_json("/api/v1/auth/totp",
        boost::json::serialize(boost::json::object{{"challenge", challenge}, {"code", next_code(secret(email))}}));
    if (done.status != 200) throw std::runtime_error("code refused for " + email + ": " + done.body);
    return session_from(done);
  }

  // A step-up confirmation for this exact action.
  std::string step_up(const Session& s, const boost::json::value& action, const std::string& email) {
    HttpClient client(port());
    auto h = s.headers();
    h.emplace_back("Content-Type", "application/json");
    const auto r = client.request("POST", "/api/v1/step-up", h,
        boost::json::serialize(boost::json::object{{"action", action}, {"code", next_code(secret(email))}}));
    if (r.status != 200) throw std::runtime_error("step-up refused: " + r.body);
    return std::string(json_of(r).at("confirmation").as_string());
  }

 private:
  std::string dir_;
  std::string url_;
  std::map<std::string, std::string> secrets_;
  std::unique_ptr<KassaProcess> server_;
};

}  // namespace kassa::test

// Calls every cell of tests/api/authz_matrix.txt: every route × every kind of
// caller (each built-in role, a custom role, anonymous, an API key, a user of
// another project and one of another company) against a real server.
#include <gtest/gtest.h>

#include <boost/json/array.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "identity_fixture.hpp"

namespace kassa::test {
namespace {

using boost::json::object;
using boost::json::serialize;

const std::vector<std::string> kCallers = {"anonymous", "owner", "administrator", "finance", "operator", "fraud_analyst",
                                           "support", "developer", "viewer", "custom", "api_key", "other_project",
                                           "other_company"};

struct Row {
  std::string method, pattern, target, if_match, body;
  std::vector<std::string> expected;
  int line;
};

std::string trim(std::string s) {
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

std::vector<Row> read_matrix() {
  std::ifstream in(KASSA_AUTHZ_MATRIX);
  std::vector<Row> rows;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (trim(line).empty() || line.starts_with("#")) continue;
    std::vector<std::string> parts;
    std::istringstream fields(line);
    for (std::string part; std::getline(fields, part, '|');) parts.push_back(trim(part));
    if (parts.size() != 6) throw std::runtime_error("authz_matrix.txt line " + std::to_string(number) + ": 6 columns expected");
    Row row{parts[0], parts[1], parts[2], parts[3], parts[4], {}, number};
    std::istringstream cells(parts[5]);
    for (std::string cell; cells >> cell;) row.expected.push_back(cell);
    if (row.expected.size() != kCallers.size()) throw std::runtime_error("authz_matrix.txt line " + std::to_string(number) + ": 13 expectations expected");
    rows.push_back(row);
  }
  return rows;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

class AuthzMatrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    f = new IdentityFixture();
    for (const std::string role : {"owner", "administrator", "finance", "operator", "fraud_analyst", "support", "developer", "viewer"}) {
      f->create_user("Acme", role + "@acme.test", role);
    }
    f->create_user("Acme", "target@acme.test", "viewer", false);
    f->create_user("Acme", "custom@acme.test", "viewer");
    f->create_user("Acme", "project-b@acme.test", "viewer");
    f->create_user("Other Co", "owner@other.test", "owner");
    ASSERT_EQ(f->cli({"project", "create", "--company", "Acme", "--name", "Project A"}).exit_code, 0);
    ASSERT_EQ(f->cli({"project", "create", "--company", "Acme", "--name", "Project B"}).exit_code, 0);
    auto key = f->cli({"apikey", "create", "--company", "Acme", "--project", "Project A", "--name", "matrix"});
    api_key = new std::string(trim(key.output.substr(0, key.output.find('\n'))));
    f->start({"--session-idle-seconds", "86400", "--webhooks-allow-private"});

    sessions = new std::map<std::string, Session>();
    (*sessions)["owner"] = f->sign_in("owner@acme.test");
    const Session& owner = (*sessions)["owner"];
    ids = new std::map<std::string, std::string>();
    for (const auto& p : list(owner, "/api/v1/projects")) (*ids)[std::string(p.at("name").as_string())] = std::string(p.at("id").as_string());
    (*ids)["{project}"] = (*ids)["Project A"];
    for (const auto& r : list(owner, "/api/v1/roles")) if (r.at("name") == "viewer") (*ids)["{viewer_role}"] = std::string(r.at("id").as_string());
    for (const auto& u : list(owner, "/api/v1/users")) (*ids)["user:" + std::string(u.at("email").as_string())] = std::string(u.at("id").as_string());
    (*ids)["{user}"] = (*ids)["user:target@acme.test"];

    // The custom role, held by custom@; and project-b@ an administrator of project B only.
    auto r = call(owner, "POST", "/api/v1/roles", "", serialize(object{{"name", "Auditor"}, {"permissions", boost::json::array{"payments.read", "users.read", "audit.read"}}}));
    const std::string custom_role(json_of(r).at("id").as_string());
    (*ids)["{role}"] = custom_role;
    std::string administrator_role;
    for (const auto& role : list(owner, "/api/v1/roles")) if (role.at("name") == "administrator") administrator_role = std::string(role.at("id").as_string());
    set_grants(owner, "custom@acme.test", object{{"role_id", custom_role}, {"project_ids", nullptr}});
    set_grants(owner, "project-b@acme.test", object{{"role_id", administrator_role}, {"project_ids", boost::json::array{(*ids)["Project B"]}}});

    (*ids)["{endpoint}"] = create_endpoint(owner);
    (*ids)["{payment}"] = create_payment(owner, true, 10000);  // publishes an event: a delivery to the endpoint
    (*ids)["{delivery}"] = std::string(list(owner, "/api/v1/webhook-deliveries").at(0).at("id").as_string());
    for (const std::string role : {"administrator", "finance", "operator", "fraud_analyst", "support", "developer", "viewer"}) {
      (*sessions)[role] = f->sign_in(role + "@acme.test");
    }
    (*sessions)["custom"] = f->sign_in("custom@acme.test");
    (*sessions)["other_project"] = f->sign_in("project-b@acme.test");
    (*sessions)["other_company"] = f->sign_in("owner@other.test");
  }
  static void TearDownTestSuite() {
    delete f;
    delete sessions;
    delete ids;
    delete api_key;
  }

  static HttpResponse call(const Session& s, const std::string& method, const std::string& target, const std::string& if_match,
                           const std::string& body, const std::vector<std::pair<std::string, std::string>>& extra = {}) {
    HttpClient client(f->port());
    auto h = s.headers();
    if (!body.empty()) h.emplace_back("Content-Type", "application/json");
    if (!if_match.empty()) h.emplace_back("If-Match", "\"" + if_match + "\"");
    h.insert(h.end(), extra.begin(), extra.end());
    return client.request(method, target, h, body);
  }

  static boost::json::array list(const Session& s, const std::string& target) {
    const auto r = call(s, "GET", target, "", "");
    if (r.status != 200) throw std::runtime_error("GET " + target + ": " + r.body);
    return json_of(r).at("data").as_array();
  }

  static std::string create_payment(const Session& owner, bool capture, int64_t amount) {
    static int reference = 0;
    const auto r = call(owner, "POST", "/api/v1/payments", "",
                        serialize(object{{"project_id", (*ids)["{project}"]}, {"amount", amount}, {"currency", "EUR"},
                                         {"merchant_reference", "setup-" + std::to_string(++reference)}, {"capture", capture},
                                         {"card", object{{"number", "4242424242424242"}, {"exp_month", 12}, {"exp_year", 2035}, {"cvc", "123"}}}}));
    if (r.status != 201) throw std::runtime_error("payment not created: " + r.body);
    return std::string(json_of(r).at("id").as_string());
  }

  static std::string create_endpoint(const Session& owner) {
    const auto r = call(owner, "POST", "/api/v1/webhook-endpoints", "",
                        serialize(object{{"project_id", (*ids)["{project}"]}, {"url", "http://127.0.0.1:9/matrix"}}));
    if (r.status != 201) throw std::runtime_error("endpoint not created: " + r.body);
    return std::string(json_of(r).at("id").as_string());
  }

  static void set_grants(const Session& owner, const std::string& email, const object& grant) {
    const std::string user = (*ids)["user:" + email];
    std::string version;
    for (const auto& u : list(owner, "/api/v1/users")) if (u.at("id").as_string() == user) version = std::to_string(u.at("version").as_int64());
    const std::string body = serialize(object{{"grants", boost::json::array{grant}}});
    const std::string target = "/api/v1/users/" + user + "/grants";
    auto r = call(owner, "PUT", target, version, body);
    ASSERT_EQ(r.status, 403) << r.body;
    const std::string confirmation = f->step_up(owner, json_of(r).at("action"), "owner@acme.test");
    r = call(owner, "PUT", target, version, body, {{"X-Step-Up-Confirmation", confirmation}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  // Fills the placeholders of a row for one caller.
  static std::pair<std::string, std::string> resolve(const Row& row, const std::string& caller, std::string& if_match) {
    static int counter = 0;
    const Session& owner = (*sessions)["owner"];
    std::string target = row.target, body = row.body;
    if_match = row.if_match;
    const std::string n = std::to_string(++counter);
    for (auto* text : {&target, &body}) {
      replace_all(*text, "{n}", n);
      for (const auto& key : {"{project}", "{user}", "{role}", "{viewer_role}", "{payment}", "{endpoint}", "{delivery}"}) replace_all(*text, key, (*ids)[key]);
    }
    if (target.find("{fresh_role}") != std::string::npos) {
      const auto r = call(owner, "POST", "/api/v1/roles", "", serialize(object{{"name", "Spare " + n}, {"permissions", boost::json::array{}}}));
      replace_all(target, "{fresh_role}", std::string(json_of(r).at("id").as_string()));
    }
    if (target.find("{fresh_endpoint}") != std::string::npos) replace_all(target, "{fresh_endpoint}", create_endpoint(owner));
    if (target.find("{fresh_auth}") != std::string::npos) replace_all(target, "{fresh_auth}", create_payment(owner, false, 5000));
    if (target.find("{fresh_key}") != std::string::npos) {
      f->cli({"apikey", "create", "--company", "Acme", "--project", "Project A", "--name", "fresh " + n});
      const auto keys = list(owner, "/api/v1/api-keys?project_id=" + (*ids)["{project}"]);
      replace_all(target, "{fresh_key}", std::string(keys[0].at("id").as_string()));
    }
    const auto version_of = [&](const Session& s, const std::string& path, const std::string& id) {
      for (const auto& item : list(s, path)) if (item.at("id").as_string() == id) return std::to_string(item.at("version").as_int64());
      return std::string("1");
    };
    if (if_match == "{user_version}") if_match = version_of(owner, "/api/v1/users", (*ids)["{user}"]);
    if (if_match == "{role_version}") if_match = version_of(owner, "/api/v1/roles", (*ids)["{role}"]);
    if (if_match == "{endpoint_version}") if_match = version_of(owner, "/api/v1/webhook-endpoints", (*ids)["{endpoint}"]);
    if (if_match == "{project_version}") if_match = version_of(owner, "/api/v1/projects", (*ids)["{project}"]);
    if (if_match == "{company_version}") {
      const auto it = sessions->find(caller);
      const auto r = it == sessions->end() ? HttpResponse{} : call(it->second, "GET", "/api/v1/company", "", "");
      if_match = r.status == 200 ? std::to_string(json_of(r).at("version").as_int64()) : "1";
    }
    return {target, body};
  }

  static bool matches(const std::string& expected, const HttpResponse& r) {
    if (expected == "2xx") return r.status >= 200 && r.status < 300;
    if (expected == "step") return r.status == 403 && json_of(r).at("type") == "https://kassa.dev/problems/step-up-required";
    return std::to_string(r.status) == expected;
  }

  static inline IdentityFixture* f = nullptr;
  static inline std::map<std::string, Session>* sessions = nullptr;
  static inline std::map<std::string, std::string>* ids = nullptr;
  static inline std::string* api_key = nullptr;
};

TEST_F(AuthzMatrix, EveryRouteTimesEveryCallerGetsItsExpectedStatus) {
  int cells = 0;
  for (const Row& row : read_matrix()) {
    for (size_t c = 0; c < kCallers.size(); ++c) {
      const std::string& caller = kCallers[c];
      std::string if_match;
      const auto [target, body] = resolve(row, caller, if_match);
      HttpClient client(f->port());
      std::vector<std::pair<std::string, std::string>> headers;
      if (caller == "api_key") {
        headers.emplace_back("Authorization", "Bearer " + *api_key);
      } else if (caller != "anonymous") {
        headers = (*sessions)[caller].headers();
      }
      if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
      if (!if_match.empty()) headers.emplace_back("If-Match", "\"" + if_match + "\"");
      const auto response = client.request(row.method, target, headers, body);
      EXPECT_TRUE(matches(row.expected[c], response))
          << "authz_matrix.txt:" << row.line << " " << row.method << " " << row.pattern << " as " << caller << ": expected "
          << row.expected[c] << ", got " << response.status << " " << response.body.substr(0, 300);
      ++cells;
    }
  }
  EXPECT_GT(cells, 400);
}

TEST_F(AuthzMatrix, EveryRouteOfTheServerIsInTheMatrix) {
  std::set<std::string> in_matrix;
  for (const Row& row : read_matrix()) in_matrix.insert(row.method + " " + row.pattern);
  const auto routes = run_kassa({"routes", "--log-level", "off"});
  ASSERT_EQ(routes.exit_code, 0);
  std::istringstream lines(routes.output);
  int count = 0;
  for (std::string method, pattern, access; lines >> method >> pattern >> access;) {
    EXPECT_TRUE(in_matrix.contains(method + " " + pattern)) << method << " " << pattern << " is missing from authz_matrix.txt";
    ++count;
  }
  EXPECT_EQ(count, static_cast<int>(in_matrix.size())) << "the matrix lists routes the server does not have";
}

}  // namespace
}  // namespace kassa::test

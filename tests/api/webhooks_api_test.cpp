// Webhook delivery end to end: a real server, a receiver on loopback, signatures,
// retries on the test clock, 410 and SSRF refusals.
#include <gtest/gtest.h>

#include <openssl/hmac.h>

#include "identity_fixture.hpp"
#include "receiver.hpp"

namespace kassa::test {
namespace {

using boost::json::object;
using boost::json::serialize;

std::string base64(const unsigned char* data, size_t n) {
  static constexpr char kTable[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < n; i += 3) {
    const uint32_t v = (data[i] << 16) | ((i + 1 < n ? data[i + 1] : 0) << 8) | (i + 2 < n ? data[i + 2] : 0);
    out += kTable[(v >> 18) & 63];
    out += kTable[(v >> 12) & 63];
    out += i + 1 < n ? kTable[(v >> 6) & 63] : '=';
    out += i + 2 < n ? kTable[v & 63] : '=';
  }
  return out;
}

std::string unbase64(const std::string& text) {
  static const std::string kTable = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    buffer = (buffer << 6) | static_cast<uint32_t>(kTable.find(c));
    bits += 6;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

// An independent Standard Webhooks verifier.
bool signature_valid(const std::string& secret, const Received& r) {
  const std::string key = unbase64(secret.substr(6));
  const std::string message = r.headers.at("webhook-id") + "." + r.headers.at("webhook-timestamp") + "." + r.body;
  unsigned char mac[32];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), mac, &length);
  const std::string expected = "v1," + base64(mac, length);
  const std::string header = r.headers.at("webhook-signature");
  return (" " + header + " ").find(" " + expected + " ") != std::string::npos;
}

TEST(StandardWebhooks, TheSpecificationsExampleVerifies) {
  Received r;
  r.headers = {{"webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"}, {"webhook-timestamp", "1614265330"},
               {"webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="}};
  r.body = R"({"test": 2432232314})";
  EXPECT_TRUE(signature_valid("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", r));
  r.body = R"({"test": 2432232315})";
  EXPECT_FALSE(signature_valid("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", r));
}

class WebhooksApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    f = new IdentityFixture();
    f->create_user("Hooks Co", "owner@hooks.test", "owner");
    EXPECT_EQ(f->cli({"project", "create", "--company", "Hooks Co", "--name", "Web"}).exit_code, 0);
    const auto key = f->cli({"apikey", "create", "--company", "Hooks Co", "--project", "Web", "--name", "server"});
    secret = new std::string(key.output.substr(0, key.output.find('\n')));
    f->start({"--webhooks-allow-private"});
  }
  static void TearDownTestSuite() {
    delete f;
    delete secret;
  }

  static HttpResponse api(std::string_view method, const std::string& target, const std::string& body = "",
                          std::vector<std::pair<std::string, std::string>> extra = {}) {
    return f->with_key(*secret, method, target, body, std::move(extra));
  }

  static std::pair<std::string, std::string> endpoint(const std::string& url) {
    const auto projects = json_of(api("GET", "/api/v1/projects")).at("data").as_array();
    const auto r = api("POST", "/api/v1/webhook-endpoints", serialize(object{{"project_id", projects[0].at("id")}, {"url", url}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return {std::string(json_of(r).at("id").as_string()), std::string(json_of(r).at("secret").as_string())};
  }

  static std::string pay(int64_t amount) {
    static int n = 0;
    const auto r = api("POST", "/api/v1/payments",
                       serialize(object{{"amount", amount}, {"currency", "EUR"}, {"merchant_reference", "hook-" + std::to_string(++n)},
                                        {"card", object{{"number", "4242424242424242"}, {"exp_month", 1}, {"exp_year", 2031}}}}));
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(json_of(r).at("id").as_string());
  }

  static inline IdentityFixture* f = nullptr;
  static inline std::string* secret = nullptr;
};

TEST_F(WebhooksApi, PaymentChangesAreDeliveredSigned) {
  Receiver receiver;
  const auto [id, whsec] = endpoint(receiver.url());
  EXPECT_TRUE(whsec.starts_with("whsec_"));
  EXPECT_GE(unbase64(whsec.substr(6)).size(), 24u);
  const std::string payment = pay(1500);
  const auto got = receiver.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(signature_valid(whsec, got[0]));
  EXPECT_TRUE(got[0].headers.at("webhook-id").starts_with("msg_"));
  const auto event = boost::json::parse(got[0].body).as_object();
  EXPECT_EQ(event.at("type").as_string(), "payment.updated");
  EXPECT_EQ(event.at("data").at("payment").at("id").as_string(), payment);
  EXPECT_EQ(event.at("data").at("payment").at("status").as_string(), "success");
  // The delivery log shows it.
  for (int i = 0; i < 50; ++i) {
    const auto log = json_of(api("GET", "/api/v1/webhook-deliveries?endpoint_id=" + id)).at("data").as_array();
    if (!log.empty() && log[0].at("status").as_string() == "succeeded") {
      EXPECT_EQ(log[0].at("response_status").as_int64(), 200);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  FAIL() << "the delivery log never showed the delivery as succeeded";
}

TEST_F(WebhooksApi, FailedDeliveriesAreRetriedWithBackOffAndRetryAfter) {
  Receiver receiver;
  receiver.script({{500, ""}, {503, "Retry-After: 120"}});
  const auto [id, whsec] = endpoint(receiver.url());
  pay(1600);
  ASSERT_EQ(receiver.wait_for(1).size(), 1u);
  f->advance_clock(7'000);  // past the first back-off (5 s ± 20 %)
  ASSERT_EQ(receiver.wait_for(2).size(), 2u);
  f->advance_clock(60'000);  // the schedule says 5 min, Retry-After 2 min: not yet
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  EXPECT_EQ(receiver.wait_for(3, std::chrono::milliseconds(10)).size(), 2u);
  f->advance_clock(400'000);
  const auto got = receiver.wait_for(3);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].headers.at("webhook-id"), got[2].headers.at("webhook-id"));  // the same message, retried
  EXPECT_TRUE(signature_valid(whsec, got[2]));
}

TEST_F(WebhooksApi, GoneDisablesTheEndpoint) {
  Receiver receiver;
  receiver.script({{410, ""}});
  const auto [id, whsec] = endpoint(receiver.url());
  pay(1700);
  ASSERT_EQ(receiver.wait_for(1).size(), 1u);
  for (int i = 0; i < 50; ++i) {
    const auto endpoints = json_of(api("GET", "/api/v1/webhook-endpoints")).at("data").as_array();
    for (const auto& e : endpoints) {
      if (e.at("id").as_string() == id && e.at("status").as_string() == "disabled") return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  FAIL() << "the endpoint was not disabled after 410";
}

TEST_F(WebhooksApi, ADeliveryCanBeResent) {
  Receiver receiver;
  const auto [id, whsec] = endpoint(receiver.url());
  pay(1800);
  ASSERT_EQ(receiver.wait_for(1).size(), 1u);
  const auto log = json_of(api("GET", "/api/v1/webhook-deliveries?endpoint_id=" + id)).at("data").as_array();
  ASSERT_FALSE(log.empty());
  const auto r = api("POST", "/api/v1/webhook-deliveries/" + std::string(log[0].at("id").as_string()) + "/resend");
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(receiver.wait_for(2).size(), 2u);
}

TEST(WebhookSsrf, PrivateAndLoopbackAddressesAreRefused) {
  IdentityFixture f;
  f.create_user("Safe Co", "owner@safe.test", "owner");
  ASSERT_EQ(f.cli({"project", "create", "--company", "Safe Co", "--name", "Web"}).exit_code, 0);
  const auto key = f.cli({"apikey", "create", "--company", "Safe Co", "--project", "Web", "--name", "server"});
  const std::string secret = key.output.substr(0, key.output.find('\n'));
  f.start();  // without --webhooks-allow-private
  HttpClient client(f.port());
  const auto projects = json_of(client.request("GET", "/api/v1/projects", {{"Authorization", "Bearer " + secret}})).at("data").as_array();
  for (const std::string url : {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/hook",
                                "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://192.168.0.10/x",
                                "ftp://example.com/x", "http://user:pw@127.0.0.1/x"}) {
    const auto r = client.request("POST", "/api/v1/webhook-endpoints",
                                  {{"Authorization", "Bearer " + secret}, {"Content-Type", "application/json"}},
                                  serialize(object{{"project_id", projects[0].at("id")}, {"url", url}}));
    EXPECT_EQ(r.status, 400) << url << ": " << r.body;
  }
}

}  // namespace
}  // namespace kassa::test

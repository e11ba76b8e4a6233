// Payments over HTTP against a real server: test cards, transitions, refunds,
// idempotency, the refund race, the ledger, filters, and no card number stored.
#include <gtest/gtest.h>

#include <boost/json/array.hpp>

#include <atomic>
#include <fstream>
#include <future>
#include <sstream>

#include "common/id.hpp"
#include "common/ids.hpp"
#include "db/database.hpp"
#include "identity_fixture.hpp"
#include "payments/payment_store.hpp"

namespace kassa::test {
namespace {

using boost::json::object;
using boost::json::serialize;

class PaymentsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    f = new IdentityFixture();
    f->create_user("Shop Co", "owner@shop.test", "owner");
    f->create_user("Shop Co", "operator@shop.test", "operator");
    EXPECT_EQ(f->cli({"project", "create", "--company", "Shop Co", "--name", "Web", "--currency", "EUR"}).exit_code, 0);
    const auto key = f->cli({"apikey", "create", "--company", "Shop Co", "--project", "Web", "--name", "server"});
    secret = new std::string(key.output.substr(0, key.output.find('\n')));
    f->start();
  }
  static void TearDownTestSuite() {
    delete f;
    delete secret;
  }

  static HttpResponse api(std::string_view method, const std::string& target, const std::string& body = "",
                          std::vector<std::pair<std::string, std::string>> extra = {}) {
    return f->with_key(*secret, method, target, body, std::move(extra));
  }

  static std::string next_reference() {
    static std::atomic<int> n{0};
    return "order-" + std::to_string(++n);
  }

  static object payment_body(int64_t amount, const std::string& card = "4242424242424242", bool capture = true) {
    return object{{"amount", amount}, {"currency", "EUR"}, {"merchant_reference", next_reference()}, {"capture", capture},
                  {"method", "card"},
                  {"card", object{{"number", card}, {"exp_month", 12}, {"exp_year", 2034}, {"cvc", "123"}, {"holder", "A Person"}}},
                  {"customer", object{{"email", "Buyer@Example.test"}, {"ip", "203.0.113.9"}, {"country", "DE"}}},
                  {"description", "Order"}, {"metadata", object{{"cart", "42"}}}};
  }

  static object create(int64_t amount, const std::string& card = "4242424242424242", bool capture = true) {
    const auto r = api("POST", "/api/v1/payments", serialize(payment_body(amount, card, capture)));
    EXPECT_EQ(r.status, 201) << r.body;
    return json_of(r);
  }

  static inline IdentityFixture* f = nullptr;
  static inline std::string* secret = nullptr;
};

TEST_F(PaymentsApi, TestCardsDecideLikeAnAcquirer) {
  struct Case {
    std::string card;
    std::string status;
    std::string decline_code;
  };
  for (const auto& c : {Case{"4242424242424242", "success", ""}, Case{"5555555555554444", "success", ""},
                        Case{"378282246310005", "success", ""}, Case{"4000000000000002", "declined", "05"},
                        Case{"4000000000009995", "declined", "51"}, Case{"4000000000009979", "declined", "43"},
                        Case{"4000000000000069", "declined", "54"}}) {
    const auto p = create(1000, c.card);
    EXPECT_EQ(p.at("status").as_string(), c.status) << c.card;
    const auto& op = p.at("operations").as_array().at(0);
    if (!c.decline_code.empty()) {
      EXPECT_EQ(op.at("decline_code").as_string(), c.decline_code) << c.card;
    }
    EXPECT_EQ(p.at("card").at("last4").as_string(), c.card.substr(c.card.size() - 4));
    EXPECT_FALSE(serialize(p).find(c.card) != std::string::npos) << "the full number came back";
  }
  const auto amex = create(1000, "378282246310005");
  EXPECT_EQ(amex.at("card").at("brand"), "amex");
}

TEST_F(PaymentsApi, ThreeDSecureWaitsForTheChallenge) {
  auto p = create(3000, "4000000000003220");
  EXPECT_EQ(p.at("status").as_string(), "processing");
  EXPECT_EQ(p.at("next_action").at("type").as_string(), "three_ds_challenge");
  const std::string id(p.at("id").as_string());
  auto r = api("POST", "/api/v1/payments/" + id + "/three_ds", serialize(object{{"result", "pass"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r).at("status").as_string(), "success");
  EXPECT_TRUE(json_of(r).at("next_action").is_null());
  EXPECT_EQ(api("POST", "/api/v1/payments/" + id + "/three_ds", serialize(object{{"result", "pass"}})).status, 422);
  p = create(3000, "4000000000003220");
  r = api("POST", "/api/v1/payments/" + std::string(p.at("id").as_string()) + "/three_ds", serialize(object{{"result", "fail"}}));
  EXPECT_EQ(json_of(r).at("status").as_string(), "declined");
}

TEST_F(PaymentsApi, AuthorisationCaptureAndCancel) {
  auto p = create(5000, "4242424242424242", /*capture=*/false);
  EXPECT_EQ(p.at("status"), "awaiting_capture");
  const std::string id(p.at("id").as_string());
  auto r = api("POST", "/api/v1/payments/" + id + "/capture", serialize(object{{"amount", 6000}}));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json_of(r).at("type"), "https://kassa.dev/problems/capture-exceeds-authorized");
  r = api("POST", "/api/v1/payments/" + id + "/capture", serialize(object{{"amount", 4000}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r).at("status"), "success");
  EXPECT_EQ(json_of(r).at("captured_amount"), 4000);
  EXPECT_EQ(api("POST", "/api/v1/payments/" + id + "/capture").status, 422);
  EXPECT_EQ(api("POST", "/api/v1/payments/" + id + "/cancel").status, 422);

  const auto q = create(5000, "4242424242424242", false);
  const std::string qid(q.at("id").as_string());
  r = api("POST", "/api/v1/payments/" + qid + "/cancel");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r).at("status"), "cancelled");
  EXPECT_EQ(api("POST", "/api/v1/payments/" + qid + "/refunds", serialize(object{{"amount", 1}})).status, 422);
  EXPECT_EQ(api("POST", "/api/v1/payments/" + qid + "/capture").status, 422);
}

TEST_F(PaymentsApi, PartialAndFullRefundsNeverMoreThanCaptured) {
  const auto p = create(10000);
  const std::string id(p.at("id").as_string());
  auto r = api("POST", "/api/v1/payments/" + id + "/refunds", serialize(object{{"amount", 3000}}));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json_of(r).at("status"), "partially_refunded");
  EXPECT_EQ(json_of(r).at("refundable_amount"), 7000);
  r = api("POST", "/api/v1/payments/" + id + "/refunds", serialize(object{{"amount", 7001}}));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json_of(r).at("type"), "https://kassa.dev/problems/refund-exceeds-captured");
  r = api("POST", "/api/v1/payments/" + id + "/refunds");  // the rest
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json_of(r).at("status"), "refunded");
  EXPECT_EQ(json_of(r).at("refunded_amount"), 10000);
  EXPECT_EQ(api("POST", "/api/v1/payments/" + id + "/refunds", serialize(object{{"amount", 1}})).status, 422);
  EXPECT_EQ(api("POST", "/api/v1/payments/" + id + "/refunds", serialize(object{{"amount", -5}})).status, 400);
}

TEST_F(PaymentsApi, AStaleExpectedRefundedMovesNoMoney) {
  const auto p = create(10000);
  const std::string id(p.at("id").as_string());
  ASSERT_EQ(api("POST", "/api/v1/payments/" + id + "/refunds", serialize(object{{"amount", 1000}, {"expected_refunded", 0}})).status, 201);
  const auto r = api("POST", "/api/v1/payments/" + id + "/refunds", serialize(object{{"amount", 1000}, {"expected_refunded", 0}}));
  EXPECT_EQ(r.status, 412);
  EXPECT_EQ(json_of(r).at("current").at("refunded_amount"), 1000);
  EXPECT_EQ(json_of(api("GET", "/api/v1/payments/" + id)).at("refunded_amount"), 1000);
}

TEST_F(PaymentsApi, IdempotencyKeysRunARequestOnce) {
  const std::string body = serialize(payment_body(2500));
  const auto first = api("POST", "/api/v1/payments", body, {{"Idempotency-Key", "create-1"}});
  ASSERT_EQ(first.status, 201) << first.body;
  const auto again = api("POST", "/api/v1/payments", body, {{"Idempotency-Key", "create-1"}});
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  const auto other = api("POST", "/api/v1/payments", serialize(payment_body(2600)), {{"Idempotency-Key", "create-1"}});
  EXPECT_EQ(other.status, 422);
  EXPECT_EQ(json_of(other).at("type"), "https://kassa.dev/problems/idempotency-key-reused");
  EXPECT_EQ(api("POST", "/api/v1/payments", body, {{"Idempotency-Key", std::string(256, 'k')}}).status, 400);
  // Concurrent requests with one key: exactly one execution.
  const std::string concurrent = serialize(payment_body(2700));
  std::vector<std::future<HttpResponse>> results;
  for (int i = 0; i < 8; ++i) {
    results.push_back(std::async(std::launch::async, [&] { return api("POST", "/api/v1/payments", concurrent, {{"Idempotency-Key", "create-2"}}); }));
  }
  std::set<std::string> ids;
  for (auto& r : results) {
    const auto response = r.get();
    EXPECT_TRUE(response.status == 201 || response.status == 409) << response.status;
    if (response.status == 201) ids.insert(std::string(json_of(response).at("id").as_string()));
  }
  EXPECT_EQ(ids.size(), 1u);
}

TEST_F(PaymentsApi, FiftyConcurrentRefundsNeverOverRefund) {
  const auto p = create(10000);
  const std::string id(p.at("id").as_string());
  std::vector<std::future<int>> results;
  for (int i = 0; i < 50; ++i) {
    results.push_back(std::async(std::launch::async, [&] {
      return api("POST", "/api/v1/payments/" + id + "/refunds", serialize(object{{"amount", 300}})).status;
    }));
  }
  int succeeded = 0;
  for (auto& r : results) {
    const int status = r.get();
    EXPECT_TRUE(status == 201 || status == 422) << status;
    succeeded += status == 201;
  }
  EXPECT_EQ(succeeded, 33);  // 33 × 300 = 9,900 of 10,000
  const auto after = json_of(api("GET", "/api/v1/payments/" + id));
  EXPECT_EQ(after.at("refunded_amount"), 9900);
  int refunds = 0;
  const auto operations = after.at("operations").as_array();
  for (const auto& op : operations) refunds += op.at("type") == "refund" && op.at("status") == "success";
  EXPECT_EQ(refunds, 33);
}

TEST_F(PaymentsApi, TheLedgerBalancesAfterEverything) {
  create(1234);
  const auto r = api("GET", "/api/v1/balances");
  ASSERT_EQ(r.status, 200);
  int64_t sum = 0;
  bool has_available = false;
  const auto balances = json_of(r).at("data").as_array();
  for (const auto& b : balances) {
    sum += b.at("amount").as_int64();
    has_available |= b.at("account") == "available";
  }
  EXPECT_TRUE(has_available);
  EXPECT_EQ(sum, 0);  // double entry: every transaction sums to zero
  const auto verify = f->cli({"ledger", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

TEST_F(PaymentsApi, EveryMoneyActionIsAudited) {
  const auto payment = create(4322);
  const std::string id(payment.at("id").as_string());
  ASSERT_EQ(api("POST", "/api/v1/payments/" + id + "/refunds", "{\"amount\":321}").status, 201);
  const Session owner = f->sign_in("owner@shop.test");
  HttpClient client(f->port());
  const auto r = client.request("GET", "/api/v1/audit-events?target_id=" + id, owner.headers(false));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto events = json_of(r);
  std::set<std::string> actions;
  for (const auto& e : events.at("data").as_array()) {
    actions.insert(std::string(e.at("action").as_string()));
    EXPECT_EQ(e.at("actor").at("type").as_string(), "api_key") << serialize(e);
  }
  EXPECT_TRUE(actions.contains("payment.sale"));
  EXPECT_TRUE(actions.contains("payment.refund"));
}

// On PostgreSQL, payments write their audit events unchained (chaining waited on the company's
// head row) and a fold chains them; reading the log folds first. Either way: one unbroken chain.
TEST_F(PaymentsApi, ConcurrentPaymentsAreAuditedInOneUnbrokenChain) {
  std::vector<std::future<object>> made;
  for (int i = 0; i < 24; ++i) made.push_back(std::async(std::launch::async, [] { return create(1001); }));
  std::set<std::string> ids;
  for (auto& m : made) ids.insert(std::string(m.get().at("id").as_string()));
  const Session owner = f->sign_in("owner@shop.test");
  HttpClient client(f->port());
  const auto r = client.request("GET", "/api/v1/audit-events?action=payment.sale&limit=200", owner.headers(false));
  ASSERT_EQ(r.status, 200) << r.body;
  std::set<std::string> audited;
  std::vector<int64_t> seqs;
  const auto listed = json_of(r);
  for (const auto& e : listed.at("data").as_array()) {
    audited.insert(std::string(e.at("target").at("id").as_string()));
    seqs.push_back(e.at("seq").as_int64());
  }
  for (const auto& id : ids) EXPECT_TRUE(audited.contains(id)) << id << " is not in the audit log";
  EXPECT_EQ(std::set<int64_t>(seqs.begin(), seqs.end()).size(), seqs.size()) << "a sequence number was given twice";
  auto database = db::Database::open(f->url());
  EXPECT_EQ(database->read([](db::Connection& c) { return *c.query_int64("SELECT COUNT(*) FROM audit_pending"); }), 0)
      << "reading the log leaves nothing unchained";
  const auto verify = f->cli({"audit", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

TEST_F(PaymentsApi, AnOperationLeftProcessingByACrashIsFailedByReconciliation) {
  const auto payment = create(5000);
  const std::string id(payment.at("id").as_string());
  const uint64_t payment_id = PaymentId::parse(id)->value();
  // What a process stopped between a refund's two transactions leaves: the refund
  // recorded as processing, no processor answer, its amount reserved.
  auto database = db::Database::open(f->url());
  const int64_t long_ago = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch()).count() - 20 * 60'000;
  const uint64_t op_id = IdGenerator::compose(long_ago, 1000, 1);
  database->write([&](db::Connection& c) {
    const auto row = [&](std::string_view column) {
      return *c.query_int64("SELECT " + std::string(column) + " FROM payments WHERE id = $1", {static_cast<int64_t>(payment_id)});
    };
    // A number is taken after the transaction's first write (payment_store.hpp).
    c.execute("UPDATE payments SET version = version + 1 WHERE id = $1", {static_cast<int64_t>(payment_id)});
    const int64_t seq = payments::store::next_change_seq(c);
    c.execute("INSERT INTO operations (id, payment_id, company_id, project_id, type, status, amount, currency, fee, method,"
              " processor_reference, decline_code, decline_message, created_at_ms, updated_at_ms, change_seq, country, card_brand)"
              " VALUES ($1, $2, $3, $4, 'refund', 'processing', 3000, 'EUR', 0, 'card', '', '', '', $5, $5, $6, 'DE', 'visa')",
              {static_cast<int64_t>(op_id), static_cast<int64_t>(payment_id), row("company_id"), row("project_id"), long_ago, seq});
  });
  // The reserved 30.00 leaves 20.00 refundable: 25.00 is refused.
  EXPECT_EQ(api("POST", "/api/v1/payments/" + id + "/refunds", "{\"amount\":2500}").status, 422);
  const auto reconciled = f->cli({"payments", "reconcile"});
  EXPECT_EQ(reconciled.exit_code, 0);
  EXPECT_NE(reconciled.output.find("1 stuck operations failed"), std::string::npos) << reconciled.output;
  const auto after = json_of(api("GET", "/api/v1/payments/" + id));
  bool found = false;
  for (const auto& o : after.at("operations").as_array()) {
    if (o.at("id").as_string() != OperationId(op_id).to_string()) continue;
    found = true;
    EXPECT_EQ(o.at("status").as_string(), "error");
    EXPECT_EQ(o.at("decline_code").as_string(), "reconciled");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(after.at("refunded_amount").as_int64(), 0);
  // The reservation is released, and a second run finds nothing.
  EXPECT_EQ(api("POST", "/api/v1/payments/" + id + "/refunds", "{\"amount\":2500}").status, 201);
  EXPECT_NE(f->cli({"payments", "reconcile"}).output.find("0 stuck operations failed"), std::string::npos);
}

TEST_F(PaymentsApi, ListsFilterAndPageByKeyset) {
  for (int i = 0; i < 5; ++i) create(777);
  create(778, "4000000000000002");
  auto r = api("GET", "/api/v1/payments?amount_min=777&amount_max=777&limit=2");
  ASSERT_EQ(r.status, 200) << r.body;
  auto page = json_of(r);
  EXPECT_EQ(page.at("data").as_array().size(), 2u);
  EXPECT_EQ(page.at("has_more"), true);
  std::set<std::string> seen;
  std::string after;
  while (true) {
    r = api("GET", "/api/v1/payments?amount_min=777&amount_max=777&limit=2" + (after.empty() ? "" : "&starting_after=" + after));
    page = json_of(r);
    for (const auto& p : page.at("data").as_array()) {
      EXPECT_TRUE(seen.insert(std::string(p.at("id").as_string())).second);
      after = std::string(p.at("id").as_string());
    }
    if (!page.at("has_more").as_bool()) break;
  }
  EXPECT_EQ(seen.size(), 5u);
  r = api("GET", "/api/v1/payments?status=declined&amount_min=778&amount_max=778");
  EXPECT_EQ(json_of(r).at("data").as_array().size(), 1u);
  r = api("GET", "/api/v1/payments?last4=0002&email=buyer@example.test&country=DE");
  EXPECT_GE(json_of(r).at("data").as_array().size(), 1u);
  r = api("GET", "/api/v1/operations?type=sale&status=decline");
  EXPECT_GE(json_of(r).at("data").as_array().size(), 1u);
  // Time ranges: from inclusive, to exclusive (served as id ranges).
  r = api("GET", "/api/v1/payments?amount_min=777&amount_max=777&from=2020-01-01");
  EXPECT_EQ(json_of(r).at("data").as_array().size(), 5u);
  r = api("GET", "/api/v1/payments?amount_min=777&amount_max=777&to=2025-01-01");
  EXPECT_EQ(json_of(r).at("data").as_array().size(), 0u);
  r = api("GET", "/api/v1/payments?amount_min=777&amount_max=777&from=2100-01-01");
  EXPECT_EQ(json_of(r).at("data").as_array().size(), 0u);
  EXPECT_EQ(api("GET", "/api/v1/payments?status=bogus").status, 400);
  EXPECT_EQ(api("GET", "/api/v1/payments?status=decline").status, 400);  // an operation status
  EXPECT_EQ(api("GET", "/api/v1/payments?last4=12a4").status, 400);
  EXPECT_EQ(api("GET", "/api/v1/operations?email=buyer@example.test").status, 400);
  EXPECT_EQ(api("GET", "/api/v1/operations?status=refunded").status, 400);  // a payment status
  EXPECT_EQ(api("GET", "/api/v1/payments?from=yesterday").status, 400);
  EXPECT_EQ(api("GET", "/api/v1/payments?limit=1000").status, 400);
  // The analytics dimensions: an operation carries its payment's country and card brand.
  r = api("GET", "/api/v1/operations?amount_min=778&amount_max=778&country=DE&card_brand=visa&decline_code=05");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto declined = json_of(r);
  ASSERT_EQ(declined.at("data").as_array().size(), 1u);
  EXPECT_EQ(declined.at("data").as_array()[0].at("decline_code").as_string(), "05");
  r = api("GET", "/api/v1/operations?amount_min=778&amount_max=778&country=FR");
  EXPECT_EQ(json_of(r).at("data").as_array().size(), 0u);
  r = api("GET", "/api/v1/payments?amount_min=777&amount_max=777&card_brand=visa,mastercard");
  EXPECT_EQ(json_of(r).at("data").as_array().size(), 5u);
  r = api("GET", "/api/v1/payments?amount_min=777&amount_max=777&card_brand=none");
  EXPECT_EQ(json_of(r).at("data").as_array().size(), 0u);
  r = api("GET", "/api/v1/operations?amount_min=777&amount_max=777&decline_code=none");
  EXPECT_EQ(json_of(r).at("data").as_array().size(), 5u);
  EXPECT_EQ(api("GET", "/api/v1/payments?decline_code=05").status, 400);  // payments have no decline code
}

TEST_F(PaymentsApi, TheFilteredListExportsAsStreamedCsv) {
  for (int i = 0; i < 3; ++i) create(4321);
  const auto r = api("GET", "/api/v1/payments/export?amount_min=4321&amount_max=4321");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.chunked);
  EXPECT_EQ(r.header("content-type"), "text/csv; charset=utf-8");
  std::istringstream lines(r.body);
  std::string line;
  std::getline(lines, line);
  EXPECT_TRUE(line.starts_with("id,created_at,project_id,merchant_reference,status"));
  int rows = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line == "\r") continue;
    EXPECT_NE(line.find("\"4321\""), std::string::npos) << line;
    ++rows;
  }
  EXPECT_EQ(rows, 3);
}

TEST_F(PaymentsApi, BadPaymentsAreRefusedField_by_field) {
  auto r = api("POST", "/api/v1/payments", serialize(object{{"amount", -1}, {"currency", "EURO"}, {"merchant_reference", ""}}));
  EXPECT_EQ(r.status, 400);
  const auto errors = json_of(r).at("errors").as_array();
  EXPECT_GE(errors.size(), 3u);
  auto body = payment_body(100, "4242424242424241");  // fails Luhn
  r = api("POST", "/api/v1/payments", serialize(body));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json_of(r).at("errors").as_array()[0].at("field"), "/card/number");
  body = payment_body(100);
  body["merchant_reference"] = "dup-ref";
  EXPECT_EQ(api("POST", "/api/v1/payments", serialize(body)).status, 201);
  r = api("POST", "/api/v1/payments", serialize(body));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(json_of(r).at("type"), "https://kassa.dev/problems/duplicate-merchant-reference");
}

TEST_F(PaymentsApi, LargeDashboardRefundsNeedStepUpAndThePermission) {
  const auto p = create(100000);
  const std::string id(p.at("id").as_string());
  const Session op = f->sign_in("operator@shop.test");
  HttpClient client(f->port());
  auto h = op.headers();
  h.emplace_back("Content-Type", "application/json");
  auto r = client.request("POST", "/api/v1/payments/" + id + "/refunds", h, serialize(object{{"amount", 60000}}));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(json_of(r).at("type"), "https://kassa.dev/problems/refund-limit");
  r = client.request("POST", "/api/v1/payments/" + id + "/refunds", h, serialize(object{{"amount", 100}}));
  EXPECT_EQ(r.status, 201) << r.body;

  const Session owner = f->sign_in("owner@shop.test");
  auto oh = owner.headers();
  oh.emplace_back("Content-Type", "application/json");
  r = client.request("POST", "/api/v1/payments/" + id + "/refunds", oh, serialize(object{{"amount", 60000}}));
  ASSERT_EQ(r.status, 403);
  const auto action = json_of(r).at("action");
  EXPECT_EQ(action.at("amount"), 60000);
  EXPECT_EQ(action.at("currency"), "EUR");
  const std::string confirmation = f->step_up(owner, action, "owner@shop.test");
  // A changed amount voids the confirmation.
  auto with = oh;
  with.emplace_back("X-Step-Up-Confirmation", confirmation);
  // A 403 is not kept under an Idempotency-Key: the retry with the confirmation, under the same key, runs.
  auto keyed = oh;
  keyed.emplace_back("Idempotency-Key", "refund-with-step-up");
  EXPECT_EQ(client.request("POST", "/api/v1/payments/" + id + "/refunds", keyed, serialize(object{{"amount", 60000}})).status, 403);
  with.emplace_back("Idempotency-Key", "refund-with-step-up");
  r = client.request("POST", "/api/v1/payments/" + id + "/refunds", with, serialize(object{{"amount", 60001}}));
  EXPECT_EQ(r.status, 403);
  r = client.request("POST", "/api/v1/payments/" + id + "/refunds", with, serialize(object{{"amount", 60000}}));
  EXPECT_EQ(r.status, 201) << r.body;
}

TEST_F(PaymentsApi, NoFullCardNumberIsStoredOrLogged) {
  create(100, "4242424242424242");
  create(100, "5555555555554444");
  const std::string log = f->server().log();
  for (const std::string number : {"4242424242424242", "5555555555554444", "4000000000000002"}) {
    EXPECT_EQ(log.find(number), std::string::npos) << "in the server log";
  }
  if (f->url().starts_with("sqlite:")) {
    // Every byte of the database files, after a checkpoint.
    const std::string path = f->url().substr(7);
    for (const std::string& file : {path, path + "-wal"}) {
      std::ifstream in(file, std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      for (const std::string number : {"4242424242424242", "5555555555554444", "4000000000000002"}) {
        EXPECT_EQ(s.str().find(number), std::string::npos) << "in " << file;
      }
    }
  }
}

}  // namespace
}  // namespace kassa::test

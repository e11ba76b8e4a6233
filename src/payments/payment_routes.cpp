// HTTP for payments, operations and balances: parse, call one service method, render.
#include "payments/payment_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>

#include "common/ids.hpp"
#include "common/time_text.hpp"
#include "http/json_body.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"

namespace kassa::payments {
namespace {

using http::Method;
using http::Request;
using http::Response;

std::vector<std::string> list_param(const Request& r, std::string_view name) {
  std::vector<std::string> out;
  const auto text = r.query(name);
  if (!text) return out;
  size_t start = 0;
  while (start <= text->size()) {
    const size_t end = std::min(text->find(',', start), text->size());
    if (end > start) out.emplace_back(text->substr(start, end - start));
    start = end + 1;
  }
  return out;
}

enum class ListKind { payments, operations };

Result<Filter> parse_filter(const Request& r, ListKind kind) {
  Filter f;
  std::vector<FieldError> errors;
  const auto limit = http::limit_param(r, kPageSizeDefault, kPageSizeMax);
  if (!limit) return limit.error();
  f.limit = *limit;
  const auto project = http::query_id<ProjectId>(r, "project_id");
  if (!project) return project.error();
  if (*project) f.project_id = (*project)->value();
  f.statuses = list_param(r, "status");
  for (const auto& s : f.statuses) {
    const bool known = kind == ListKind::payments ? payment_status_from(s).has_value() : operation_status_from(s).has_value();
    if (!known) errors.push_back({"status", "unknown status " + s});
  }
  if (kind == ListKind::operations) {
    for (const std::string_view name : {"email", "last4", "merchant_reference"}) {
      if (r.query(name)) errors.push_back({std::string(name), "filters payments, not operations"});
    }
  }
  f.types = list_param(r, "type");
  if (kind == ListKind::payments && !f.types.empty()) errors.push_back({"type", "filters operations, not payments"});
  for (const auto& t : f.types) if (!operation_type_from(t)) errors.push_back({"type", "unknown operation type " + t});
  // The analytics dimensions: "none" names operations and payments without a card or a decline code.
  f.card_brands = list_param(r, "card_brand");
  f.decline_codes = list_param(r, "decline_code");
  for (auto* list : {&f.card_brands, &f.decline_codes}) {
    for (auto& v : *list) if (v == "none") v.clear();
  }
  if (kind == ListKind::payments && !f.decline_codes.empty()) errors.push_back({"decline_code", "filters operations, not payments"});
  f.methods = list_param(r, "method");
  f.currencies = list_param(r, "currency");
  f.countries = list_param(r, "country");
  for (const auto& [name, slot] : {std::pair{"amount_min", &f.amount_min}, std::pair{"amount_max", &f.amount_max}}) {
    if (const auto v = r.query(name); v && !v->empty()) {
      int64_t value = 0;
      const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), value);
      if (ec != std::errc() || end != v->data() + v->size()) errors.push_back({name, "an integer amount in minor units"});
      else *slot = value;
    }
  }
  for (const auto& [name, slot] : {std::pair{"from", &f.from_ms}, std::pair{"to", &f.to_ms}}) {
    if (const auto v = r.query(name); v && !v->empty()) {
      if (const auto ms = ms_from_iso(*v)) *slot = *ms;
      else errors.push_back({name, "an ISO 8601 date or time"});
    }
  }
  if (const auto v = r.query("email"); v && !v->empty()) {
    std::string email(*v);
    for (auto& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    f.email = email;
  }
  if (const auto v = r.query("last4"); v && !v->empty()) {
    if (v->size() != 4 || !std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; })) {
      errors.push_back({"last4", "four digits"});
    }
    f.last4 = std::string(*v);
  }
  if (const auto v = r.query("merchant_reference"); v && !v->empty()) f.merchant_reference = std::string(*v);
  if (const auto v = r.query("starting_after"); v && !v->empty()) {
    if (const auto p = PaymentId::parse(*v)) f.starting_after = p->value();
    else if (const auto o = OperationId::parse(*v)) f.starting_after = o->value();
    else errors.push_back({"starting_after", "the id of the last item of the previous page"});
  }
  if (!errors.empty()) return Error::invalid("bad-query", "some filters are malformed", errors);
  return f;
}

Result<CreatePayment> parse_create(const Request& r, const Principal& principal) {
  http::JsonBody body(r);
  CreatePayment in;
  const auto project_text = body.string("project_id", principal.kind == Principal::Kind::user, 40);
  if (project_text) {
    if (const auto id = ProjectId::parse(*project_text)) in.project_id = id->value();
    else body.fail("/project_id", "unknown project");
  } else if (principal.kind == Principal::Kind::api_key) {
    // An API key belongs to one project: it implies it.
    for (const auto& [name, set] : principal.permissions) {
      if (!set.project_ids.empty()) in.project_id = *set.project_ids.begin();
    }
  }
  in.amount = body.integer("amount").value_or(0);
  in.currency = body.string("currency", true, 16).value_or("");  // the service explains a bad code
  in.merchant_reference = body.string("merchant_reference", true, 255).value_or("");
  in.capture = body.boolean("capture", false).value_or(true);
  in.method = body.string("method", false, 20).value_or("card");
  in.description = body.string("description", false, 1000).value_or("");
  in.wallet_token = body.string("wallet_token", false, 2000).value_or("");
  in.iban = body.string("iban", false, 34).value_or("");
  if (const auto* card = body.member("card"); card && !card->is_null()) {
    if (!card->is_object()) {
      body.fail("/card", "must be an object");
    } else {
      const auto& o = card->as_object();
      const auto text = [&](std::string_view k) {
        const auto* v = o.if_contains(k);
        return v && v->is_string() ? std::string(v->as_string()) : std::string();
      };
      const auto number = [&](std::string_view k) {
        const auto* v = o.if_contains(k);
        return v && v->is_int64() ? static_cast<int>(v->as_int64()) : 0;
      };
      in.card = CardInput{text("number"), number("exp_month"), number("exp_year"), text("cvc"), text("holder")};
    }
  }
  if (const auto* customer = body.member("customer"); customer && customer->is_object()) {
    const auto& o = customer->as_object();
    const auto text = [&](std::string_view k, size_t max) {
      const auto* v = o.if_contains(k);
      return v && v->is_string() ? std::string(v->as_string()).substr(0, max) : std::string();
    };
    in.customer_email = text("email", 254);
    for (auto& c : in.customer_email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    in.customer_id = text("id", 255);
    in.customer_ip = text("ip", 45);
    in.customer_country = text("country", 2);
  }
  if (const auto* metadata = body.member("metadata"); metadata && !metadata->is_null()) {
    if (!metadata->is_object()) body.fail("/metadata", "must be an object");
    else in.metadata_json = boost::json::serialize(*metadata);
  }
  if (auto s = body.finish(); !s) return s.error();
  return in;
}

std::string csv_field(std::string_view text) {
  // Quote always; double inner quotes; neutralise formula injection in spreadsheets.
  std::string out = "\"";
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) out += '\'';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_row(const Payment& p) {
  const std::vector<std::string> fields = {
      PaymentId(p.id).to_string(), iso_utc_from_ms(p.created_at_ms), ProjectId(p.project_id).to_string(), p.merchant_reference,
      std::string(to_string(p.status)), p.method, std::to_string(p.amount), p.currency, std::to_string(p.totals.captured),
      std::to_string(p.totals.refunded), std::to_string(p.totals.charged_back), p.customer_email, p.customer_country,
      p.card.brand, p.card.last4, p.description};
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += csv_field(fields[i]);
  }
  return line + "\r\n";
}

constexpr int kExportPageSize = 1000;
constexpr int64_t kExportRowsMax = 5'000'000;

Response page(const boost::json::array& data, bool more) {
  return http::json_response(200, boost::json::object{{"data", data}, {"has_more", more}});
}

}  // namespace

void add_payment_routes(identity::Guard& guard, PaymentService& payments, ledger::LedgerService& ledger, db::Database& database) {
  const http::RouteOptions json{.json_body = true};
  const auto view = [](const Result<PaymentView>& r, int status = 200) {
    return r ? http::json_response(status, to_json(r->payment, r->operations)) : http::problem(r.error());
  };

  guard.add(Method::post, "/api/v1/payments", "payments.write", [&payments, view](Request& r, const Principal& p) {
    auto input = parse_create(r, p);
    if (!input) return http::problem(input.error());
    return view(payments.create(p, *input), 201);
  }, json);

  guard.add(Method::get, "/api/v1/payments", "payments.read", [&payments](Request& r, const Principal& p) {
    const auto filter = parse_filter(r, ListKind::payments);
    if (!filter) return http::problem(filter.error());
    const auto [rows, more] = payments.list(p, *filter);
    boost::json::array data;
    for (const auto& payment : rows) data.push_back(to_json(payment, {}));
    return page(data, more);
  });

  // The filtered list as CSV, streamed page by page (amounts in minor units).
  guard.add(Method::get, "/api/v1/payments/export", "payments.read", [&payments](Request& r, const Principal& p) {
    auto filter = parse_filter(r, ListKind::payments);
    if (!filter) return http::problem(filter.error());
    Response response;
    response.set_header("content-type", "text/csv; charset=utf-8");
    response.set_header("content-disposition", "attachment; filename=\"payments.csv\"");
    response.stream = [&payments, p, f = *filter](http::ChunkWriter& out) mutable {
      if (!out.write("id,created_at,project_id,merchant_reference,status,method,amount,currency,captured_amount,"
                     "refunded_amount,charged_back_amount,customer_email,customer_country,card_brand,card_last4,description\r\n")) {
        return;
      }
      f.limit = kExportPageSize;
      int64_t rows = 0;
      while (rows < kExportRowsMax) {
        const auto [batch, more] = payments.list(p, f);
        std::string chunk;
        for (const auto& payment : batch) chunk += csv_row(payment);
        if (!chunk.empty() && !out.write(chunk)) return;  // the client went away
        rows += static_cast<int64_t>(batch.size());
        if (!more || batch.empty()) return;
        f.starting_after = batch.back().id;
      }
    };
    return response;
  });

  guard.add(Method::get, "/api/v1/payments/{id}/ledger-entries", "balances.read", [&payments, &ledger, &database](Request& r, const Principal& p) {
    const auto id = http::path_id<PaymentId>(r, "id");
    if (!id) return http::problem(id.error());
    const auto view = payments.get(p, id->value());
    if (!view || !p.can("balances.read", view->payment.project_id)) return http::problem(404, "not-found", "no such payment");
    std::vector<uint64_t> operations;
    for (const auto& op : view->operations) operations.push_back(op.id);
    boost::json::array data;
    for (const auto& e : ledger.entries_of_operations(database, p.company_id, operations)) {
      data.push_back(boost::json::object{{"transaction_id", std::to_string(e.transaction_id)}, {"account", ledger::to_string(e.account)},
                                         {"currency", e.currency}, {"amount", e.amount}, {"created_at", iso_utc_from_ms(e.created_at_ms)}});
    }
    return http::json_response(200, boost::json::object{{"data", std::move(data)}});
  });

  guard.add(Method::get, "/api/v1/payments/{id}", "payments.read", [&payments, view](Request& r, const Principal& p) {
    const auto id = http::path_id<PaymentId>(r, "id");
    if (!id) return http::problem(id.error());
    return view(payments.get(p, id->value()));
  });

  guard.add(Method::post, "/api/v1/payments/{id}/capture", "payments.write", [&payments, view](Request& r, const Principal& p) {
    const auto id = http::path_id<PaymentId>(r, "id");
    if (!id) return http::problem(id.error());
    std::optional<int64_t> amount;
    if (!r.body.empty()) {
      http::JsonBody body(r);
      amount = body.integer("amount", false);
      if (auto s = body.finish(); !s) return http::problem(s.error());
    }
    return view(payments.capture(p, id->value(), amount));
  }, json);

  guard.add(Method::post, "/api/v1/payments/{id}/cancel", "payments.write", [&payments, view](Request& r, const Principal& p) {
    const auto id = http::path_id<PaymentId>(r, "id");
    if (!id) return http::problem(id.error());
    return view(payments.cancel(p, id->value()));
  });

  guard.add(Method::post, "/api/v1/payments/{id}/refunds", "refunds.create", [&payments, view](Request& r, const Principal& p) {
    const auto id = http::path_id<PaymentId>(r, "id");
    if (!id) return http::problem(id.error());
    std::optional<int64_t> amount, expected;
    if (!r.body.empty()) {
      http::JsonBody body(r);
      amount = body.integer("amount", false);
      expected = body.integer("expected_refunded", false);
      if (auto s = body.finish(); !s) return http::problem(s.error());
    }
    return view(payments.refund(p, id->value(), amount, expected, std::string(r.header("x-step-up-confirmation"))), 201);
  }, json);

  guard.add(Method::post, "/api/v1/payments/{id}/three_ds", "payments.write", [&payments, view](Request& r, const Principal& p) {
    const auto id = http::path_id<PaymentId>(r, "id");
    if (!id) return http::problem(id.error());
    http::JsonBody body(r);
    const auto result = body.string("result", true, 10);
    if (result && *result != "pass" && *result != "fail") body.fail("/result", "pass or fail");
    if (auto s = body.finish(); !s) return http::problem(s.error());
    return view(payments.complete_three_ds(p, id->value(), *result == "pass"));
  }, json);

  guard.add(Method::get, "/api/v1/operations", "payments.read", [&payments](Request& r, const Principal& p) {
    const auto filter = parse_filter(r, ListKind::operations);
    if (!filter) return http::problem(filter.error());
    const auto [rows, more] = payments.operations(p, *filter);
    boost::json::array data;
    for (const auto& op : rows) data.push_back(to_json(op));
    return page(data, more);
  });

  guard.add(Method::get, "/api/v1/balances", "balances.read", [&ledger, &database](Request& r, const Principal& p) {
    const auto project = http::query_id<ProjectId>(r, "project_id");
    if (!project) return http::problem(project.error());
    boost::json::array data;
    for (const auto& b : ledger.balances(database, p)) {
      if (*project && b.project_id != (*project)->value()) continue;
      data.push_back(boost::json::object{{"project_id", ProjectId(b.project_id).to_string()}, {"currency", b.currency},
                                         {"account", ledger::to_string(b.account)}, {"amount", b.amount}});
    }
    return http::json_response(200, boost::json::object{{"data", std::move(data)}});
  });
}

}  // namespace kassa::payments

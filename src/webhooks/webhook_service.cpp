#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <openssl/hmac.h>
#include <sodium.h>

#include <chrono>
#include <random>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>

#include "common/crypto.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"
#include "common/time_text.hpp"
#include "http/client.hpp"
#include "webhooks/webhook_store.hpp"
#include "webhooks/webhooks.hpp"

namespace kassa::webhooks {
namespace {

struct EndpointTag { static constexpr std::string_view prefix = "we"; };
struct MessageTag { static constexpr std::string_view prefix = "msg"; };
using EndpointId = Id<EndpointTag>;
using MessageId = Id<MessageTag>;

// Standard Webhooks' suggested schedule, stretched to 3 days: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 14 h, 14 h, 10 h, 6 h.
constexpr int64_t kScheduleSeconds[] = {5, 300, 1800, 7200, 18000, 36000, 36000, 50400, 50400, 36000, 21600};
constexpr int64_t kRetryAfterMaxMs = 24 * 3600'000;

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

std::string unbase64(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr, &length,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return {};
  }
  out.resize(length);
  return out;
}

std::string new_secret() { return "whsec_" + base64(crypto::random_bytes(32)); }

Error not_found() { return Error::make(ErrorCode::not_found, "not-found", "no such webhook endpoint"); }

int64_t jittered(int64_t ms) {
  thread_local std::mt19937_64 rng{crypto::random_u64()};
  return static_cast<int64_t>(static_cast<double>(ms) * std::uniform_real_distribution<double>(0.8, 1.2)(rng));
}

}  // namespace

std::optional<int64_t> retry_delay_ms(int64_t attempts) {
  const auto count = static_cast<int64_t>(std::size(kScheduleSeconds));
  if (attempts < 1 || attempts > count) return std::nullopt;
  return kScheduleSeconds[attempts - 1] * 1000;
}

std::string sign(const std::string& secret, const std::string& message_id, int64_t timestamp_s, const std::string& body) {
  const std::string key = unbase64(std::string_view(secret).substr(secret.starts_with("whsec_") ? 6 : 0));
  const std::string message = message_id + "." + std::to_string(timestamp_s) + "." + body;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), mac, &length);
  return "v1," + base64(std::string_view(reinterpret_cast<const char*>(mac), length));
}

boost::json::value to_json(const Endpoint& e) {
  return boost::json::object{{"id", EndpointId(e.id).to_string()},   {"project_id", ProjectId(e.project_id).to_string()},
                             {"url", e.url},                          {"description", e.description},
                             {"status", e.status},                    {"disabled_reason", e.disabled_reason.empty() ? boost::json::value(nullptr) : boost::json::value(e.disabled_reason)},
                             {"version", e.version},                  {"created_at", iso_utc_from_ms(e.created_at_ms)}};
}

boost::json::value to_json(const Delivery& d) {
  return boost::json::object{{"id", MessageId(d.id).to_string()},
                             {"endpoint_id", EndpointId(d.endpoint_id).to_string()},
                             {"event_type", d.event_type},
                             {"subject_id", d.subject_id},
                             {"status", d.status},
                             {"attempts", d.attempts},
                             {"response_status", d.response_status == 0 ? boost::json::value(nullptr) : boost::json::value(d.response_status)},
                             {"response_body", d.response_body},
                             {"error", d.last_error.empty() ? boost::json::value(nullptr) : boost::json::value(d.last_error)},
                             {"duration_ms", d.duration_ms},
                             {"next_attempt_at", d.status == "failed" || d.status == "pending" ? boost::json::value(iso_utc_from_ms(d.next_attempt_at_ms)) : boost::json::value(nullptr)},
                             {"created_at", iso_utc_from_ms(d.created_at_ms)},
                             {"updated_at", iso_utc_from_ms(d.updated_at_ms)}};
}

WebhookService::WebhookService(db::Database& database, IdGenerator& ids, const Clock& clock, const SecretBox& secrets,
                               jobs::JobQueue& jobs, audit::AuditService& audit, org::OrgService& org, Options options)
    : database_(database), ids_(ids), clock_(clock), secrets_(secrets), jobs_(jobs), audit_(audit), org_(org), options_(options) {
  jobs_.on(std::string(kJobKind), [this](const jobs::Job& job) { return deliver(job); });
}

Status WebhookService::check_url(const std::string& url) const {
  const auto bad = [](std::string detail) { return Error::invalid("invalid-webhook-url", detail, {{"/url", detail}}); };
  if (url.size() > kUrlLengthMax) return bad("at most 2000 characters");
  const auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed || (parsed->scheme() != "https" && parsed->scheme() != "http") || parsed->host().empty()) {
    return bad("an absolute http or https URL");
  }
  if (!parsed->userinfo().empty()) return bad("a URL without user name or password");
  if (options_.allow_private_addresses) return Ok{};
  // Every address the host resolves to must be public (no SSRF into the operator's network).
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* results = nullptr;
  const std::string host(parsed->host_address());
  if (getaddrinfo(host.c_str(), nullptr, &hints, &results) != 0 || !results) return bad("the host does not resolve");
  Status status = Ok{};
  for (addrinfo* a = results; a; a = a->ai_next) {
    char text[INET6_ADDRSTRLEN] = {};
    const void* address = a->ai_family == AF_INET ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr)
                                                   : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr);
    inet_ntop(a->ai_family, address, text, sizeof text);
    if (!http::is_public_address(text)) {
      status = bad("the host resolves to a private, loopback or link-local address");
      break;
    }
  }
  freeaddrinfo(results);
  return status;
}

Result<std::pair<Endpoint, std::string>> WebhookService::create_endpoint(const Principal& principal, uint64_t project_id,
                                                                         const std::string& url, const std::string& description) {
  if (!org_.project(principal.company_id, project_id)) return Error::invalid("unknown-project", "unknown project", {{"/project_id", "unknown project"}});
  if (!principal.can("webhooks.manage", project_id)) return Error::make(ErrorCode::forbidden, "forbidden", "you may not manage this project's webhooks");
  if (auto s = check_url(url); !s) return s.error();
  const std::string secret = new_secret();
  Endpoint e{ids_.next(), principal.company_id, project_id, url, description.substr(0, 500), secrets_.seal(secret), "", 0,
             "enabled", "", 1, clock_.now_ms()};
  database_.write([&](db::Connection& c) {
    store::insert_endpoint(c, e);
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "webhook_endpoint.created", "webhook_endpoint",
                      EndpointId(e.id).to_string(), nullptr, to_json(e)});
  });
  return std::make_pair(e, secret);
}

std::vector<Endpoint> WebhookService::endpoints(const Principal& principal, std::optional<uint64_t> project_id) const {
  auto all = database_.read([&](db::Connection& c) { return store::endpoints_of(c, principal.company_id); });
  std::erase_if(all, [&](const Endpoint& e) {
    return !principal.can("webhooks.read", e.project_id) || (project_id && e.project_id != *project_id);
  });
  return all;
}

Result<Endpoint> WebhookService::update_endpoint(const Principal& principal, uint64_t endpoint_id, const std::optional<std::string>& url,
                                                 const std::optional<std::string>& description,
                                                 const std::optional<std::string>& status, int64_t expected_version) {
  if (url) if (auto s = check_url(*url); !s) return s.error();
  if (status && *status != "enabled" && *status != "disabled") {
    return Error::invalid("invalid-body", "status must be enabled or disabled", {{"/status", "enabled or disabled"}});
  }
  return database_.write([&](db::Connection& c) -> Result<Endpoint> {
    auto current = store::endpoint_by_id(c, principal.company_id, endpoint_id);
    if (!current || !principal.can("webhooks.read", current->project_id)) return not_found();
    if (!principal.can("webhooks.manage", current->project_id)) return Error::make(ErrorCode::forbidden, "forbidden", "you may not manage this project's webhooks");
    if (current->version != expected_version) {
      return Error::stale_version(to_json(*current));
    }
    Endpoint next = *current;
    if (url) next.url = *url;
    if (description) next.description = description->substr(0, 500);
    if (status) {
      next.status = *status;
      if (*status == "enabled") next.disabled_reason.clear();
    }
    store::update_endpoint(c, next, expected_version);
    next.version = expected_version + 1;
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "webhook_endpoint.updated", "webhook_endpoint",
                      EndpointId(endpoint_id).to_string(), to_json(*current), to_json(next)});
    return next;
  });
}

Status WebhookService::delete_endpoint(const Principal& principal, uint64_t endpoint_id) {
  return database_.write([&](db::Connection& c) -> Status {
    const auto current = store::endpoint_by_id(c, principal.company_id, endpoint_id);
    if (!current || !principal.can("webhooks.read", current->project_id)) return not_found();
    if (!principal.can("webhooks.manage", current->project_id)) return Error::make(ErrorCode::forbidden, "forbidden", "you may not manage this project's webhooks");
    store::delete_endpoint(c, endpoint_id);
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "webhook_endpoint.deleted", "webhook_endpoint",
                      EndpointId(endpoint_id).to_string(), to_json(*current), nullptr});
    return Ok{};
  });
}

Result<std::pair<Endpoint, std::string>> WebhookService::rotate_secret(const Principal& principal, uint64_t endpoint_id) {
  const std::string secret = new_secret();
  return database_.write([&](db::Connection& c) -> Result<std::pair<Endpoint, std::string>> {
    auto current = store::endpoint_by_id(c, principal.company_id, endpoint_id);
    if (!current || !principal.can("webhooks.read", current->project_id)) return not_found();
    if (!principal.can("webhooks.manage", current->project_id)) return Error::make(ErrorCode::forbidden, "forbidden", "you may not manage this project's webhooks");
    Endpoint next = *current;
    next.previous_secret_enc = current->secret_enc;  // both sign during the overlap
    next.previous_expires_at_ms = clock_.now_ms() + kRotationOverlapMs;
    next.secret_enc = secrets_.seal(secret);
    store::update_endpoint(c, next, current->version);
    next.version = current->version + 1;
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "webhook_endpoint.secret_rotated", "webhook_endpoint",
                      EndpointId(endpoint_id).to_string(), nullptr, nullptr});
    return std::make_pair(next, secret);
  });
}

std::pair<std::vector<Delivery>, bool> WebhookService::deliveries(const Principal& principal, std::optional<uint64_t> endpoint_id,
                                                                  std::optional<uint64_t> project_id, const std::string& subject_id,
                                                                  int limit, std::optional<uint64_t> starting_after) const {
  // The projects whose deliveries the caller may see, applied in the query so pages stay full.
  std::optional<std::set<uint64_t>> projects;
  const auto visible = [&](uint64_t project) { return principal.can("webhooks.read", project) || principal.can("payments.read", project); };
  const auto all_of = [&](std::string_view permission) {
    const auto it = principal.permissions.find(permission);
    return it != principal.permissions.end() && it->second.all;
  };
  if (project_id) {
    projects = visible(*project_id) ? std::set<uint64_t>{*project_id} : std::set<uint64_t>{};
  } else if (!all_of("webhooks.read") && !all_of("payments.read")) {
    projects.emplace();
    for (const auto& p : org_.projects(principal.company_id)) if (visible(p.id)) projects->insert(p.id);
  }
  auto rows = database_.read([&](db::Connection& c) {
    return store::deliveries_of(c, principal.company_id, endpoint_id, projects, subject_id, limit, starting_after);
  });
  const bool more = static_cast<int>(rows.size()) > limit;
  if (more) rows.pop_back();
  return {std::move(rows), more};
}

Result<Delivery> WebhookService::resend(const Principal& principal, uint64_t delivery_id) {
  return database_.write([&](db::Connection& c) -> Result<Delivery> {
    const auto original = store::delivery_by_id(c, delivery_id);
    if (!original || original->company_id != principal.company_id || !principal.can("callbacks.resend", original->project_id)) {
      return Error::make(ErrorCode::not_found, "not-found", "no such delivery");
    }
    const int64_t now = clock_.now_ms();
    Delivery copy = *original;
    copy.id = ids_.next();
    copy.status = "pending";
    copy.attempts = 0;
    copy.response_status = 0;
    copy.response_body.clear();
    copy.last_error.clear();
    copy.duration_ms = 0;
    copy.next_attempt_at_ms = now;
    copy.created_at_ms = copy.updated_at_ms = now;
    store::insert_delivery(c, copy);
    jobs_.enqueue(c, std::string(kJobKind), std::to_string(copy.id), now);
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "webhook_delivery.resent", "webhook_delivery",
                      MessageId(delivery_id).to_string(), nullptr, boost::json::object{{"new_delivery", MessageId(copy.id).to_string()}}});
    return copy;
  });
}

void WebhookService::publish(db::Connection& c, uint64_t company_id, uint64_t project_id, const std::string& event_type,
                             const std::string& subject_id, const std::function<boost::json::value()>& data) {
  const auto endpoints = store::enabled_endpoints(c, project_id);
  if (endpoints.empty()) return;
  const int64_t now = clock_.now_ms();
  const std::string payload = boost::json::serialize(
      boost::json::object{{"type", event_type}, {"timestamp", iso_utc_from_ms(now)}, {"data", data()}});
  for (const auto& e : endpoints) {
    Delivery d{ids_.next(), e.id, company_id, project_id, event_type, subject_id, payload, "pending", 0, 0, "", "", 0, now, now, now};
    store::insert_delivery(c, d);
    jobs_.enqueue(c, std::string(kJobKind), std::to_string(d.id), now);
  }
  jobs_.notify();
}

jobs::Outcome WebhookService::deliver(const jobs::Job& job) {
  const uint64_t delivery_id = std::stoull(job.payload);
  auto loaded = database_.read([&](db::Connection& c) -> std::optional<std::pair<Delivery, Endpoint>> {
    const auto d = store::delivery_by_id(c, delivery_id);
    if (!d) return std::nullopt;
    const auto e = store::endpoint_any(c, d->endpoint_id);
    if (!e) return std::nullopt;
    return std::make_pair(*d, *e);
  });
  if (!loaded) return jobs::Outcome::dead("the delivery or its endpoint was deleted");
  auto& [delivery, endpoint] = *loaded;
  const int64_t now = clock_.now_ms();
  if (endpoint.status != "enabled") {
    delivery.status = "dead";
    delivery.last_error = "the endpoint is disabled";
    delivery.updated_at_ms = now;
    database_.write([&](db::Connection& c) { store::update_delivery(c, delivery); });
    return jobs::Outcome::done();
  }
  const std::string message_id = MessageId(delivery.id).to_string();
  const int64_t timestamp = now / 1000;
  std::string signatures = sign(*secrets_.open(endpoint.secret_enc), message_id, timestamp, delivery.payload);
  if (!endpoint.previous_secret_enc.empty() && endpoint.previous_expires_at_ms > now) {
    signatures += " " + sign(*secrets_.open(endpoint.previous_secret_enc), message_id, timestamp, delivery.payload);
  }
  http::ClientRequest request;
  request.url = endpoint.url;
  request.body = delivery.payload;
  request.timeout = options_.timeout;
  request.headers = {{"content-type", "application/json"}, {"webhook-id", message_id},
                     {"webhook-timestamp", std::to_string(timestamp)}, {"webhook-signature", signatures}};
  const auto started = std::chrono::steady_clock::now();
  const auto response = http::send_request(request, [this](const std::string& ip) {
    return options_.allow_private_addresses || http::is_public_address(ip);
  });
  delivery.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  delivery.attempts += 1;
  delivery.response_status = response.status;
  delivery.response_body = response.body.substr(0, kResponseBodyKept);
  delivery.last_error = response.error;
  delivery.updated_at_ms = clock_.now_ms();

  jobs::Outcome outcome = jobs::Outcome::done();
  bool disable = false;
  if (response.status >= 200 && response.status < 300) {
    delivery.status = "succeeded";
  } else if (response.status == 410) {
    delivery.status = "dead";
    delivery.last_error = "the endpoint answered 410 Gone: disabled";
    disable = true;
  } else if (const auto delay = retry_delay_ms(delivery.attempts)) {
    int64_t wait = jittered(*delay);
    if (const std::string retry_after = response.header("retry-after"); !retry_after.empty()) {
      try {
        wait = std::max<int64_t>(wait, std::min<int64_t>(std::stoll(retry_after) * 1000, kRetryAfterMaxMs));
      } catch (const std::exception&) {
      }
    }
    delivery.status = "failed";
    delivery.next_attempt_at_ms = delivery.updated_at_ms + wait;
    if (delivery.last_error.empty()) delivery.last_error = "HTTP " + std::to_string(response.status);
    outcome = jobs::Outcome::retry(delivery.next_attempt_at_ms, delivery.last_error);
  } else {
    delivery.status = "dead";
    outcome = jobs::Outcome::dead("gave up after " + std::to_string(delivery.attempts) + " attempts");
  }
  database_.write([&](db::Connection& c) {
    store::update_delivery(c, delivery);
    if (disable) store::disable_endpoint(c, endpoint.id, "the endpoint answered 410 Gone");
  });
  return outcome;
}

}  // namespace kassa::webhooks

#include "http/pipeline.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse_query.hpp>

#include <atomic>

#include "common/crypto.hpp"
#include "common/log.hpp"
#include "db/database.hpp"
#include "http/problem.hpp"

namespace kassa::http {
namespace {

bool is_json_media_type(std::string_view content_type) {
  const std::string_view media = content_type.substr(0, content_type.find(';'));
  std::string lowered(media);
  for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!lowered.empty() && lowered.back() == ' ') lowered.pop_back();
  return lowered == "application/json" || (lowered.starts_with("application/") && lowered.ends_with("+json"));
}

Result<Params> parse_query(std::string_view raw) {
  Params out;
  if (raw.empty()) return out;
  auto parsed = boost::urls::parse_query(raw);
  if (!parsed) return Error::invalid("bad-query", "the query string is malformed (" + parsed.error().message() + ")");
  // Form-style: '+' is a space, as browsers and Stripe's API treat it.
  boost::urls::encoding_opts options;
  options.space_as_plus = true;
  for (const auto& param : *parsed) {
    out.emplace_back(param.key.decode(options), param.has_value ? param.value.decode(options) : std::string());
  }
  return out;
}

}  // namespace

std::string choose_request_id(std::string_view incoming) {
  const bool valid = !incoming.empty() && incoming.size() <= 64 &&
                     std::all_of(incoming.begin(), incoming.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
                     });
  if (valid) return std::string(incoming);
  // A random per-process prefix and a counter: unique and cheap.
  static const std::string prefix = crypto::to_hex(crypto::random_bytes(6));
  static std::atomic<uint64_t> counter{0};
  return "req_" + prefix + "_" + std::to_string(counter.fetch_add(1, std::memory_order_relaxed));
}

Pipeline::Plan Pipeline::plan(Method method, std::string_view path) const {
  const RouteMatch match = router_.match(method, path);
  if (match.kind != RouteMatch::Kind::found) return {true, kBodyLimitDefault};
  return {match.route->options.run_inline, match.route->options.body_limit};
}

Response Pipeline::handle(Request& request) const {
  request.request_id = choose_request_id(request.header("x-request-id"));
  std::string route_label;
  Response response;
  try {
    response = dispatch(request, route_label);
  } catch (const db::PoolTimeout& e) {
    log::error("database_pool_exhausted", {{"request_id", request.request_id}, {"error", e.what()}});
    response = problem(503, "database-unavailable", "the database is busy; try again shortly");
    response.set_header("retry-after", "1");
  } catch (const db::DatabaseError& e) {
    const bool unavailable = e.kind() == db::DatabaseError::Kind::connection || e.kind() == db::DatabaseError::Kind::busy;
    log::error("database_error", {{"request_id", request.request_id}, {"route", route_label}, {"error", e.what()}});
    response = unavailable ? problem(503, "database-unavailable", "the database does not answer; try again shortly")
                           : problem(500, "internal-error", "an internal error occurred; quote the request id to support");
  } catch (const std::exception& e) {
    log::error("unhandled_exception", {{"request_id", request.request_id}, {"route", route_label}, {"error", e.what()}});
    response = problem(500, "internal-error", "an internal error occurred; quote the request id to support");
  }
  finish(request, response, route_label);
  return response;
}

Response Pipeline::dispatch(Request& request, std::string& route_label) const {
  RouteMatch match = router_.match(request.method, request.path);
  if (match.kind == RouteMatch::Kind::not_found) {
    if ((request.method == Method::get || request.method == Method::head) && router_.fallback() &&
        !request.path.starts_with("/api/")) {
      route_label = "static";
      return router_.fallback()(request);
    }
    route_label = "unmatched";
    return problem(404, "not-found", "no resource at " + request.path);
  }
  if (match.kind == RouteMatch::Kind::method_not_allowed) {
    route_label = "unmatched";
    std::string allow;
    for (const Method m : match.allowed) {
      if (!allow.empty()) allow += ", ";
      allow += to_string(m);
    }
    Response r = problem(405, "method-not-allowed", std::string(request.method_text) + " is not allowed here; allowed: " + allow);
    r.set_header("allow", allow);
    return r;
  }
  const Route& route = *match.route;
  route_label = route.pattern;
  request.route = route.pattern;
  request.path_params = std::move(match.params);

  auto query = parse_query(request.raw_query);
  if (!query) return problem(query.error());
  request.query_params = std::move(query).value();

  // A JSON route may be called without a body (all its fields optional); a body must be JSON.
  if (route.options.json_body && !request.body.empty()) {
    if (!is_json_media_type(request.header("content-type"))) {
      return problem(415, "unsupported-media-type", "send the body as application/json");
    }
    boost::system::error_code ec;
    boost::json::value parsed = boost::json::parse(request.body, ec);
    if (ec) return problem(400, "malformed-json", "the body is not valid JSON: " + ec.message());
    request.json = std::move(parsed);
  }
  return route.handler(request);
}

Response Pipeline::reject(Request& request, int status, std::string_view type, std::string_view detail) const {
  request.request_id = choose_request_id(request.header("x-request-id"));
  Response response = problem(status, type, detail);
  finish(request, response, "unmatched");
  return response;
}

void Pipeline::finish(Request& request, Response& response, std::string_view route_label) const {
  if (response.header("content-type") == "application/problem+json") {
    // Every problem names the request it answers, so support can find it in the log.
    boost::system::error_code ec;
    auto body = boost::json::parse(response.body, ec);
    if (!ec && body.is_object()) {
      body.as_object()["instance"] = request.path;
      body.as_object()["request_id"] = request.request_id;
      response.body = boost::json::serialize(body);
    }
  }
  response.set_header("x-request-id", request.request_id);
  response.set_header("x-content-type-options", "nosniff");
  response.set_header("x-frame-options", "DENY");
  response.set_header("referrer-policy", "no-referrer");
  if (response.header("cache-control").empty()) response.set_header("cache-control", "no-store");
  if (response.header("content-type").starts_with("text/html")) {
    response.set_header("content-security-policy",
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - request.received_at).count();
  metrics_.observe(route_label, to_string(request.method), response.status, seconds);
  if (options_.access_log && log::enabled(log::Level::info)) {
    log::info("request", {{"request_id", request.request_id},
                          {"method", request.method_text},
                          {"path", request.path},
                          {"route", route_label},
                          {"status", response.status},
                          {"duration_ms", seconds * 1000.0},
                          {"remote", request.remote_address}});
  }
}

}  // namespace kassa::http

// HTTP for analytics: parse, call one service method, render.
#include "analytics/analytics_routes.hpp"

#include <boost/json/serialize.hpp>

#include <charconv>

#include "http/json_body.hpp"
#include "http/problem.hpp"

namespace kassa::analytics {
namespace {

using http::Method;
using http::Request;
using http::Response;

constexpr size_t kStreamsMax = 32;  // each open stream holds a worker thread
constexpr auto kKeepAlive = std::chrono::seconds(15);
constexpr size_t kImportBodyMax = 4 * 1024 * 1024;

std::string event_text(const LiveEvent& e) {
  return "id: " + std::to_string(e.change) + "\nevent: operation\ndata: " + boost::json::serialize(to_json(e)) + "\n\n";
}

}  // namespace

void add_analytics_routes(identity::Guard& guard, AnalyticsService& analytics) {
  guard.add(Method::get, "/api/v1/analytics/query", "analytics.read", [&analytics](Request& r, const Principal& p) {
    const auto answer = analytics.query(p, r.query_params);
    return answer ? http::json_response(200, *answer) : http::problem(answer.error());
  });

  guard.add(Method::get, "/api/v1/analytics/live", "analytics.read", [&analytics](Request& r, const Principal& p) {
    std::vector<FieldError> errors;
    size_t backlog = 20;
    if (const auto v = r.query("backlog")) {
      const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), backlog);
      if (ec != std::errc() || end != v->data() + v->size() || backlog > 100) errors.push_back({"backlog", "0..100"});
    }
    const auto asked = r.query("project");
    auto visible = analytics.visible_projects(p, asked && !asked->empty() ? std::optional<std::string>(*asked) : std::nullopt, errors);
    if (!visible) return http::problem(visible.error());
    const std::optional<std::set<uint64_t>> projects = std::move(*visible);
    if (!errors.empty()) return http::problem(Error::invalid("bad-query", "some parameters are malformed", errors));
    if (!analytics.try_open_stream(kStreamsMax)) {
      return http::problem(Error::make(ErrorCode::rate_limited, "too-many-streams", "too many live streams are open; try again later"));
    }
    // Released when the response (and this stream function) goes away, whether or not it ran.
    const std::shared_ptr<void> slot(nullptr, [&analytics](void*) { analytics.close_stream(); });
    Response response;
    response.set_header("content-type", "text/event-stream; charset=utf-8");
    response.set_header("cache-control", "no-store");
    response.set_header("x-accel-buffering", "no");
    const uint64_t company = p.company_id;
    response.stream = [&analytics, slot, company, projects, backlog](http::ChunkWriter& out) {
      int64_t after = analytics.live_position();
      std::string first = "retry: 3000\n\n";
      for (const auto& e : analytics.backlog(company, projects, backlog)) first += event_text(e);
      if (!out.write(first)) return;
      while (!analytics.stopping()) {
        const auto events = analytics.wait_events(company, projects, after, kKeepAlive);
        std::string chunk;
        for (const auto& e : events) chunk += event_text(e);
        if (chunk.empty()) chunk = ": keep-alive\n\n";
        if (!out.write(chunk)) return;
      }
    };
    return response;
  });

  guard.add(Method::get, "/api/v1/fx-rates", "analytics.read", [&analytics](Request& r, const Principal& p) {
    const auto answer = analytics.list_fx(p, r.query_params);
    return answer ? http::json_response(200, *answer) : http::problem(answer.error());
  });

  guard.add(Method::put, "/api/v1/fx-rates/{day}/{currency}", "fx_rates.manage", [&analytics](Request& r, const Principal& p) {
    http::JsonBody body(r);
    const auto rate = body.string("rate", true, 20);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    const auto answer = analytics.put_fx(p, std::string(r.param("day")), std::string(r.param("currency")), *rate);
    return answer ? http::json_response(200, *answer) : http::problem(answer.error());
  }, {.json_body = true});

  guard.add(Method::post, "/api/v1/fx-rates/import", "fx_rates.manage", [&analytics](Request& r, const Principal& p) {
    const std::string_view type = r.header("content-type");
    if (!type.starts_with("text/csv")) {
      return http::problem(Error::make(ErrorCode::unsupported_media, "unsupported-media-type", "send the rates as text/csv"));
    }
    const auto imported = analytics.import_fx(p, r.body);
    return imported ? http::json_response(200, boost::json::object{{"imported", *imported}}) : http::problem(imported.error());
  }, {.body_limit = kImportBodyMax});
}

}  // namespace kassa::analytics

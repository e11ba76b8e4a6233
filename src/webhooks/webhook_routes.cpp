// HTTP for webhook endpoints and the delivery log.
#include "webhooks/webhook_routes.hpp"

#include <boost/json/array.hpp>

#include "common/ids.hpp"
#include "http/json_body.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"

namespace kassa::webhooks {
namespace {
struct EndpointTag { static constexpr std::string_view prefix = "we"; };
struct MessageTag { static constexpr std::string_view prefix = "msg"; };
using EndpointId = Id<EndpointTag>;
using MessageId = Id<MessageTag>;
using http::Method;
using http::Request;
}  // namespace

void add_webhook_routes(identity::Guard& guard, WebhookService& webhooks) {
  const http::RouteOptions json{.json_body = true};
  const auto with_secret = [](const std::pair<Endpoint, std::string>& v) {
    auto body = to_json(v.first).as_object();
    body["secret"] = v.second;  // shown once
    return boost::json::value(std::move(body));
  };

  guard.add(Method::get, "/api/v1/webhook-endpoints", "webhooks.read", [&webhooks](Request& r, const Principal& p) {
    const auto project = http::query_id<ProjectId>(r, "project_id");
    if (!project) return http::problem(project.error());
    boost::json::array data;
    for (const auto& e : webhooks.endpoints(p, *project ? std::optional<uint64_t>((*project)->value()) : std::nullopt)) data.push_back(to_json(e));
    return http::json_response(200, boost::json::object{{"data", std::move(data)}, {"has_more", false}});
  });

  guard.add(Method::post, "/api/v1/webhook-endpoints", "webhooks.manage", [&webhooks, with_secret](Request& r, const Principal& p) {
    http::JsonBody body(r);
    const auto project_text = body.string("project_id", true, 40);
    const auto url = body.string("url", true, kUrlLengthMax);
    const auto description = body.string("description", false, 500);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    const auto project = ProjectId::parse(*project_text);
    if (!project) return http::problem(Error::invalid("unknown-project", "unknown project", {{"/project_id", "unknown project"}}));
    const auto result = webhooks.create_endpoint(p, project->value(), *url, description.value_or(""));
    return result ? http::json_response(201, with_secret(*result)) : http::problem(result.error());
  }, json);

  guard.add(Method::patch, "/api/v1/webhook-endpoints/{id}", "webhooks.manage", [&webhooks](Request& r, const Principal& p) {
    const auto id = http::path_id<EndpointId>(r, "id");
    if (!id) return http::problem(id.error());
    const auto version = http::if_match_version(r);
    if (!version) return http::problem(http::missing_if_match());
    http::JsonBody body(r);
    const auto url = body.string("url", false, kUrlLengthMax);
    const auto description = body.string("description", false, 500);
    const auto status = body.string("status", false, 20);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    const auto result = webhooks.update_endpoint(p, id->value(), url, description, status, *version);
    return result ? http::json_response(200, to_json(*result)) : http::problem(result.error());
  }, json);

  guard.add(Method::del, "/api/v1/webhook-endpoints/{id}", "webhooks.manage", [&webhooks](Request& r, const Principal& p) {
    const auto id = http::path_id<EndpointId>(r, "id");
    if (!id) return http::problem(id.error());
    const auto s = webhooks.delete_endpoint(p, id->value());
    if (!s) return http::problem(s.error());
    http::Response response;
    response.status = 204;
    return response;
  });

  guard.add(Method::post, "/api/v1/webhook-endpoints/{id}/rotate-secret", "webhooks.manage", [&webhooks, with_secret](Request& r, const Principal& p) {
    const auto id = http::path_id<EndpointId>(r, "id");
    if (!id) return http::problem(id.error());
    const auto result = webhooks.rotate_secret(p, id->value());
    return result ? http::json_response(200, with_secret(*result)) : http::problem(result.error());
  });

  guard.add(Method::get, "/api/v1/webhook-deliveries", "", [&webhooks](Request& r, const Principal& p) {
    if (!p.can("webhooks.read") && !p.can("payments.read")) return http::problem(403, "forbidden", "you lack the permission webhooks.read");
    const auto endpoint = http::query_id<EndpointId>(r, "endpoint_id");
    if (!endpoint) return http::problem(endpoint.error());
    const auto after = http::query_id<MessageId>(r, "starting_after");
    if (!after) return http::problem(after.error());
    const auto limit = http::limit_param(r, 25, 200);
    if (!limit) return http::problem(limit.error());
    const auto project = http::query_id<ProjectId>(r, "project_id");
    if (!project) return http::problem(project.error());
    const std::string subject(r.query("subject_id").value_or(""));
    const auto [rows, more] = webhooks.deliveries(p, *endpoint ? std::optional<uint64_t>((*endpoint)->value()) : std::nullopt,
                                                  *project ? std::optional<uint64_t>((*project)->value()) : std::nullopt, subject,
                                                  *limit, *after ? std::optional<uint64_t>((*after)->value()) : std::nullopt);
    boost::json::array data;
    for (const auto& d : rows) data.push_back(to_json(d));
    return http::json_response(200, boost::json::object{{"data", std::move(data)}, {"has_more", more}});
  });

  guard.add(Method::post, "/api/v1/webhook-deliveries/{id}/resend", "callbacks.resend", [&webhooks](Request& r, const Principal& p) {
    const auto id = http::path_id<MessageId>(r, "id");
    if (!id) return http::problem(id.error());
    const auto result = webhooks.resend(p, id->value());
    return result ? http::json_response(201, to_json(*result)) : http::problem(result.error());
  });
}

}  // namespace kassa::webhooks

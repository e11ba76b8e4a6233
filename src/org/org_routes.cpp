// HTTP for the organisation: company settings and projects.
#include "org/org_routes.hpp"

#include <boost/json/array.hpp>

#include "common/ids.hpp"
#include "http/json_body.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"

namespace kassa::org {

using http::Method;
using http::Request;
using http::Response;

void add_org_routes(identity::Guard& guard, OrgService& org) {
  const http::RouteOptions json{.json_body = true};

  guard.add(Method::get, "/api/v1/company", "", [&org](Request&, const Principal& p) {
    const auto company = org.company(p.company_id);
    if (!company) return http::problem(404, "not-found", "no such company");
    return http::json_response(200, to_json(*company));
  });

  guard.add(Method::patch, "/api/v1/company", "settings.manage", [&org](Request& r, const Principal& p) {
    const auto version = http::if_match_version(r);
    if (!version) return http::problem(http::missing_if_match());
    http::JsonBody body(r);
    CompanyPatch patch{body.string("name", false, 200), body.string("reporting_currency", false, 3), body.string("time_zone", false, 64)};
    if (auto s = body.finish(); !s) return http::problem(s.error());
    const auto result = org.update_company(p, patch, *version);
    return result ? http::json_response(200, to_json(*result)) : http::problem(result.error());
  }, json);

  guard.add(Method::get, "/api/v1/projects", "", [&org](Request&, const Principal& p) {
    boost::json::array data;
    for (const auto& project : org.visible_projects(p)) data.push_back(to_json(project));
    return http::json_response(200, boost::json::object{{"data", std::move(data)}, {"has_more", false}});
  });

  guard.add(Method::post, "/api/v1/projects", "projects.manage", [&org](Request& r, const Principal& p) {
    http::JsonBody body(r);
    const auto name = body.string("name", true, 200);
    const auto currency = body.string("default_currency", true, 3);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    const auto result = org.create_project(p, *name, *currency);
    return result ? http::json_response(201, to_json(*result)) : http::problem(result.error());
  }, json);

  guard.add(Method::patch, "/api/v1/projects/{id}", "projects.manage", [&org](Request& r, const Principal& p) {
    const auto id = http::path_id<ProjectId>(r, "id");
    if (!id) return http::problem(id.error());
    const auto version = http::if_match_version(r);
    if (!version) return http::problem(http::missing_if_match());
    http::JsonBody body(r);
    ProjectPatch patch{body.string("name", false, 200), body.string("status", false, 20)};
    if (auto s = body.finish(); !s) return http::problem(s.error());
    const auto result = org.update_project(p, id->value(), patch, *version);
    return result ? http::json_response(200, to_json(*result)) : http::problem(result.error());
  }, json);
}

}  // namespace kassa::org

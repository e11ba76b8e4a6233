// HTTP for the audit log.
#include "audit/audit_routes.hpp"

#include <boost/json/array.hpp>

#include "common/ids.hpp"
#include "common/time_text.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"

namespace kassa::audit {

using http::Method;
using http::Request;

void add_audit_routes(identity::Guard& guard, AuditService& audit, db::Database& database) {
  guard.add(Method::get, "/api/v1/audit-events", "audit.read", [&audit, &database](Request& r, const Principal& p) {
    Filter filter;
    const auto limit = http::limit_param(r, kPageSizeDefault, kPageSizeMax);
    if (!limit) return http::problem(limit.error());
    filter.limit = *limit;
    std::vector<FieldError> errors;
    if (const auto v = r.query("action"); v && !v->empty()) filter.action = std::string(*v);
    if (const auto v = r.query("target_type"); v && !v->empty()) filter.target_type = std::string(*v);
    if (const auto v = r.query("target_id"); v && !v->empty()) filter.target_id = std::string(*v);
    if (const auto v = r.query("actor_id"); v && !v->empty()) {
      if (const auto user = UserId::parse(*v)) filter.actor_id = user->value();
      else if (const auto key = ApiKeyId::parse(*v)) filter.actor_id = key->value();
      else errors.push_back({"actor_id", "a user or API key id"});
    }
    for (const auto& [name, slot] : {std::pair{"from", &filter.from_ms}, std::pair{"to", &filter.to_ms}}) {
      if (const auto v = r.query(name); v && !v->empty()) {
        if (const auto ms = ms_from_iso(*v)) *slot = *ms;
        else errors.push_back({name, "an ISO 8601 date or time, e.g. 2026-11-26 or 2026-11-26T13:00:00Z"});
      }
    }
    const auto after = http::query_id<AuditEventId>(r, "starting_after");
    if (!after) return http::problem(after.error());
    if (*after) filter.starting_after = (*after)->value();
    if (!errors.empty()) return http::problem(Error::invalid("bad-query", "some filters are malformed", errors));
    const Page page = audit.list(database, p.company_id, filter);
    boost::json::array data;
    for (const auto& e : page.events) data.push_back(to_json(e));
    return http::json_response(200, boost::json::object{{"data", std::move(data)}, {"has_more", page.has_more}});
  });
}

}  // namespace kassa::audit

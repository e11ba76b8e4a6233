#include <boost/json/object.hpp>

#include <filesystem>

#include "common/ids.hpp"
#include "common/money.hpp"
#include "common/time_text.hpp"
#include "org/org.hpp"
#include "org/org_store.hpp"

namespace kassa::org {
namespace {

Status check_name(const std::string& name, std::string_view field) {
  if (name.empty() || name.size() > kNameLengthMax) {
    return Error::invalid("invalid-name", "the name must have 1 to 200 characters", {{std::string(field), "1 to 200 characters"}});
  }
  return Ok{};
}

Status check_currency(const std::string& code, std::string_view field) {
  if (!Currency::from_code(code)) {
    return Error::invalid("invalid-currency", "unknown ISO 4217 currency " + code, {{std::string(field), "an ISO 4217 code such as EUR"}});
  }
  return Ok{};
}

}  // namespace

bool is_valid_time_zone(std::string_view zone) {
  if (zone == "UTC") return true;
  if (zone.empty() || zone.size() > 64 || zone.find("..") != std::string_view::npos || zone.front() == '/') return false;
  for (char c : zone) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '+')) return false;
  }
  std::error_code ec;
  return std::filesystem::is_regular_file(std::filesystem::path("/usr/share/zoneinfo") / zone, ec);
}

boost::json::value to_json(const Company& x) {
  return boost::json::object{{"id", CompanyId(x.id).to_string()},   {"name", x.name},
                             {"reporting_currency", x.reporting_currency}, {"time_zone", x.time_zone},
                             {"version", x.version},                 {"created_at", iso_utc_from_ms(x.created_at_ms)}};
}

boost::json::value to_json(const Project& x) {
  return boost::json::object{{"id", ProjectId(x.id).to_string()}, {"name", x.name},
                             {"default_currency", x.default_currency}, {"status", x.status},
                             {"version", x.version},               {"created_at", iso_utc_from_ms(x.created_at_ms)}};
}

Result<Company> OrgService::create_company(db::Connection& c, const std::string& name, const std::string& reporting_currency,
                                           const std::string& time_zone, const audit::Actor& actor) {
  if (auto s = check_name(name, "/name"); !s) return s.error();
  if (auto s = check_currency(reporting_currency, "/reporting_currency"); !s) return s.error();
  if (!is_valid_time_zone(time_zone)) return Error::invalid("invalid-time-zone", "unknown time zone " + time_zone);
  if (store::company_by_name(c, name)) return Error::make(ErrorCode::conflict, "company-exists", "a company with this name exists");
  const Company company{ids_.next(), name, reporting_currency, time_zone, 1, clock_.now_ms()};
  store::insert_company(c, company);
  audit_.start_chain(c, company.id);
  audit_.record(c, {company.id, actor, "company.created", "company", CompanyId(company.id).to_string(), nullptr, to_json(company)});
  return company;
}

std::optional<Company> OrgService::find_company_by_name(db::Connection& c, const std::string& name) const {
  return store::company_by_name(c, name);
}

std::optional<Company> OrgService::company(uint64_t company_id) const {
  return database_.read([&](db::Connection& c) { return store::company_by_id(c, company_id); });
}

Result<Company> OrgService::update_company(const Principal& principal, const CompanyPatch& patch, int64_t expected_version) {
  if (patch.name) if (auto s = check_name(*patch.name, "/name"); !s) return s.error();
  if (patch.reporting_currency) if (auto s = check_currency(*patch.reporting_currency, "/reporting_currency"); !s) return s.error();
  if (patch.time_zone && !is_valid_time_zone(*patch.time_zone)) {
    return Error::invalid("invalid-time-zone", "unknown time zone", {{"/time_zone", "an IANA time zone such as Europe/Berlin"}});
  }
  return database_.write([&](db::Connection& c) -> Result<Company> {
    auto current = store::company_by_id(c, principal.company_id);
    if (!current) return Error::make(ErrorCode::not_found, "not-found", "no such company");
    if (current->version != expected_version) return Error::stale_version(to_json(*current));
    Company next = *current;
    if (patch.name) {
      const auto other = store::company_by_name(c, *patch.name);
      if (other && other->id != current->id) return Error::make(ErrorCode::conflict, "company-exists", "a company with this name exists");
      next.name = *patch.name;
    }
    if (patch.reporting_currency) next.reporting_currency = *patch.reporting_currency;
    if (patch.time_zone) next.time_zone = *patch.time_zone;
    if (!store::update_company(c, next, expected_version)) return Error::stale_version(to_json(*store::company_by_id(c, principal.company_id)));
    next.version = expected_version + 1;
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "company.updated", "company",
                      CompanyId(next.id).to_string(), to_json(*current), to_json(next)});
    return next;
  });
}

Result<Project> OrgService::create_project(db::Connection& c, uint64_t company_id, const std::string& name,
                                           const std::string& currency, const audit::Actor& actor) {
  if (auto s = check_name(name, "/name"); !s) return s.error();
  if (auto s = check_currency(currency, "/default_currency"); !s) return s.error();
  if (store::project_by_name(c, company_id, name)) {
    return Error::make(ErrorCode::conflict, "project-exists", "a project with this name exists");
  }
  const Project project{ids_.next(), company_id, name, currency, "active", 1, clock_.now_ms()};
  store::insert_project(c, project);
  audit_.record(c, {company_id, actor, "project.created", "project", ProjectId(project.id).to_string(), nullptr, to_json(project)});
  return project;
}

Result<Project> OrgService::create_project(const Principal& principal, const std::string& name, const std::string& currency) {
  return database_.write([&](db::Connection& c) {
    return create_project(c, principal.company_id, name, currency, audit::Actor::of(principal));
  });
}

Result<Project> OrgService::update_project(const Principal& principal, uint64_t project_id, const ProjectPatch& patch,
                                           int64_t expected_version) {
  if (patch.name) if (auto s = check_name(*patch.name, "/name"); !s) return s.error();
  if (patch.status && *patch.status != "active" && *patch.status != "archived") {
    return Error::invalid("invalid-status", "status must be active or archived", {{"/status", "active or archived"}});
  }
  return database_.write([&](db::Connection& c) -> Result<Project> {
    auto current = store::project_by_id(c, principal.company_id, project_id);
    if (!current) return Error::make(ErrorCode::not_found, "not-found", "no such project");
    if (current->version != expected_version) return Error::stale_version(to_json(*current));
    Project next = *current;
    if (patch.name) {
      const auto other = store::project_by_name(c, principal.company_id, *patch.name);
      if (other && other->id != project_id) return Error::make(ErrorCode::conflict, "project-exists", "a project with this name exists");
      next.name = *patch.name;
    }
    if (patch.status) next.status = *patch.status;
    if (!store::update_project(c, next, expected_version)) {
      return Error::stale_version(to_json(*store::project_by_id(c, principal.company_id, project_id)));
    }
    next.version = expected_version + 1;
    audit_.record(c, {principal.company_id, audit::Actor::of(principal), "project.updated", "project",
                      ProjectId(next.id).to_string(), to_json(*current), to_json(next)});
    return next;
  });
}

std::optional<Project> OrgService::project(uint64_t company_id, uint64_t project_id) const {
  return database_.read([&](db::Connection& c) { return store::project_by_id(c, company_id, project_id); });
}

std::optional<Project> OrgService::find_project_by_name(db::Connection& c, uint64_t company_id, const std::string& name) const {
  return store::project_by_name(c, company_id, name);
}

std::vector<Project> OrgService::projects(uint64_t company_id) const {
  return database_.read([&](db::Connection& c) { return store::projects_of(c, company_id); });
}

std::vector<Project> OrgService::visible_projects(const Principal& principal) const {
  std::vector<Project> out;
  for (auto& p : projects(principal.company_id)) {
    const bool visible = std::any_of(principal.permissions.begin(), principal.permissions.end(),
                                     [&](const auto& entry) { return entry.second.contains(p.id); });
    if (visible) out.push_back(std::move(p));
  }
  return out;
}

}  // namespace kassa::org

#pragma once
// The organisation: one company, many projects.
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "common/clock.hpp"
#include "common/id.hpp"
#include "common/principal.hpp"
#include "common/result.hpp"
#include "db/database.hpp"

namespace kassa::org {

inline constexpr size_t kNameLengthMax = 200;

struct Company {
  uint64_t id = 0;
  std::string name;
  std::string reporting_currency;
  std::string time_zone;
  int64_t version = 1;
  int64_t created_at_ms = 0;
};

struct Project {
  uint64_t id = 0;
  uint64_t company_id = 0;
  std::string name;
  std::string default_currency;
  std::string status;  // active, archived
  int64_t version = 1;
  int64_t created_at_ms = 0;
};

struct CompanyPatch {
  std::optional<std::string> name;
  std::optional<std::string> reporting_currency;
  std::optional<std::string> time_zone;
};

struct ProjectPatch {
  std::optional<std::string> name;
  std::optional<std::string> status;
};

// A stale version: the caller gets the current state with the 412.
struct Stale {
  boost::json::value current;
};

boost::json::value to_json(const Company& company);
boost::json::value to_json(const Project& project);
bool is_valid_time_zone(std::string_view zone);

class OrgService {
 public:
  OrgService(db::Database& database, IdGenerator& ids, const Clock& clock, audit::AuditService& audit)
      : database_(database), ids_(ids), clock_(clock), audit_(audit) {}

  // Company: created by the CLI (`kassa user create`) in the caller's transaction.
  Result<Company> create_company(db::Connection& c, const std::string& name, const std::string& reporting_currency,
                                 const std::string& time_zone, const audit::Actor& actor);
  std::optional<Company> find_company_by_name(db::Connection& c, const std::string& name) const;
  std::optional<Company> company(uint64_t company_id) const;
  Result<Company> update_company(const Principal& principal, const CompanyPatch& patch, int64_t expected_version);

  Result<Project> create_project(db::Connection& c, uint64_t company_id, const std::string& name,
                                 const std::string& currency, const audit::Actor& actor);
  Result<Project> create_project(const Principal& principal, const std::string& name, const std::string& currency);
  Result<Project> update_project(const Principal& principal, uint64_t project_id, const ProjectPatch& patch,
                                 int64_t expected_version);
  std::optional<Project> project(uint64_t company_id, uint64_t project_id) const;
  std::optional<Project> find_project_by_name(db::Connection& c, uint64_t company_id, const std::string& name) const;
  // The projects the principal has any permission on.
  std::vector<Project> visible_projects(const Principal& principal) const;
  std::vector<Project> projects(uint64_t company_id) const;

 private:
  db::Database& database_;
  IdGenerator& ids_;
  const Clock& clock_;
  audit::AuditService& audit_;
};

}  // namespace kassa::org

#pragma once
// The SQL of the organisation context.
#include <optional>
#include <vector>

#include "db/database.hpp"
#include "org/org.hpp"

namespace kassa::org::store {

void insert_company(db::Connection& c, const Company& company);
std::optional<Company> company_by_id(db::Connection& c, uint64_t id);
std::optional<Company> company_by_name(db::Connection& c, const std::string& name);
// Writes the company if its version is still expected_version; false if stale.
bool update_company(db::Connection& c, const Company& company, int64_t expected_version);

void insert_project(db::Connection& c, const Project& project);
std::optional<Project> project_by_id(db::Connection& c, uint64_t company_id, uint64_t id);
std::optional<Project> project_by_name(db::Connection& c, uint64_t company_id, const std::string& name);
bool update_project(db::Connection& c, const Project& project, int64_t expected_version);
std::vector<Project> projects_of(db::Connection& c, uint64_t company_id);

}  // namespace kassa::org::store

#include "org/org_store.hpp"

namespace kassa::org::store {
namespace {

constexpr std::string_view kCompanyColumns = "id, name, reporting_currency, time_zone, version, created_at_ms";
constexpr std::string_view kProjectColumns = "id, company_id, name, default_currency, status, version, created_at_ms";

int64_t i64(uint64_t v) { return static_cast<int64_t>(v); }

Company read_company(const db::Row& r) {
  return Company{static_cast<uint64_t>(r.int64(0)), std::string(r.text(1)), std::string(r.text(2)),
                 std::string(r.text(3)), r.int64(4), r.int64(5)};
}

Project read_project(const db::Row& r) {
  return Project{static_cast<uint64_t>(r.int64(0)), static_cast<uint64_t>(r.int64(1)), std::string(r.text(2)),
                 std::string(r.text(3)), std::string(r.text(4)), r.int64(5), r.int64(6)};
}

template <class T, class F>
std::optional<T> one(db::Connection& c, const std::string& sql, std::initializer_list<db::Param> params, F read) {
  std::optional<T> out;
  c.query(sql, params, [&](const db::Row& r) { out = read(r); });
  return out;
}

}  // namespace

void insert_company(db::Connection& c, const Company& x) {
  c.execute("INSERT INTO companies (id, name, reporting_currency, time_zone, version, created_at_ms) VALUES ($1, $2, $3, $4, $5, $6)",
            {i64(x.id), x.name, x.reporting_currency, x.time_zone, x.version, x.created_at_ms});
}

std::optional<Company> company_by_id(db::Connection& c, uint64_t id) {
  return one<Company>(c, "SELECT " + std::string(kCompanyColumns) + " FROM companies WHERE id = $1", {i64(id)}, read_company);
}

std::optional<Company> company_by_name(db::Connection& c, const std::string& name) {
  return one<Company>(c, "SELECT " + std::string(kCompanyColumns) + " FROM companies WHERE name = $1", {name}, read_company);
}

bool update_company(db::Connection& c, const Company& x, int64_t expected_version) {
  return c.execute("UPDATE companies SET name = $1, reporting_currency = $2, time_zone = $3, version = version + 1"
                   " WHERE id = $4 AND version = $5",
                   {x.name, x.reporting_currency, x.time_zone, i64(x.id), expected_version}) == 1;
}

void insert_project(db::Connection& c, const Project& x) {
  c.execute("INSERT INTO projects (id, company_id, name, default_currency, status, version, created_at_ms)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7)",
            {i64(x.id), i64(x.company_id), x.name, x.default_currency, x.status, x.version, x.created_at_ms});
}

std::optional<Project> project_by_id(db::Connection& c, uint64_t company_id, uint64_t id) {
  return one<Project>(c, "SELECT " + std::string(kProjectColumns) + " FROM projects WHERE company_id = $1 AND id = $2",
                      {i64(company_id), i64(id)}, read_project);
}

std::optional<Project> project_by_name(db::Connection& c, uint64_t company_id, const std::string& name) {
  return one<Project>(c, "SELECT " + std::string(kProjectColumns) + " FROM projects WHERE company_id = $1 AND name = $2",
                      {i64(company_id), name}, read_project);
}

bool update_project(db::Connection& c, const Project& x, int64_t expected_version) {
  return c.execute("UPDATE projects SET name = $1, status = $2, version = version + 1 WHERE id = $3 AND company_id = $4 AND version = $5",
                   {x.name, x.status, i64(x.id), i64(x.company_id), expected_version}) == 1;
}

std::vector<Project> projects_of(db::Connection& c, uint64_t company_id) {
  std::vector<Project> out;
  c.query("SELECT " + std::string(kProjectColumns) + " FROM projects WHERE company_id = $1 ORDER BY name, id",
          {i64(company_id)}, [&](const db::Row& r) { out.push_back(read_project(r)); });
  return out;
}

}  // namespace kassa::org::store

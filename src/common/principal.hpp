#pragma once
// Who is making a request and what they may do, project by project. Filled by
// the identity context's authentication; read by every service.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace kassa {

struct ProjectSet {
  bool all = false;                 // every project of the company, present and future
  std::set<uint64_t> project_ids;   // otherwise, these
  bool contains(uint64_t project_id) const { return all || project_ids.contains(project_id); }
  bool empty() const { return !all && project_ids.empty(); }
};

struct Principal {
  enum class Kind { user, api_key };
  Kind kind = Kind::user;
  uint64_t id = 0;           // user id or API key id
  uint64_t company_id = 0;
  uint64_t session_id = 0;   // users signed in with a session
  int64_t session_expires_at_ms = 0;  // the session's absolute end
  std::string label;         // e-mail or key name, for the audit log
  std::string ip;
  std::string user_agent;
  std::map<std::string, ProjectSet, std::less<>> permissions;

  // On at least one project (or company-wide).
  bool can(std::string_view permission) const {
    const auto it = permissions.find(permission);
    return it != permissions.end() && !it->second.empty();
  }
  bool can(std::string_view permission, uint64_t project_id) const {
    const auto it = permissions.find(permission);
    return it != permissions.end() && it->second.contains(project_id);
  }
  // Company-level permissions need a grant for all projects.
  bool can_company(std::string_view permission) const {
    const auto it = permissions.find(permission);
    return it != permissions.end() && it->second.all;
  }
};

}  // namespace kassa

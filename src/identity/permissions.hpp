#pragma once
// The permission catalogue and the built-in roles. Permissions are stable
// strings; a role is a set of them. Project-scoped permissions apply to the
// projects a grant names; company-scoped ones need a grant for all projects.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kassa::identity {

enum class PermissionScope { project, company };

struct PermissionInfo {
  std::string_view name;
  std::string_view description;
  PermissionScope scope;
};

struct BuiltinRole {
  std::string_view name;
  std::string_view description;
  std::vector<std::string_view> permissions;
};

std::span<const PermissionInfo> permission_catalogue();
const PermissionInfo* find_permission(std::string_view name);
const std::vector<BuiltinRole>& builtin_roles();

// "a b c" <-> {"a","b","c"} (the stored form of a role's permissions)
std::vector<std::string> split_permissions(std::string_view text);
std::string join_permissions(const std::vector<std::string>& permissions);

}  // namespace kassa::identity

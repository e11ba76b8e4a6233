#include "identity/permissions.hpp"

#include <algorithm>
#include <array>

namespace kassa::identity {
namespace {

using enum PermissionScope;

constexpr std::array kCatalogue = std::to_array<PermissionInfo>({
    {"payments.read", "See payments and operations, export them", project},
    {"payments.write", "Create, capture and cancel payments", project},
    {"refunds.create", "Refund payments up to the project's step-up threshold", project},
    {"refunds.unlimited", "Refund any amount (with step-up confirmation above the threshold)", project},
    {"links.read", "See payment links", project},
    {"links.manage", "Create, change and disable payment links", project},
    {"payouts.read", "See payouts", project},
    {"payouts.create", "Make single and bulk payouts (with step-up confirmation)", project},
    {"balances.read", "See balances and settlement", project},
    {"reports.read", "Download reports", project},
    {"reports.manage", "Build and schedule reports", project},
    {"fraud.read", "See fraud rules, scores and alerts", project},
    {"fraud.manage", "Change fraud rules and block lists", project},
    {"fraud.review", "Release or refuse payments held for review", project},
    {"chargebacks.read", "See chargebacks", project},
    {"chargebacks.manage", "Accept or dispute chargebacks", project},
    {"analytics.read", "See analytics and charts", project},
    {"webhooks.read", "See webhook endpoints and deliveries", project},
    {"webhooks.manage", "Change webhook endpoints", project},
    {"callbacks.resend", "Resend webhook deliveries", project},
    {"api_keys.read", "See API keys", project},
    {"api_keys.manage", "Create, roll and revoke API keys (with step-up confirmation)", project},
    {"logs.read", "See request logs", project},
    {"users.read", "See the company's users", company},
    {"users.manage", "Invite, disable and change users and their roles", company},
    {"roles.manage", "Create and change custom roles", company},
    {"projects.manage", "Create and change projects", company},
    {"settings.manage", "Change company settings", company},
    {"fx_rates.manage", "Load and change the FX rates of the reporting currency", company},
    {"audit.read", "Read the audit log", company},
});

std::vector<std::string_view> all_permissions() {
  std::vector<std::string_view> out;
  for (const auto& p : kCatalogue) out.push_back(p.name);
  return out;
}

}  // namespace

std::span<const PermissionInfo> permission_catalogue() { return kCatalogue; }

const PermissionInfo* find_permission(std::string_view name) {
  for (const auto& p : kCatalogue) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const std::vector<BuiltinRole>& builtin_roles() {
  static const std::vector<BuiltinRole> roles = {
      {"owner", "Everything, including users, roles and company settings", all_permissions()},
      {"administrator", "Everything, including users, roles and company settings", all_permissions()},
      {"finance", "Refunds, payouts, reports and balances",
       {"payments.read", "refunds.create", "refunds.unlimited", "payouts.read", "payouts.create", "balances.read",
        "reports.read", "reports.manage", "analytics.read", "chargebacks.read", "fx_rates.manage"}},
      {"operator", "Payments, payment links, refunds up to a limit and chargebacks",
       {"payments.read", "payments.write", "refunds.create", "links.read", "links.manage", "chargebacks.read",
        "chargebacks.manage", "analytics.read"}},
      {"fraud_analyst", "Fraud rules, reviews and chargebacks",
       {"payments.read", "fraud.read", "fraud.manage", "fraud.review", "chargebacks.read", "chargebacks.manage",
        "analytics.read"}},
      {"support", "Read payments and resend callbacks",
       {"payments.read", "links.read", "webhooks.read", "callbacks.resend"}},
      {"developer", "API keys, webhooks and logs",
       {"payments.read", "api_keys.read", "api_keys.manage", "webhooks.read", "webhooks.manage", "callbacks.resend",
        "logs.read"}},
      {"viewer", "Read only",
       {"payments.read", "links.read", "payouts.read", "balances.read", "reports.read", "fraud.read",
        "chargebacks.read", "analytics.read"}},
  };
  return roles;
}

std::vector<std::string> split_permissions(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string join_permissions(const std::vector<std::string>& permissions) {
  std::vector<std::string> sorted = permissions;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string out;
  for (const auto& p : sorted) {
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

}  // namespace kassa::identity

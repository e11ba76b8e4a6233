#pragma once
// The id types of every context, with their prefixes, in one place so the
// prefixes stay unique.
#include "common/id.hpp"

namespace kassa {

struct CompanyTag { static constexpr std::string_view prefix = "cmp"; };
struct ProjectTag { static constexpr std::string_view prefix = "prj"; };
struct UserTag { static constexpr std::string_view prefix = "usr"; };
struct RoleTag { static constexpr std::string_view prefix = "rol"; };
struct SessionTag { static constexpr std::string_view prefix = "ses"; };
struct ChallengeTag { static constexpr std::string_view prefix = "chl"; };
struct InvitationTag { static constexpr std::string_view prefix = "inv"; };
struct ApiKeyTag { static constexpr std::string_view prefix = "key"; };
struct StepUpTag { static constexpr std::string_view prefix = "suc"; };
struct AuditEventTag { static constexpr std::string_view prefix = "evt"; };
struct EmailTag { static constexpr std::string_view prefix = "eml"; };
struct PaymentTag { static constexpr std::string_view prefix = "pay"; };
struct OperationTag { static constexpr std::string_view prefix = "op"; };

using CompanyId = Id<CompanyTag>;
using ProjectId = Id<ProjectTag>;
using UserId = Id<UserTag>;
using RoleId = Id<RoleTag>;
using SessionId = Id<SessionTag>;
using ChallengeId = Id<ChallengeTag>;
using InvitationId = Id<InvitationTag>;
using ApiKeyId = Id<ApiKeyTag>;
using StepUpId = Id<StepUpTag>;
using AuditEventId = Id<AuditEventTag>;
using EmailId = Id<EmailTag>;
using PaymentId = Id<PaymentTag>;
using OperationId = Id<OperationTag>;

}  // namespace kassa

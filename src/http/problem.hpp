#pragma once
// Errors as application/problem+json (RFC 9457). The one place that maps error
// codes to HTTP statuses.
#include <string_view>

#include "common/result.hpp"
#include "http/message.hpp"

namespace kassa::http {

inline constexpr std::string_view kProblemTypeBase = "https://kassa.dev/problems/";

int status_of(ErrorCode code);
std::string_view title_of(int status);

// type: a stable slug ("malformed-json"); becomes kProblemTypeBase + slug.
Response problem(int status, std::string_view type, std::string_view detail, const std::vector<FieldError>& fields = {});
Response problem(const Error& error);

}  // namespace kassa::http

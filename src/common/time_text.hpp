#pragma once
// ISO 8601 in and out of the API: UTC times, and dates.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kassa {

// "2026-11-26T13:11:41.123Z" from milliseconds since the epoch.
std::string iso_utc_from_ms(int64_t ms);
// Accepts "YYYY-MM-DD" (midnight UTC), "YYYY-MM-DDTHH:MM[:SS[.fff]]Z" and "+HH:MM"/"-HH:MM" offsets.
std::optional<int64_t> ms_from_iso(std::string_view text);

}  // namespace kassa

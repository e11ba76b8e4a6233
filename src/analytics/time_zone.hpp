#pragma once
// Business time zones from the IANA database (/usr/share/zoneinfo, TZif files):
// offsets at an instant, the instant a local wall-clock time happens, and the
// civil-calendar arithmetic that day, week and month buckets need.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace kassa::analytics {

struct CivilDate {
  int year = 1970;
  unsigned month = 1;  // 1-12
  unsigned day = 1;    // 1-31
};

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
int64_t days_from_civil(CivilDate date);
CivilDate civil_from_days(int64_t days);
// 0 = Monday ... 6 = Sunday.
int weekday_from_days(int64_t days);
// "2026-03-29"
std::string date_text(CivilDate date);
// Parses "YYYY-MM-DD" exactly (a real calendar date).
std::optional<CivilDate> parse_date(std::string_view text);

class TimeZone {
 public:
  // "UTC" or an IANA name such as "Europe/Berlin"; 400 when unknown.
  static Result<TimeZone> load(std::string_view name);
  static TimeZone utc();

  const std::string& name() const { return name_; }
  // Seconds east of UTC at this instant.
  int32_t offset_at(int64_t utc_ms) const;
  // The instant a local wall-clock time (seconds since the local 1970-01-01T00:00)
  // happens: in a gap (spring forward), the end of the gap; in an overlap, the first.
  int64_t utc_ms_of_local(int64_t local_seconds) const;
  // "2026-03-29T02:00:00+02:00"
  std::string iso_text(int64_t utc_ms) const;
  // The local date at this instant.
  int64_t local_days(int64_t utc_ms) const;

 private:
  std::string name_;
  std::vector<int64_t> transitions_;  // UTC seconds, ascending
  std::vector<int32_t> offsets_;      // the offset from transitions_[i] on
  int32_t initial_offset_ = 0;        // before the first transition
};

}  // namespace kassa::analytics

#include "analytics/time_zone.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace kassa::analytics {
namespace {

constexpr std::string_view kZoneDirectory = "/usr/share/zoneinfo/";

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

uint32_t be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}
int64_t be64(const unsigned char* p) {
  return static_cast<int64_t>((uint64_t{be32(p)} << 32) | be32(p + 4));
}

bool valid_zone_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.find("..") != std::string_view::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '-' || c == '+';
  });
}

}  // namespace

int64_t days_from_civil(CivilDate date) {
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int weekday_from_days(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

std::string date_text(CivilDate date) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", date.year, date.month, date.day);
  return out;
}

std::optional<CivilDate> parse_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  for (const size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) if (t[i] < '0' || t[i] > '9') return std::nullopt;
  const auto num = [&](size_t at, size_t n) { int v = 0; for (size_t i = at; i < at + n; ++i) v = v * 10 + (t[i] - '0'); return v; };
  const CivilDate date{num(0, 4), static_cast<unsigned>(num(5, 2)), static_cast<unsigned>(num(8, 2))};
  if (date.month < 1 || date.month > 12 || date.day < 1) return std::nullopt;
  // A real date: it survives the round trip through day numbers.
  const CivilDate back = civil_from_days(days_from_civil(date));
  if (back.year != date.year || back.month != date.month || back.day != date.day) return std::nullopt;
  return date;
}

TimeZone TimeZone::utc() {
  TimeZone zone;
  zone.name_ = "UTC";
  return zone;
}

Result<TimeZone> TimeZone::load(std::string_view name) {
  if (name == "UTC" || name == "Etc/UTC") return utc();
  const auto unknown = [&] {
    return Error::invalid("unknown-time-zone", "unknown time zone " + std::string(name) + " (use an IANA name such as Europe/Berlin)");
  };
  if (!valid_zone_name(name)) return unknown();
  std::ifstream in(std::string(kZoneDirectory) + std::string(name), std::ios::binary);
  if (!in) return unknown();
  const std::vector<unsigned char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.size() < 44 || data[0] != 'T' || data[1] != 'Z' || data[2] != 'i' || data[3] != 'f') return unknown();

  // RFC 8536: a version-1 block with 32-bit times, then (version 2+) a header and a block with 64-bit times.
  struct Counts { uint32_t isut, isstd, leap, time, type, chars; };
  const auto counts_at = [&](size_t at) {
    const unsigned char* p = data.data() + at + 20;
    return Counts{be32(p), be32(p + 4), be32(p + 8), be32(p + 12), be32(p + 16), be32(p + 20)};
  };
  const auto block_size = [](const Counts& c, size_t time_size) {
    return c.time * time_size + c.time + c.type * 6 + c.chars + c.leap * (time_size + 4) + c.isstd + c.isut;
  };
  Counts counts = counts_at(0);
  size_t at = 44;
  size_t time_size = 4;
  if (data[4] >= '2') {
    at += block_size(counts, 4);
    if (data.size() < at + 44) return unknown();
    counts = counts_at(at);
    at += 44;
    time_size = 8;
  }
  if (data.size() < at + block_size(counts, time_size) || counts.type == 0) return unknown();
  const unsigned char* times = data.data() + at;
  const unsigned char* indices = times + counts.time * time_size;
  const unsigned char* types = indices + counts.time;
  TimeZone zone;
  zone.name_ = std::string(name);
  const auto offset_of_type = [&](size_t type) { return static_cast<int32_t>(be32(types + type * 6)); };
  zone.initial_offset_ = offset_of_type(0);
  for (uint32_t i = 0; i < counts.time; ++i) {
    const int64_t t = time_size == 8 ? be64(times + i * 8) : static_cast<int32_t>(be32(times + i * 4));
    const size_t type = indices[i];
    if (type >= counts.type) return unknown();
    zone.transitions_.push_back(t);
    zone.offsets_.push_back(offset_of_type(type));
  }
  return zone;
}

int32_t TimeZone::offset_at(int64_t utc_ms) const {
  const int64_t s = floor_div(utc_ms, 1000);
  const auto it = std::upper_bound(transitions_.begin(), transitions_.end(), s);
  if (it == transitions_.begin()) return initial_offset_;
  return offsets_[static_cast<size_t>(it - transitions_.begin() - 1)];
}

int64_t TimeZone::utc_ms_of_local(int64_t local_seconds) const {
  // Transitions are months apart: the offsets a day before and after cover every candidate.
  const int32_t before = offset_at((local_seconds - 86400) * 1000 - int64_t{initial_offset_} * 1000);
  const int32_t after = offset_at((local_seconds + 86400) * 1000 - int64_t{initial_offset_} * 1000);
  std::optional<int64_t> best;
  for (const int32_t offset : {before, after}) {
    const int64_t t = (local_seconds - offset) * 1000;
    if (offset_at(t) == offset && (!best || t < *best)) best = t;
  }
  if (best) return *best;
  // A gap: the wall clock jumped over this time; it resumes at the transition.
  const int64_t t = local_seconds - before;
  const auto it = std::upper_bound(transitions_.begin(), transitions_.end(), t);
  return it == transitions_.begin() ? t * 1000 : *(it - 1) * 1000;
}

int64_t TimeZone::local_days(int64_t utc_ms) const {
  return floor_div(floor_div(utc_ms, 1000) + offset_at(utc_ms), 86400);
}

std::string TimeZone::iso_text(int64_t utc_ms) const {
  const int32_t offset = offset_at(utc_ms);
  const int64_t local = floor_div(utc_ms, 1000) + offset;
  const CivilDate date = civil_from_days(floor_div(local, 86400));
  const int64_t second_of_day = local - floor_div(local, 86400) * 86400;
  const int32_t magnitude = offset < 0 ? -offset : offset;
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", date.year, date.month, date.day,
                static_cast<int>(second_of_day / 3600), static_cast<int>(second_of_day / 60 % 60),
                static_cast<int>(second_of_day % 60), offset < 0 ? '-' : '+', magnitude / 3600, magnitude / 60 % 60);
  return out;
}

}  // namespace kassa::analytics

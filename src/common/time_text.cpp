#include "common/time_text.hpp"

#include <chrono>
#include <cstdio>

#include "common/clock.hpp"

namespace kassa {

std::string iso_utc_from_ms(int64_t ms) { return format_utc(TimePoint(std::chrono::milliseconds(ms))); }

std::optional<int64_t> ms_from_iso(std::string_view text) {
  const auto digits = [&](size_t pos, size_t count) -> std::optional<int> {
    if (pos + count > text.size()) return std::nullopt;
    int value = 0;
    for (size_t i = pos; i < pos + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const auto year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
  if (!year || !month || !day || text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::sys_days(date).time_since_epoch()).count();
  if (text.size() == 10) return ms;
  if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
  const auto hour = digits(11, 2), minute = digits(14, 2);
  if (!hour || !minute || text[13] != ':' || *hour > 23 || *minute > 59) return std::nullopt;
  ms += (*hour * 3600LL + *minute * 60LL) * 1000;
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    const auto second = digits(pos + 1, 2);
    if (!second || *second > 59) return std::nullopt;
    ms += *second * 1000LL;
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      int64_t fraction = 0;
      int scale = 0;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (scale < 3) { fraction = fraction * 10 + (text[pos] - '0'); ++scale; }
        ++pos;
      }
      if (scale == 0) return std::nullopt;
      while (scale < 3) { fraction *= 10; ++scale; }
      ms += fraction;
    }
  }
  if (pos == text.size()) return std::nullopt;  // a time needs a zone
  if (text[pos] == 'Z' && pos + 1 == text.size()) return ms;
  if ((text[pos] == '+' || text[pos] == '-') && pos + 6 == text.size() && text[pos + 3] == ':') {
    const auto oh = digits(pos + 1, 2), om = digits(pos + 4, 2);
    if (!oh || !om || *oh > 23 || *om > 59) return std::nullopt;
    const int64_t offset = (*oh * 3600LL + *om * 60LL) * 1000;
    return text[pos] == '+' ? ms - offset : ms + offset;
  }
  return std::nullopt;
}

}  // namespace kassa

#pragma once
// Daily FX rates into a company's reporting currency, and the conversion of
// minor units that the analytics index and its SQL cross-check both follow.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kassa::analytics {

inline constexpr int64_t kRateScale = 1'000'000'000;  // rates are stored as rate * 1e9
inline constexpr int64_t kDayMs = 86'400'000;

// "0.9241" → 924100000; at most 9 integer and 9 fraction digits, > 0.
std::optional<int64_t> parse_rate(std::string_view text);
// 924100000 → "0.9241"
std::string rate_text(int64_t rate_e9);

// amount (minor units of a currency with `from_exponent` digits) * rate_e9 / 1e9,
// in minor units of a currency with `to_exponent` digits, rounded half away from zero.
int64_t convert_minor(int64_t amount, int from_exponent, int64_t rate_e9, int to_exponent);

struct FxRate {
  int64_t day = 0;  // days since 1970-01-01 (UTC)
  std::string currency;
  int64_t rate_e9 = 0;
};

// One company's rates, ready for lookups by (currency, UTC day).
class FxTable {
 public:
  FxTable() = default;
  FxTable(std::string reporting_currency, const std::vector<FxRate>& rates);

  const std::string& reporting_currency() const { return reporting_; }
  // The rate of the latest day on or before `day`, else of the earliest day; nullopt when the currency has none.
  std::optional<int64_t> rate(std::string_view currency, int64_t day) const;
  // The amount in the reporting currency; nullopt when there is no rate.
  std::optional<int64_t> to_reporting(int64_t amount, std::string_view currency, int64_t day) const;

 private:
  struct Series {
    int64_t first_day = 0;
    std::vector<int64_t> rates;  // one per day from first_day, carried forward over missing days
  };
  std::string reporting_;
  int reporting_exponent_ = 2;
  std::map<std::string, Series, std::less<>> series_;
};

}  // namespace kassa::analytics

#include "common/result.hpp"

namespace kassa::analytics {

// A CSV of rates: a header `day,currency,rate`, then one rate per line (quoted
// fields allowed). All or nothing: any bad line is an error naming each one.
Result<std::vector<FxRate>> parse_fx_csv(std::string_view csv, std::string_view reporting_currency, size_t max_lines);

}  // namespace kassa::analytics

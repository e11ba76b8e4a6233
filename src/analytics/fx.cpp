#include "analytics/fx.hpp"

#include <algorithm>

#include "common/money.hpp"

namespace kassa::analytics {
namespace {

__int128 pow10(int n) {
  __int128 v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

int exponent_of(std::string_view code) {
  const auto currency = Currency::from_code(code);
  return currency ? currency->exponent() : 2;
}

}  // namespace

std::optional<int64_t> parse_rate(std::string_view text) {
  const size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 9 || fraction.size() > 9 || (dot != std::string_view::npos && fraction.empty())) return std::nullopt;
  int64_t value = 0;
  for (const char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  int64_t frac = 0;
  for (size_t i = 0; i < 9; ++i) {
    const char c = i < fraction.size() ? fraction[i] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    frac = frac * 10 + (c - '0');
  }
  const int64_t rate = value * kRateScale + frac;
  if (rate <= 0) return std::nullopt;
  return rate;
}

std::string rate_text(int64_t rate_e9) {
  std::string fraction = std::to_string(rate_e9 % kRateScale);
  fraction.insert(0, 9 - fraction.size(), '0');
  while (fraction.size() > 1 && fraction.back() == '0') fraction.pop_back();
  return std::to_string(rate_e9 / kRateScale) + "." + fraction;
}

int64_t convert_minor(int64_t amount, int from_exponent, int64_t rate_e9, int to_exponent) {
  const __int128 numerator = static_cast<__int128>(amount) * rate_e9 * pow10(to_exponent);
  const __int128 denominator = pow10(from_exponent) * kRateScale;
  const __int128 magnitude = (numerator < 0 ? -numerator : numerator) + denominator / 2;
  const __int128 q = magnitude / denominator;
  return static_cast<int64_t>(numerator < 0 ? -q : q);
}

FxTable::FxTable(std::string reporting_currency, const std::vector<FxRate>& rates)
    : reporting_(std::move(reporting_currency)), reporting_exponent_(exponent_of(reporting_)) {
  std::map<std::string, std::vector<const FxRate*>, std::less<>> by_currency;
  for (const auto& r : rates) by_currency[r.currency].push_back(&r);
  for (auto& [currency, list] : by_currency) {
    std::sort(list.begin(), list.end(), [](const FxRate* a, const FxRate* b) { return a->day < b->day; });
    Series s;
    s.first_day = list.front()->day;
    s.rates.reserve(static_cast<size_t>(list.back()->day - s.first_day + 1));
    for (const FxRate* r : list) {
      while (static_cast<int64_t>(s.rates.size()) < r->day - s.first_day) s.rates.push_back(s.rates.back());
      if (static_cast<int64_t>(s.rates.size()) == r->day - s.first_day) s.rates.push_back(r->rate_e9);
      else s.rates.back() = r->rate_e9;
    }
    series_.emplace(currency, std::move(s));
  }
}

std::optional<int64_t> FxTable::rate(std::string_view currency, int64_t day) const {
  const auto it = series_.find(currency);
  if (it == series_.end()) return std::nullopt;
  const Series& s = it->second;
  const int64_t i = std::clamp<int64_t>(day - s.first_day, 0, static_cast<int64_t>(s.rates.size()) - 1);
  return s.rates[static_cast<size_t>(i)];
}

std::optional<int64_t> FxTable::to_reporting(int64_t amount, std::string_view currency, int64_t day) const {
  if (currency == reporting_) return amount;
  const auto r = rate(currency, day);
  if (!r) return std::nullopt;
  return convert_minor(amount, exponent_of(currency), *r, reporting_exponent_);
}

}  // namespace kassa::analytics

#include <csv.h>

#include "analytics/time_zone.hpp"

namespace kassa::analytics {

Result<std::vector<FxRate>> parse_fx_csv(std::string_view csv, std::string_view reporting_currency, size_t max_lines) {
  struct Parse {
    std::vector<std::vector<std::string>> lines;
    std::vector<std::string> fields;
  } parse;
  csv_parser parser;
  if (csv_init(&parser, CSV_APPEND_NULL) != 0) return Error::make(ErrorCode::unavailable, "csv-unavailable", "the CSV parser could not start");
  const auto on_field = [](void* text, size_t length, void* data) {
    static_cast<Parse*>(data)->fields.emplace_back(static_cast<const char*>(text), length);
  };
  const auto on_line = [](int, void* data) {
    auto* p = static_cast<Parse*>(data);
    p->lines.push_back(std::move(p->fields));
    p->fields.clear();
  };
  const size_t used = csv_parse(&parser, csv.data(), csv.size(), on_field, on_line, &parse);
  const bool broken = used != csv.size();
  csv_fini(&parser, on_field, on_line, &parse);
  csv_free(&parser);
  if (broken) return Error::invalid("bad-csv", "the file is not valid CSV");

  std::vector<FieldError> errors;
  std::vector<FxRate> out;
  const auto trimmed = [](std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    return s;
  };
  if (parse.lines.empty() || parse.lines.front().size() != 3 || trimmed(parse.lines.front()[0]) != "day" ||
      trimmed(parse.lines.front()[1]) != "currency" || trimmed(parse.lines.front()[2]) != "rate") {
    return Error::invalid("bad-csv", "the first line must be the header day,currency,rate", {{"line 1", "expected day,currency,rate"}});
  }
  if (parse.lines.size() - 1 > max_lines) {
    return Error::invalid("bad-csv", "at most " + std::to_string(max_lines) + " rates per file");
  }
  for (size_t i = 1; i < parse.lines.size(); ++i) {
    const auto& line = parse.lines[i];
    const std::string where = "line " + std::to_string(i + 1);
    if (line.size() == 1 && trimmed(line[0]).empty()) continue;  // a blank line
    if (line.size() != 3) {
      errors.push_back({where, "expected 3 fields, found " + std::to_string(line.size())});
    } else {
      const auto date = parse_date(trimmed(line[0]));
      const std::string currency = trimmed(line[1]);
      const auto rate = parse_rate(trimmed(line[2]));
      if (!date) errors.push_back({where, "the day must be a date YYYY-MM-DD"});
      else if (!Currency::from_code(currency)) errors.push_back({where, "unknown currency " + currency});
      else if (currency == reporting_currency) errors.push_back({where, currency + " is the reporting currency"});
      else if (!rate) errors.push_back({where, "the rate must be a positive decimal with at most 9 decimals"});
      else out.push_back({days_from_civil(*date), currency, *rate});
    }
    if (errors.size() >= 50) break;
  }
  if (!errors.empty()) return Error::invalid("bad-csv", "some lines are not valid rates; nothing was imported", errors);
  return out;
}

}  // namespace kassa::analytics

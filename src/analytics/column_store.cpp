#include "analytics/column_store.hpp"

#include <algorithm>
#include <mutex>
#include <numeric>

#include "common/id.hpp"
#include "common/money.hpp"

namespace kassa::analytics {
namespace {

// Rates by currency code, remembered per code for the last day asked: rows come in time order.
class RateCache {
 public:
  RateCache(const FxTable* fx, std::vector<std::string> currency_names)
      : fx_(fx), names_(std::move(currency_names)), day_(names_.size(), -1), rate_(names_.size(), 0),
        exponent_(names_.size(), 2), identity_(names_.size(), 0) {
    for (size_t i = 0; i < names_.size(); ++i) {
      if (const auto c = Currency::from_code(names_[i])) exponent_[i] = c->exponent();
      identity_[i] = fx_ && names_[i] == fx_->reporting_currency();
    }
    if (fx_) {
      if (const auto c = Currency::from_code(fx_->reporting_currency())) reporting_exponent_ = c->exponent();
    }
  }

  void convert(CodedRow& row) {
    const size_t c = row.currency;
    if (c >= names_.size() || !fx_) { row.amount_rep = row.fee_rep = 0; return; }
    if (identity_[c]) { row.amount_rep = row.amount; row.fee_rep = row.fee; return; }
    const int64_t day = IdGenerator::timestamp_ms_of(row.id) / kDayMs;
    if (day_[c] != day) {
      day_[c] = day;
      rate_[c] = fx_->rate(names_[c], day).value_or(0);
    }
    if (rate_[c] == 0) { row.amount_rep = row.fee_rep = 0; return; }
    row.amount_rep = convert_minor(row.amount, exponent_[c], rate_[c], reporting_exponent_);
    row.fee_rep = row.fee == 0 ? 0 : convert_minor(row.fee, exponent_[c], rate_[c], reporting_exponent_);
  }

 private:
  const FxTable* fx_;
  std::vector<std::string> names_;
  std::vector<int64_t> day_, rate_;
  std::vector<int> exponent_;
  std::vector<uint8_t> identity_;
  int reporting_exponent_ = 2;
};

std::vector<std::string> names_of(const Dictionary& dictionary) {
  std::vector<std::string> out(dictionary.size());
  for (uint32_t i = 0; i < out.size(); ++i) out[i] = dictionary.value(i);
  return out;
}

size_t column_bytes(const Segment& s) {
  return s.size() * (8 * 5 + 2 * 4 + 3);
}

}  // namespace

Dictionary::Dictionary(uint32_t max_codes) : max_(max_codes) {
  values_.emplace_back();
  codes_.emplace("", 0);
}

uint32_t Dictionary::code(std::string_view value) {
  {
    std::shared_lock lock(mutex_);
    if (const auto it = codes_.find(std::string(value)); it != codes_.end()) return it->second;
  }
  std::unique_lock lock(mutex_);
  if (const auto it = codes_.find(std::string(value)); it != codes_.end()) return it->second;
  if (values_.size() >= max_) throw std::length_error("analytics dictionary full");
  const auto code = static_cast<uint32_t>(values_.size());
  values_.emplace_back(value);
  codes_.emplace(std::string(value), code);
  return code;
}

std::optional<uint32_t> Dictionary::find(std::string_view value) const {
  std::shared_lock lock(mutex_);
  if (const auto it = codes_.find(std::string(value)); it != codes_.end()) return it->second;
  return std::nullopt;
}

std::string Dictionary::value(uint32_t code) const {
  std::shared_lock lock(mutex_);
  return code < values_.size() ? values_[code] : std::string();
}

uint32_t Dictionary::size() const {
  std::shared_lock lock(mutex_);
  return static_cast<uint32_t>(values_.size());
}

void Segment::reserve(size_t n) {
  id.reserve(n);
  for (auto* v : {&amount, &fee, &amount_rep, &fee_rep}) v->reserve(n);
  for (auto* v : {&project, &country, &card_brand, &decline_code}) v->reserve(n);
  for (auto* v : {&kind, &method, &currency}) v->reserve(n);
}

void Segment::push(const CodedRow& r) {
  id.push_back(r.id);
  amount.push_back(r.amount);
  fee.push_back(r.fee);
  amount_rep.push_back(r.amount_rep);
  fee_rep.push_back(r.fee_rep);
  project.push_back(r.project);
  country.push_back(r.country);
  card_brand.push_back(r.card_brand);
  decline_code.push_back(r.decline_code);
  kind.push_back(r.kind);
  method.push_back(r.method);
  currency.push_back(r.currency);
}

CodedRow Segment::row(size_t at) const {
  return {id[at], amount[at], fee[at], amount_rep[at], fee_rep[at], project[at], country[at], card_brand[at],
          decline_code[at], kind[at], method[at], currency[at]};
}

size_t Segment::bytes() const { return column_bytes(*this); }

size_t Segment::lower_bound(uint64_t value) const {
  return static_cast<size_t>(std::lower_bound(id.begin(), id.end(), value) - id.begin());
}

std::optional<uint16_t> CompanyColumns::project_code(uint64_t project_id) const {
  for (size_t i = 1; i < projects.size(); ++i) if (projects[i] == project_id) return static_cast<uint16_t>(i);
  return std::nullopt;
}

ColumnStore::ColumnStore() { snapshot_.store(std::make_shared<const Snapshot>()); }

CodedRow ColumnStore::code(const OperationFact& f, CompanyColumns& company) {
  CodedRow r;
  r.id = f.id;
  r.amount = f.amount;
  r.fee = f.fee;
  auto project = company.project_code(f.project_id);
  if (!project) {
    if (company.projects.empty()) company.projects.push_back(0);
    if (company.projects.size() > 65535) throw std::length_error("analytics: too many projects");
    company.projects.push_back(f.project_id);
    project = static_cast<uint16_t>(company.projects.size() - 1);
  }
  r.project = *project;
  r.kind = kind_of(f.type, f.status);
  r.method = static_cast<uint8_t>(dictionaries_.method.code(f.method));
  r.currency = static_cast<uint8_t>(dictionaries_.currency.code(f.currency));
  r.country = static_cast<uint16_t>(dictionaries_.country.code(f.country));
  r.card_brand = static_cast<uint16_t>(dictionaries_.card_brand.code(f.card_brand));
  r.decline_code = static_cast<uint16_t>(dictionaries_.decline_code.code(f.decline_code));
  if (company.currencies_seen.size() < 256) company.currencies_seen.resize(256);
  company.currencies_seen[r.currency] = 1;
  return r;
}

void ColumnStore::publish(std::shared_ptr<Snapshot> next) {
  next->rows = 0;
  next->bytes = 0;
  for (const auto& [id, company] : next->companies) {
    next->rows += company->rows;
    for (const auto& s : company->segments) next->bytes += s->bytes();
  }
  snapshot_.store(std::move(next));
}

ColumnStore::BulkLoad::BulkLoad(ColumnStore& store, std::map<uint64_t, std::shared_ptr<const FxTable>> fx)
    : store_(store), fx_(std::move(fx)) {}

void ColumnStore::BulkLoad::add(const OperationFact& fact) {
  auto& [company, rows] = companies_[fact.company_id];
  company.company_id = fact.company_id;
  rows.push(store_.code(fact, company));
}

void ColumnStore::BulkLoad::finish(int64_t as_of_change) {
  auto next = std::make_shared<Snapshot>();
  next->as_of_change = as_of_change;
  const auto currency_names = names_of(store_.dictionaries_.currency);
  for (auto& [company_id, pair] : companies_) {
    auto& [meta, rows] = pair;
    auto company = std::make_shared<CompanyColumns>(std::move(meta));
    if (const auto it = fx_.find(company_id); it != fx_.end()) company->fx = it->second;
    RateCache rates(company->fx.get(), currency_names);
    std::vector<uint32_t> order(rows.size());
    std::iota(order.begin(), order.end(), 0u);
    if (!std::is_sorted(rows.id.begin(), rows.id.end())) {
      std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return rows.id[a] < rows.id[b]; });
    }
    for (size_t start = 0; start < order.size(); start += kBulkSegmentRows) {
      const size_t end = std::min(order.size(), start + kBulkSegmentRows);
      auto segment = std::make_shared<Segment>();
      segment->reserve(end - start);
      for (size_t i = start; i < end; ++i) {
        CodedRow r = rows.row(order[i]);
        rates.convert(r);
        segment->push(r);
      }
      company->segments.push_back(std::move(segment));
    }
    company->rows = static_cast<int64_t>(order.size());
    rows = Segment();  // frees the unsorted rows before the next company
    next->companies.emplace(company_id, std::move(company));
  }
  // Companies with rates but no operations yet.
  for (const auto& [company_id, fx] : fx_) {
    if (next->companies.contains(company_id)) continue;
    auto company = std::make_shared<CompanyColumns>();
    company->company_id = company_id;
    company->fx = fx;
    next->companies.emplace(company_id, std::move(company));
  }
  companies_.clear();
  store_.publish(std::move(next));
}

void ColumnStore::apply(std::span<const OperationFact> facts, int64_t as_of_change) {
  const auto current = snapshot();
  auto next = std::make_shared<Snapshot>(*current);
  next->as_of_change = std::max(as_of_change, current->as_of_change);
  std::map<uint64_t, std::vector<const OperationFact*>> by_company;
  for (const auto& f : facts) by_company[f.company_id].push_back(&f);
  const auto currency_names = names_of(dictionaries_.currency);

  for (auto& [company_id, list] : by_company) {
    auto company = std::make_shared<CompanyColumns>();
    if (const auto it = next->companies.find(company_id); it != next->companies.end()) *company = *it->second;
    company->company_id = company_id;
    RateCache rates(company->fx.get(), currency_names);
    auto& segments = company->segments;

    // Code the rows; a later change of the same id wins (stable sort, keep the last).
    std::vector<CodedRow> rows;
    rows.reserve(list.size());
    for (const OperationFact* f : list) {
      rows.push_back(code(*f, *company));
      rates.convert(rows.back());
    }
    std::stable_sort(rows.begin(), rows.end(), [](const CodedRow& a, const CodedRow& b) { return a.id < b.id; });
    std::vector<CodedRow> unique;
    unique.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      if (i + 1 < rows.size() && rows[i + 1].id == rows[i].id) continue;
      unique.push_back(rows[i]);
    }

    // Rows past the last segment's end are appended; the others are merged into the
    // segment whose range holds them (or the one before the gap they fall in).
    const uint64_t last_id = segments.empty() || segments.back()->id.empty() ? 0 : segments.back()->id.back();
    const auto tail_begin = std::upper_bound(unique.begin(), unique.end(), last_id, [](uint64_t v, const CodedRow& r) { return v < r.id; });
    std::map<size_t, std::vector<CodedRow>> into;
    for (auto it = unique.begin(); it != tail_begin; ++it) {
      size_t i = static_cast<size_t>(std::upper_bound(segments.begin(), segments.end(), it->id,
                                                      [](uint64_t id, const auto& seg) { return !seg->id.empty() && id < seg->id.front(); }) -
                                     segments.begin());
      into[i == 0 ? 0 : i - 1].push_back(*it);
    }
    // From the last touched segment back, so splitting one keeps the indexes of those before it.
    for (auto entry = into.rbegin(); entry != into.rend(); ++entry) {
      const size_t i = entry->first;
      const auto& incoming = entry->second;
      const Segment& old = *segments[i];
      auto merged = std::make_shared<Segment>();
      merged->reserve(old.size() + incoming.size());
      size_t a = 0, b = 0;
      while (a < old.size() || b < incoming.size()) {
        if (b == incoming.size() || (a < old.size() && old.id[a] < incoming[b].id)) {
          merged->push(old.row(a++));
        } else {
          if (a < old.size() && old.id[a] == incoming[b].id) ++a;  // replaced
          else ++company->rows;
          merged->push(incoming[b++]);
        }
      }
      if (merged->size() <= 2 * kBulkSegmentRows) {
        segments[i] = std::move(merged);
        continue;
      }
      // A large backfill: cut into bulk-sized segments.
      std::vector<std::shared_ptr<const Segment>> pieces;
      for (size_t start = 0; start < merged->size(); start += kBulkSegmentRows) {
        auto piece = std::make_shared<Segment>();
        const size_t end = std::min(merged->size(), start + kBulkSegmentRows);
        piece->reserve(end - start);
        for (size_t r = start; r < end; ++r) piece->push(merged->row(r));
        pieces.push_back(std::move(piece));
      }
      segments.erase(segments.begin() + static_cast<std::ptrdiff_t>(i));
      segments.insert(segments.begin() + static_cast<std::ptrdiff_t>(i), pieces.begin(), pieces.end());
    }
    if (tail_begin != unique.end()) {
      std::shared_ptr<Segment> tail;
      if (!segments.empty() && segments.back()->size() < kTailSegmentRows) {
        tail = std::make_shared<Segment>(*segments.back());
        segments.back() = tail;
      }
      for (auto it = tail_begin; it != unique.end(); ++it) {
        if (!tail || tail->size() >= kTailSegmentRows) {
          tail = std::make_shared<Segment>();
          tail->reserve(kTailSegmentRows);
          segments.push_back(tail);
        }
        tail->push(*it);
        ++company->rows;
      }
    }
    // Compaction: a run of small segments before the tail becomes one bulk segment.
    size_t small_run = 0;
    while (small_run + 1 < segments.size() && segments[segments.size() - 2 - small_run]->size() <= kTailSegmentRows) ++small_run;
    if (small_run >= kBulkSegmentRows / kTailSegmentRows) {
      const size_t first = segments.size() - 1 - small_run;
      auto merged = std::make_shared<Segment>();
      merged->reserve(small_run * kTailSegmentRows);
      for (size_t i = first; i < first + small_run; ++i) {
        for (size_t r = 0; r < segments[i]->size(); ++r) merged->push(segments[i]->row(r));
      }
      segments.erase(segments.begin() + static_cast<std::ptrdiff_t>(first), segments.begin() + static_cast<std::ptrdiff_t>(first + small_run));
      segments.insert(segments.begin() + static_cast<std::ptrdiff_t>(first), std::move(merged));
    }
    next->companies[company_id] = std::move(company);
  }
  publish(std::move(next));
}

void ColumnStore::set_fx_locked(CompanyColumns& company, std::shared_ptr<const FxTable> fx) const {
  company.fx = std::move(fx);
  RateCache rates(company.fx.get(), names_of(dictionaries_.currency));
  for (auto& segment : company.segments) {
    auto copy = std::make_shared<Segment>(*segment);
    for (size_t r = 0; r < copy->size(); ++r) {
      CodedRow row = copy->row(r);
      rates.convert(row);
      copy->amount_rep[r] = row.amount_rep;
      copy->fee_rep[r] = row.fee_rep;
    }
    segment = std::move(copy);
  }
}

void ColumnStore::set_fx(uint64_t company_id, std::shared_ptr<const FxTable> fx) {
  const auto current = snapshot();
  auto next = std::make_shared<Snapshot>(*current);
  auto company = std::make_shared<CompanyColumns>();
  if (const auto it = next->companies.find(company_id); it != next->companies.end()) *company = *it->second;
  company->company_id = company_id;
  set_fx_locked(*company, std::move(fx));
  next->companies[company_id] = std::move(company);
  publish(std::move(next));
}

}  // namespace kassa::analytics

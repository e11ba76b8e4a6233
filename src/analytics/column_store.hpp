#pragma once
// The analytics index's storage: every operation of every company as columns
// in memory, one array per column, categorical columns dictionary-encoded,
// rows ordered by id (which is time order) in segments.
//
// Concurrency: readers take an immutable snapshot (a shared pointer) and scan
// it without locks; the one writer (the follower) copies the segments a batch
// of changes touches, changes the copies and publishes a new snapshot. Readers
// never block the writer and never see a half-applied batch.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analytics/fx.hpp"

namespace kassa::analytics {

// An operation as the index takes it in.
struct OperationFact {
  uint64_t id = 0;
  uint64_t payment_id = 0;
  uint64_t company_id = 0;
  uint64_t project_id = 0;
  uint8_t type = 0;    // payments::OperationType
  uint8_t status = 0;  // payments::OperationStatus
  int64_t amount = 0;
  int64_t fee = 0;
  std::string currency, method, country, card_brand, decline_code;
  int64_t change_seq = 0;
};

inline uint8_t kind_of(uint8_t type, uint8_t status) { return static_cast<uint8_t>(type << 2 | status); }
inline constexpr int kKinds = 7 << 2;

// Strings to small codes and back; code 0 is the empty string. Shared by all companies.
class Dictionary {
 public:
  explicit Dictionary(uint32_t max_codes);
  uint32_t code(std::string_view value);                // adds unknown values
  std::optional<uint32_t> find(std::string_view value) const;
  std::string value(uint32_t code) const;
  uint32_t size() const;                                // codes in use, 0 included

 private:
  const uint32_t max_;
  mutable std::shared_mutex mutex_;
  std::vector<std::string> values_;
  std::unordered_map<std::string, uint32_t> codes_;
};

struct Dictionaries {
  Dictionary method{256}, currency{256}, country{65536}, card_brand{65536}, decline_code{65536};
};

// One row, coded.
struct CodedRow {
  uint64_t id = 0;
  int64_t amount = 0, fee = 0, amount_rep = 0, fee_rep = 0;
  uint16_t project = 0, country = 0, card_brand = 0, decline_code = 0;
  uint8_t kind = 0, method = 0, currency = 0;
};

struct Segment {
  std::vector<uint64_t> id;
  std::vector<int64_t> amount, fee, amount_rep, fee_rep;  // minor units; *_rep in the reporting currency
  std::vector<uint16_t> project, country, card_brand, decline_code;
  std::vector<uint8_t> kind, method, currency;

  size_t size() const { return id.size(); }
  void reserve(size_t n);
  void push(const CodedRow& r);
  CodedRow row(size_t at) const;
  size_t bytes() const;
  // The first row with id >= value.
  size_t lower_bound(uint64_t value) const;
};

struct CompanyColumns {
  uint64_t company_id = 0;
  std::vector<std::shared_ptr<const Segment>> segments;  // ascending, ids never overlap
  std::vector<uint64_t> projects;                        // project code → project id (code 0 unused)
  std::shared_ptr<const FxTable> fx;                     // into the reporting currency
  std::vector<uint8_t> currencies_seen;                  // currency codes present (flag per code)
  int64_t rows = 0;

  std::optional<uint16_t> project_code(uint64_t project_id) const;
};

struct Snapshot {
  std::map<uint64_t, std::shared_ptr<const CompanyColumns>> companies;
  int64_t as_of_change = 0;
  int64_t rows = 0;
  size_t bytes = 0;  // column memory
};

class ColumnStore {
 public:
  static constexpr size_t kTailSegmentRows = 2048;   // appends copy at most this much
  static constexpr size_t kBulkSegmentRows = 65536;  // segments built at start-up and by compaction

  ColumnStore();
  std::shared_ptr<const Snapshot> snapshot() const { return snapshot_.load(); }
  Dictionaries& dictionaries() { return dictionaries_; }
  const Dictionaries& dictionaries() const { return dictionaries_; }

  // Writer side: one thread at a time.
  // Replaces everything (start-up): add every operation in any order, then finish.
  class BulkLoad {
   public:
    BulkLoad(ColumnStore& store, std::map<uint64_t, std::shared_ptr<const FxTable>> fx);
    void add(const OperationFact& fact);
    void finish(int64_t as_of_change);

   private:
    ColumnStore& store_;
    std::map<uint64_t, std::shared_ptr<const FxTable>> fx_;
    std::map<uint64_t, std::pair<CompanyColumns, Segment>> companies_;
  };
  // Inserts new operations and replaces changed ones (the same id).
  void apply(std::span<const OperationFact> facts, int64_t as_of_change);
  // New rates or a new reporting currency: re-converts the company's rows.
  void set_fx(uint64_t company_id, std::shared_ptr<const FxTable> fx);

 private:
  CodedRow code(const OperationFact& f, CompanyColumns& company);
  void convert(CodedRow& row, const CompanyColumns& company) const;
  void set_fx_locked(CompanyColumns& company, std::shared_ptr<const FxTable> fx) const;
  void publish(std::shared_ptr<Snapshot> next);

  Dictionaries dictionaries_;
  std::atomic<std::shared_ptr<const Snapshot>> snapshot_;
};

}  // namespace kassa::analytics

#include <algorithm>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "audit/audit.hpp"
#include "common/crypto.hpp"
#include "common/ids.hpp"
#include "common/time_text.hpp"

namespace kassa::audit {
namespace {

constexpr std::string_view kAdvanceHead = "UPDATE audit_heads SET seq = seq + 1 WHERE company_id = $1 RETURNING seq, hash";
constexpr std::string_view kLockHead = "UPDATE audit_heads SET seq = seq WHERE company_id = $1 RETURNING seq, hash";
constexpr std::string_view kSetHead = "UPDATE audit_heads SET seq = $1, hash = $2 WHERE company_id = $3";
constexpr std::string_view kSetHeadHash = "UPDATE audit_heads SET hash = $1 WHERE company_id = $2";
constexpr std::string_view kInsertHead = "INSERT INTO audit_heads (company_id, seq, hash) VALUES ($1, 0, $2)";
constexpr std::string_view kInsertEvent =
    "INSERT INTO audit_events (id, company_id, seq, occurred_at_ms, actor_type, actor_id, actor_label, action,"
    " target_type, target_id, ip, user_agent, before_json, after_json, prev_hash, hash)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";
constexpr std::string_view kInsertPending =
    "INSERT INTO audit_pending (id, company_id, occurred_at_ms, actor_type, actor_id, actor_label, action, target_type,"
    " target_id, ip, user_agent, before_json, after_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
// Claims (deletes and returns) a company's oldest pending events; the caller holds the head.
constexpr std::string_view kClaimPending =
    "DELETE FROM audit_pending WHERE id IN (SELECT id FROM audit_pending WHERE company_id = $1 ORDER BY id LIMIT $2)"
    " RETURNING id, company_id, occurred_at_ms, actor_type, actor_id, actor_label, action, target_type, target_id, ip,"
    " user_agent, before_json, after_json";
constexpr int64_t kFoldBatch = 1000;
constexpr std::string_view kEventColumns =
    "id, company_id, seq, occurred_at_ms, actor_type, actor_id, actor_label, action, target_type, target_id, ip,"
    " user_agent, before_json, after_json, prev_hash, hash";

StoredEvent read_event(const db::Row& r) {
  return StoredEvent{static_cast<uint64_t>(r.int64(0)), static_cast<uint64_t>(r.int64(1)), r.int64(2), r.int64(3),
                     std::string(r.text(4)), static_cast<uint64_t>(r.int64(5)), std::string(r.text(6)),
                     std::string(r.text(7)), std::string(r.text(8)), std::string(r.text(9)), std::string(r.text(10)),
                     std::string(r.text(11)), std::string(r.text(12)), std::string(r.text(13)),
                     std::string(r.text(14)), std::string(r.text(15))};
}

int64_t i64(uint64_t v) { return static_cast<int64_t>(v); }

}  // namespace

Actor Actor::of(const Principal& p) {
  return Actor{p.kind == Principal::Kind::user ? "user" : "api_key", p.id, p.label, p.ip, p.user_agent};
}
Actor Actor::anonymous(std::string ip, std::string user_agent) {
  return Actor{"anonymous", 0, "", std::move(ip), std::move(user_agent)};
}
Actor Actor::system(std::string label) { return Actor{"system", 0, std::move(label), "", ""}; }

std::string event_hash(const StoredEvent& e) {
  const boost::json::array fields{e.id, e.company_id, e.seq, e.occurred_at_ms, e.actor_type, e.actor_id,
                                  e.actor_label, e.action, e.target_type, e.target_id, e.ip, e.user_agent,
                                  e.before_json, e.after_json, e.prev_hash};
  return crypto::sha256_hex(boost::json::serialize(fields));
}

void AuditService::start_chain(db::Connection& c, uint64_t company_id) {
  c.execute(kInsertHead, {i64(company_id), kGenesisHash});
}

void AuditService::record(db::Connection& c, const Event& event) {
  StoredEvent e;
  e.id = ids_.next();
  e.company_id = event.company_id;
  e.occurred_at_ms = clock_.now_ms();
  e.actor_type = event.actor.type;
  e.actor_id = event.actor.id;
  e.actor_label = event.actor.label;
  e.action = event.action;
  e.target_type = event.target_type;
  e.target_id = event.target_id;
  e.ip = event.actor.ip;
  e.user_agent = event.actor.user_agent.substr(0, 512);
  e.before_json = boost::json::serialize(event.before);
  e.after_json = boost::json::serialize(event.after);
  if (c.backend() == db::Backend::postgresql) {
    // Chaining takes the company's head row until the commit, which serialised every payment of
    // a company. The event commits here with the change, unchained; fold() chains it in id order.
    c.execute_later(kInsertPending, {i64(e.id), i64(e.company_id), e.occurred_at_ms, e.actor_type, i64(e.actor_id), e.actor_label,
                               e.action, e.target_type, e.target_id, e.ip, e.user_agent, e.before_json, e.after_json});
    return;
  }
  // SQLite writes one transaction at a time: the event is chained at once.
  bool found = false;
  c.query(kAdvanceHead, {i64(event.company_id)}, [&](const db::Row& r) {
    e.seq = r.int64(0);
    e.prev_hash = std::string(r.text(1));
    found = true;
  });
  if (!found) throw std::logic_error("audit chain missing for company " + std::to_string(event.company_id));
  append(c, e);
  c.execute(kSetHead, {e.seq, e.hash, i64(e.company_id)});
}

void AuditService::append(db::Connection& c, StoredEvent& e) const {
  e.hash = event_hash(e);
  c.execute_later(kInsertEvent, {i64(e.id), i64(e.company_id), e.seq, e.occurred_at_ms, e.actor_type, i64(e.actor_id),
                           e.actor_label, e.action, e.target_type, e.target_id, e.ip, e.user_agent, e.before_json,
                           e.after_json, e.prev_hash, e.hash});
}

int64_t AuditService::fold_company(db::Connection& c, uint64_t company_id) const {
  // The head is locked first: a second folder (another process) waits here, then claims only
  // what is still pending, so no event is chained twice and none is skipped.
  int64_t seq = -1;
  std::string prev;
  c.query(kLockHead, {i64(company_id)}, [&](const db::Row& r) {
    seq = r.int64(0);
    prev = std::string(r.text(1));
  });
  if (seq < 0) return 0;
  std::vector<StoredEvent> events;
  c.query(kClaimPending, {i64(company_id), kFoldBatch}, [&](const db::Row& r) {
    events.push_back(StoredEvent{static_cast<uint64_t>(r.int64(0)), static_cast<uint64_t>(r.int64(1)), 0, r.int64(2),
                                 std::string(r.text(3)), static_cast<uint64_t>(r.int64(4)), std::string(r.text(5)),
                                 std::string(r.text(6)), std::string(r.text(7)), std::string(r.text(8)),
                                 std::string(r.text(9)), std::string(r.text(10)), std::string(r.text(11)),
                                 std::string(r.text(12)), "", ""});
  });
  if (events.empty()) return 0;
  std::sort(events.begin(), events.end(), [](const StoredEvent& a, const StoredEvent& b) { return a.id < b.id; });
  for (auto& e : events) {
    e.seq = ++seq;
    e.prev_hash = prev;
    append(c, e);
    prev = e.hash;
  }
  c.execute(kSetHead, {seq, prev, i64(company_id)});
  return static_cast<int64_t>(events.size());
}

int64_t AuditService::fold(db::Database& database, std::optional<uint64_t> company_id) const {
  if (database.backend() != db::Backend::postgresql) return 0;
  std::vector<uint64_t> companies;
  database.read([&](db::Connection& c) {
    if (company_id) {
      if (c.query_int64("SELECT COUNT(*) FROM (SELECT 1 FROM audit_pending WHERE company_id = $1 LIMIT 1) p",
                        {i64(*company_id)}) > 0) {
        companies.push_back(*company_id);
      }
      return;
    }
    c.query("SELECT DISTINCT company_id FROM audit_pending", {},
            [&](const db::Row& r) { companies.push_back(static_cast<uint64_t>(r.int64(0))); });
  });
  int64_t folded = 0;
  for (const uint64_t company : companies) {
    while (true) {
      const int64_t n = database.write([&](db::Connection& c) { return fold_company(c, company); });
      folded += n;
      if (n < kFoldBatch) break;
    }
  }
  return folded;
}

void AuditService::record_now(db::Database& database, const Event& event) {
  database.write([&](db::Connection& c) { record(c, event); });
}

Page AuditService::list(db::Database& database, uint64_t company_id, const Filter& f) const {
  fold(database, company_id);  // what has committed is listed, chained
  std::string sql = "SELECT " + std::string(kEventColumns) + " FROM audit_events WHERE company_id = $1";
  std::vector<db::Param> params{i64(company_id)};
  std::vector<std::string> texts;  // keeps bound strings alive
  texts.reserve(8);
  const auto add = [&](std::string clause, db::Param p) {
    params.push_back(p);
    sql += " AND " + clause + " $" + std::to_string(params.size());
  };
  if (f.action) {
    if (f.action->ends_with('.')) {
      texts.push_back(*f.action + "%");
      add("action LIKE", std::string_view(texts.back()));
    } else {
      add("action =", std::string_view(*f.action));
    }
  }
  if (f.actor_id) add("actor_id =", i64(*f.actor_id));
  if (f.target_type) add("target_type =", std::string_view(*f.target_type));
  if (f.target_id) add("target_id =", std::string_view(*f.target_id));
  if (f.from_ms) add("occurred_at_ms >=", *f.from_ms);
  if (f.to_ms) add("occurred_at_ms <", *f.to_ms);
  if (f.starting_after) add("id <", i64(*f.starting_after));
  params.push_back(int64_t{f.limit + 1});
  sql += " ORDER BY id DESC LIMIT $" + std::to_string(params.size());
  Page page;
  database.read([&](db::Connection& c) {
    c.run(sql, params, [&](const db::Row& r) { page.events.push_back(read_event(r)); });
  });
  if (static_cast<int>(page.events.size()) > f.limit) {
    page.events.pop_back();
    page.has_more = true;
  }
  return page;
}

VerifyReport AuditService::verify(db::Database& database) const {
  VerifyReport report;
  fold(database, std::nullopt);
  database.read([&](db::Connection& c) {
    std::vector<std::tuple<uint64_t, int64_t, std::string>> heads;
    c.query("SELECT company_id, seq, hash FROM audit_heads ORDER BY company_id", {}, [&](const db::Row& r) {
      heads.emplace_back(static_cast<uint64_t>(r.int64(0)), r.int64(1), std::string(r.text(2)));
    });
    for (const auto& [company, head_seq, head_hash] : heads) {
      int64_t expected_seq = 1;
      std::string prev(kGenesisHash);
      const std::string where = "company " + std::to_string(company);
      c.query("SELECT " + std::string(kEventColumns) + " FROM audit_events WHERE company_id = $1 ORDER BY seq",
              {i64(company)}, [&](const db::Row& r) {
                const StoredEvent e = read_event(r);
                ++report.events_checked;
                if (e.seq != expected_seq) {
                  report.problems.push_back(where + ": event " + std::to_string(expected_seq) + " is missing (next is " + std::to_string(e.seq) + ")");
                }
                if (e.prev_hash != prev) report.problems.push_back(where + ": event " + std::to_string(e.seq) + " does not link to the one before");
                if (event_hash(e) != e.hash) report.problems.push_back(where + ": event " + std::to_string(e.seq) + " was changed after it was written");
                prev = e.hash;
                expected_seq = e.seq + 1;
              });
      if (expected_seq - 1 != head_seq || prev != head_hash) {
        report.problems.push_back(where + ": the chain ends at event " + std::to_string(expected_seq - 1) +
                                  " but the head says " + std::to_string(head_seq) + " (events removed from the end?)");
      }
    }
  });
  return report;
}

boost::json::value to_json(const StoredEvent& e) {
  const auto parse_or_null = [](const std::string& text) -> boost::json::value {
    boost::system::error_code ec;
    auto v = boost::json::parse(text, ec);
    return ec ? boost::json::value(nullptr) : v;
  };
  boost::json::object actor{{"type", e.actor_type}, {"label", e.actor_label}};
  if (e.actor_type == "user") actor["id"] = UserId(e.actor_id).to_string();
  else if (e.actor_type == "api_key") actor["id"] = ApiKeyId(e.actor_id).to_string();
  else actor["id"] = nullptr;
  return boost::json::object{{"id", AuditEventId(e.id).to_string()},
                             {"seq", e.seq},
                             {"occurred_at", iso_utc_from_ms(e.occurred_at_ms)},
                             {"actor", std::move(actor)},
                             {"action", e.action},
                             {"target", boost::json::object{{"type", e.target_type}, {"id", e.target_id}}},
                             {"ip", e.ip},
                             {"user_agent", e.user_agent},
                             {"before", parse_or_null(e.before_json)},
                             {"after", parse_or_null(e.after_json)},
                             {"hash", e.hash},
                             {"prev_hash", e.prev_hash}};
}

}  // namespace kassa::audit

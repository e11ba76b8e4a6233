#pragma once
// The SQL of payments and operations.
#include <optional>
#include <set>
#include <vector>

#include "db/database.hpp"
#include "payments/payments.hpp"

namespace kassa::payments::store {

void insert_payment(db::Connection& c, const Payment& p);
// Locks the payment's row for this transaction (PostgreSQL; SQLite writes are serial) and bumps its version.
bool lock_payment(db::Connection& c, uint64_t company_id, uint64_t payment_id);
std::optional<Payment> payment_by_id(db::Connection& c, uint64_t company_id, uint64_t payment_id);
std::optional<Payment> payment_by_reference(db::Connection& c, uint64_t project_id, const std::string& reference);
void update_payment_state(db::Connection& c, const Payment& p);
std::vector<Payment> list_payments(db::Connection& c, uint64_t company_id, const ProjectSet& projects, const Filter& f);

// Change numbers. SQLite: a counter row, so numbers commit in order (writes are serial).
// PostgreSQL: the sequence `change_numbers`, so no transaction waits for another's commit;
// a number can then commit after a higher one, which followers allow for (see
// analytics::ChangeCursor). A transaction takes its numbers after its first write, so that it
// has a transaction id by then (followers wait on transaction ids); next_change_seqs sees to it.
int64_t next_change_seq(db::Connection& c);
// count numbers at once (bulk writes), ascending.
std::vector<int64_t> next_change_seqs(db::Connection& c, int64_t count);
void insert_operation(db::Connection& c, const Operation& o);
// Store the operation stamped with the next change number (set on `o`), taken in the same
// statement on PostgreSQL (one round trip less).
void insert_operation_numbered(db::Connection& c, Operation& o);
void update_operation_numbered(db::Connection& c, Operation& o);
void update_operation(db::Connection& c, const Operation& o);
std::optional<Operation> operation_by_id(db::Connection& c, uint64_t operation_id);
std::vector<Operation> operations_of(db::Connection& c, uint64_t payment_id);
std::vector<Operation> list_operations(db::Connection& c, uint64_t company_id, const ProjectSet& projects, const Filter& f);
// The amount of refunds still with the processor: reserved against the refundable amount.
int64_t processing_amount(db::Connection& c, uint64_t payment_id, std::string_view type);

FeePlan fee_plan(db::Connection& c, uint64_t project_id, const std::string& method);

// Operations processing since before `before_ms` with no processor answer recorded.
std::vector<Operation> stuck_operations(db::Connection& c, int64_t before_ms, int64_t limit);
bool still_stuck(db::Connection& c, uint64_t operation_id);

}  // namespace kassa::payments::store

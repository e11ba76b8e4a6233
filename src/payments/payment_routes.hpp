#pragma once
#include "identity/guard.hpp"
#include "ledger/ledger.hpp"
#include "payments/payments.hpp"

namespace kassa::payments {

void add_payment_routes(identity::Guard& guard, PaymentService& payments, ledger::LedgerService& ledger, db::Database& database);

}  // namespace kassa::payments

-- Payments, operations, the change sequence, the ledger, fee plans and
-- idempotency keys. Amounts are BIGINT minor units; times ms since the epoch.
--
-- No foreign keys point at rows every payment shares (the company, the project,
-- a ledger account): on PostgreSQL each would take a key-share lock on that row
-- from every concurrent transaction (multixact contention). The services keep
-- those references valid; `kassa ledger verify` checks the ledger's.

CREATE TABLE payments (
  id BIGINT PRIMARY KEY,                 -- time-ordered: lists page by id
  company_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  merchant_reference TEXT NOT NULL,
  amount BIGINT NOT NULL,
  currency TEXT NOT NULL,
  method TEXT NOT NULL,                  -- card, apple_pay, google_pay, sepa
  status TEXT NOT NULL,                  -- derived by the state machine
  capture SMALLINT NOT NULL,             -- 1: sale, 0: auth then capture
  authorized_amount BIGINT NOT NULL,
  captured_amount BIGINT NOT NULL,
  refunded_amount BIGINT NOT NULL,
  charged_back_amount BIGINT NOT NULL,
  cancelled SMALLINT NOT NULL,
  first_status TEXT NOT NULL,
  customer_email TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  customer_ip TEXT NOT NULL,
  customer_country TEXT NOT NULL,
  card_token TEXT NOT NULL,
  card_first6 TEXT NOT NULL,
  card_last4 TEXT NOT NULL,
  card_brand TEXT NOT NULL,
  card_exp_month BIGINT NOT NULL,
  card_exp_year BIGINT NOT NULL,
  card_issuer_country TEXT NOT NULL,
  description TEXT NOT NULL,
  metadata_json TEXT NOT NULL,
  processor TEXT NOT NULL,
  processor_reference TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  UNIQUE (project_id, merchant_reference)
);
CREATE INDEX payments_company ON payments (company_id, id);
CREATE INDEX payments_company_status ON payments (company_id, status, id);
CREATE INDEX payments_company_email ON payments (company_id, customer_email, id);
CREATE INDEX payments_company_last4 ON payments (company_id, card_last4, id);

CREATE TABLE operations (
  id BIGINT PRIMARY KEY,
  payment_id BIGINT NOT NULL REFERENCES payments (id),
  company_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  type TEXT NOT NULL,                    -- sale, auth, capture, cancel, refund, chargeback, reversal
  status TEXT NOT NULL,                  -- processing, success, decline, error
  amount BIGINT NOT NULL,
  currency TEXT NOT NULL,
  fee BIGINT NOT NULL,
  method TEXT NOT NULL,
  processor_reference TEXT NOT NULL,
  decline_code TEXT NOT NULL,
  decline_message TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  change_seq BIGINT NOT NULL UNIQUE      -- stamped on every insert and change, in commit order
);
CREATE INDEX operations_payment ON operations (payment_id, id);
CREATE INDEX operations_company ON operations (company_id, id);

-- One row: the last change sequence number given out. Taking the next one locks
-- the row, so numbers are handed out in commit order (followers never miss one).
CREATE TABLE change_sequence (
  id BIGINT PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO change_sequence (id, value) VALUES (1, 0);

CREATE TABLE ledger_accounts (
  id BIGINT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  currency TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- available, pending, fees, refunds, chargebacks, payouts, processor_settlement
  UNIQUE (project_id, currency, kind)
);

-- An account's balance is the sum of its shards, each the sum of some of its
-- entries, kept in the posting's transaction. Postings pick a shard at random,
-- so concurrent payments of one project do not queue on one row.
CREATE TABLE ledger_balances (
  account_id BIGINT NOT NULL,
  shard BIGINT NOT NULL,
  balance BIGINT NOT NULL,
  PRIMARY KEY (account_id, shard)
);
CREATE INDEX ledger_accounts_company ON ledger_accounts (company_id);

CREATE TABLE ledger_transactions (
  id BIGINT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  operation_id BIGINT NOT NULL,
  created_at_ms BIGINT NOT NULL
);
CREATE INDEX ledger_transactions_operation ON ledger_transactions (operation_id);

CREATE TABLE ledger_entries (
  id BIGINT PRIMARY KEY,
  transaction_id BIGINT NOT NULL REFERENCES ledger_transactions (id),
  account_id BIGINT NOT NULL,
  amount BIGINT NOT NULL
);
CREATE INDEX ledger_entries_transaction ON ledger_entries (transaction_id);
CREATE INDEX ledger_entries_account ON ledger_entries (account_id);

-- Fees per project and method: percent in basis points plus a fixed part in minor units.
CREATE TABLE fee_plans (
  project_id BIGINT NOT NULL,
  method TEXT NOT NULL,
  percent_bp BIGINT NOT NULL,
  fixed_minor BIGINT NOT NULL,
  PRIMARY KEY (project_id, method)
);

-- Idempotency keys, scoped to the caller (a user or an API key).
CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  state TEXT NOT NULL,                   -- running, done
  response_status BIGINT NOT NULL,
  response_type TEXT NOT NULL,
  response_body TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  lease_until_ms BIGINT NOT NULL,        -- a running key past its lease was abandoned by a crashed process
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at_ms);

-- Analytics: the customer's country and the card brand on every operation (so
-- the analytics index and its SQL cross-checks read one table), daily FX rates
-- into each company's reporting currency, and a revision per company that
-- tells every process's analytics index to re-convert.

ALTER TABLE operations ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE operations ADD COLUMN card_brand TEXT NOT NULL DEFAULT '';
UPDATE operations SET
  country = (SELECT p.customer_country FROM payments p WHERE p.id = operations.payment_id),
  card_brand = (SELECT p.card_brand FROM payments p WHERE p.id = operations.payment_id);

-- One unit of `currency` is worth rate_e9 / 1e9 units of the company's
-- reporting currency on `day` (YYYY-MM-DD, UTC).
CREATE TABLE fx_rates (
  company_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  currency TEXT NOT NULL,
  rate_e9 BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  PRIMARY KEY (company_id, currency, day)
);

CREATE TABLE fx_revisions (
  company_id BIGINT PRIMARY KEY,
  revision BIGINT NOT NULL
);

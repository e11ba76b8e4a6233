-- Audit events written but not yet chained (PostgreSQL). Chaining an event locks its
-- company's head row until the commit, which made every payment of a company wait
-- for the one before. Events are written here in the transaction of their change and
-- chained in id order by a fold (every second in `kassa serve`, and before every
-- read of the log), which deletes them from here in the same transaction.
CREATE TABLE audit_pending (
  id BIGINT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  occurred_at_ms BIGINT NOT NULL,
  actor_type TEXT NOT NULL,
  actor_id BIGINT NOT NULL,
  actor_label TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  ip TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL
);
CREATE INDEX audit_pending_company ON audit_pending (company_id, id);

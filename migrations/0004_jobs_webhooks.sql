-- The job queue (rows leased by workers with a timeout, so a crash or restart
-- resumes them and nothing runs twice) and webhooks (endpoints, deliveries).

CREATE TABLE jobs (
  id BIGINT PRIMARY KEY,
  kind TEXT NOT NULL,                    -- webhook_delivery, ...
  payload TEXT NOT NULL,
  state TEXT NOT NULL,                   -- queued, running, done, dead
  run_at_ms BIGINT NOT NULL,
  attempts BIGINT NOT NULL,
  lease_until_ms BIGINT NOT NULL,
  last_error TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL
);
CREATE INDEX jobs_ready ON jobs (state, run_at_ms);

CREATE TABLE webhook_endpoints (
  id BIGINT PRIMARY KEY,
  company_id BIGINT NOT NULL REFERENCES companies (id),
  project_id BIGINT NOT NULL REFERENCES projects (id),
  url TEXT NOT NULL,
  description TEXT NOT NULL,
  secret_enc TEXT NOT NULL,              -- whsec_…, in a secret box under the master key
  previous_secret_enc TEXT NOT NULL,     -- during rotation both sign, until previous_expires_at_ms
  previous_expires_at_ms BIGINT NOT NULL,
  status TEXT NOT NULL,                  -- enabled, disabled
  disabled_reason TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at_ms BIGINT NOT NULL
);
CREATE INDEX webhook_endpoints_project ON webhook_endpoints (project_id, status);
CREATE INDEX webhook_endpoints_company ON webhook_endpoints (company_id, id);

CREATE TABLE webhook_deliveries (
  id BIGINT PRIMARY KEY,                 -- also the webhook-id header (msg_…)
  endpoint_id BIGINT NOT NULL REFERENCES webhook_endpoints (id),
  company_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  event_type TEXT NOT NULL,              -- payment.updated
  subject_id TEXT NOT NULL,              -- the payment or operation the event is about
  payload TEXT NOT NULL,
  status TEXT NOT NULL,                  -- pending, succeeded, failed (will retry), dead
  attempts BIGINT NOT NULL,
  response_status BIGINT NOT NULL,       -- 0: no answer
  response_body TEXT NOT NULL,           -- the first 2 KiB
  last_error TEXT NOT NULL,
  duration_ms BIGINT NOT NULL,
  next_attempt_at_ms BIGINT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id);
CREATE INDEX webhook_deliveries_company ON webhook_deliveries (company_id, id);
CREATE INDEX webhook_deliveries_subject ON webhook_deliveries (company_id, subject_id);

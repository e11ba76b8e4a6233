-- Identity and organisation: companies, projects, users, roles and grants,
-- sessions and sign-in challenges, invitations, API keys, step-up
-- confirmations, the mail outbox and the tamper-evident audit log.
-- Times are milliseconds since the epoch; flags are SMALLINT 0/1.

CREATE TABLE companies (
  id BIGINT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  reporting_currency TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at_ms BIGINT NOT NULL
);

CREATE TABLE projects (
  id BIGINT PRIMARY KEY,
  company_id BIGINT NOT NULL REFERENCES companies (id),
  name TEXT NOT NULL,
  default_currency TEXT NOT NULL,
  status TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  UNIQUE (company_id, name)
);

CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  company_id BIGINT NOT NULL REFERENCES companies (id),
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  status TEXT NOT NULL,               -- invited, active, disabled
  password_hash TEXT,                 -- argon2id; NULL until the invitation is accepted
  totp_secret_enc TEXT,               -- secret box under the master key; NULL until enrolled
  totp_last_step BIGINT NOT NULL,     -- the last TOTP time step spent (replays are refused)
  failed_attempts BIGINT NOT NULL,    -- consecutive failures of either factor
  locked_until_ms BIGINT NOT NULL,
  version BIGINT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL
);
CREATE INDEX users_company ON users (company_id, id);

CREATE TABLE password_history (
  user_id BIGINT NOT NULL REFERENCES users (id),
  password_hash TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id, created_at_ms);

CREATE TABLE recovery_codes (
  user_id BIGINT NOT NULL REFERENCES users (id),
  code_hash TEXT NOT NULL,
  used_at_ms BIGINT,
  PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE roles (
  id BIGINT PRIMARY KEY,
  company_id BIGINT NOT NULL REFERENCES companies (id),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  permissions TEXT NOT NULL,          -- space-separated permission names
  builtin SMALLINT NOT NULL,
  version BIGINT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  UNIQUE (company_id, name)
);

CREATE TABLE role_grants (
  user_id BIGINT NOT NULL REFERENCES users (id),
  role_id BIGINT NOT NULL REFERENCES roles (id),
  project_id BIGINT NOT NULL,         -- 0: all projects of the company
  PRIMARY KEY (user_id, role_id, project_id)
);
CREATE INDEX role_grants_role ON role_grants (role_id);

CREATE TABLE sessions (
  id BIGINT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL,
  expires_at_ms BIGINT NOT NULL,      -- absolute limit (12 h)
  revoked SMALLINT NOT NULL,
  ip TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- The state between the password and the second factor.
CREATE TABLE login_challenges (
  id BIGINT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,                 -- totp, totp_enroll
  pending_secret_enc TEXT,            -- the new TOTP secret while enrolling
  expires_at_ms BIGINT NOT NULL,
  used SMALLINT NOT NULL
);

CREATE TABLE invitations (
  id BIGINT PRIMARY KEY,
  company_id BIGINT NOT NULL REFERENCES companies (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  token_hash TEXT NOT NULL UNIQUE,
  invited_by BIGINT NOT NULL,
  expires_at_ms BIGINT NOT NULL,
  accepted_at_ms BIGINT,
  created_at_ms BIGINT NOT NULL
);

CREATE TABLE api_keys (
  id BIGINT PRIMARY KEY,
  company_id BIGINT NOT NULL REFERENCES companies (id),
  project_id BIGINT NOT NULL REFERENCES projects (id),
  name TEXT NOT NULL,
  secret_prefix TEXT NOT NULL,        -- shown in lists: sk_live_ab12…
  secret_hash TEXT NOT NULL UNIQUE,   -- SHA-256 of the secret (256 random bits, so no slow hash is needed)
  permissions TEXT NOT NULL,
  status TEXT NOT NULL,               -- active, revoked
  created_by BIGINT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  last_used_at_ms BIGINT,
  revoked_at_ms BIGINT,
  version BIGINT NOT NULL
);
CREATE INDEX api_keys_project ON api_keys (project_id, id);

-- Step-up confirmation (PSD2 dynamic linking): a fresh TOTP code bound to one action.
CREATE TABLE step_up_confirmations (
  id BIGINT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  action_hash TEXT NOT NULL,
  expires_at_ms BIGINT NOT NULL,
  used_at_ms BIGINT
);

-- A second-factor reset requested by one administrator, waiting for a second one.
CREATE TABLE totp_resets (
  user_id BIGINT PRIMARY KEY REFERENCES users (id),
  requested_by BIGINT NOT NULL,
  requested_at_ms BIGINT NOT NULL
);

CREATE TABLE outbox_emails (
  id BIGINT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  to_email TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  sent_at_ms BIGINT
);

-- One hash chain per company: each event holds the hash of the one before.
CREATE TABLE audit_heads (
  company_id BIGINT PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);

CREATE TABLE audit_events (
  id BIGINT PRIMARY KEY,
  company_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  occurred_at_ms BIGINT NOT NULL,
  actor_type TEXT NOT NULL,           -- user, api_key, system, anonymous
  actor_id BIGINT NOT NULL,
  actor_label TEXT NOT NULL,
  action TEXT NOT NULL,               -- e.g. auth.login_failed, user.invited
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  ip TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (company_id, seq)
);
CREATE INDEX audit_events_company_time ON audit_events (company_id, id);
CREATE INDEX audit_events_action ON audit_events (company_id, action, id);

-- The chain for events that belong to no company (sign-in attempts for unknown e-mail addresses).
INSERT INTO audit_heads (company_id, seq, hash) VALUES (0, 0, '0000000000000000000000000000000000000000000000000000000000000000');

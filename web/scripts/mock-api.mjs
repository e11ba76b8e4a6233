#!/usr/bin/env node
/**
 * A stand-in for `kassa serve`'s identity API (docs/openapi.yaml), for
 * development, screenshots and running the Playwright specs before the real
 * server exists. Dev only: state lives in memory, nothing is secret.
 *
 *   node scripts/mock-api.mjs                 # API on 127.0.0.1:8080
 *   KASSA_API_URL=http://127.0.0.1:8080 npx vite preview   # the app, proxying /api
 *
 * Accounts (password for all: "correct horse 42"):
 *   ada@example.com   owner, enrolled; TOTP secret MOCK_TOTP_SECRET (default JBSWY3DPEHPK3PXP)
 *   new@example.com   administrator without an authenticator (enrols at sign-in)
 * Invitation link: /invitations/demo-invitation
 * MOCK_IDLE_SECONDS sets the idle timeout (default 900), MOCK_PORT the port.
 * MOCK_TEST_CLOCK=1 adds POST /__test/clock?advance_ms=N, like `kassa serve --unsafe-test-clock`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import QRCode from 'qrcode';

const port = Number(process.env.MOCK_PORT ?? 8080);
const idleSeconds = Number(process.env.MOCK_IDLE_SECONDS ?? 900);
const warnSeconds = Number(process.env.MOCK_WARN_SECONDS ?? 60);
const ownerSecret = process.env.MOCK_TOTP_SECRET ?? 'JBSWY3DPEHPK3PXP';
const password = 'correct horse 42';
const challengeSeconds = 300;
const failedAttemptsMax = 5;
const testClock = process.env.MOCK_TEST_CLOCK === '1';

// The test clock moves "now" for TOTP, sessions and challenges alike.
let clockOffsetMs = 0;
const realNow = Date.now;
Date.now = () => realNow() + clockOffsetMs;

// ---------------------------------------------------------------- helpers

let idCounter = 1000;
const newId = (prefix) => `${prefix}_${(idCounter++).toString(36).padStart(6, '0')}${randomBytes(3).toString('hex')}`;
const token = () => randomBytes(18).toString('base64url');
const now = () => new Date().toISOString();
const daysAgo = (days, hours = 0) => new Date(Date.now() - days * 86_400_000 - hours * 3_600_000).toISOString();

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32Decode(text) {
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) bits += base32Alphabet.indexOf(char).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}
function base32Secret() {
  return [...randomBytes(20)].map((byte) => base32Alphabet[byte % 32]).join('');
}
function totpAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const binary = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return binary.toString().padStart(6, '0');
}
/** RFC 6238 with one step of clock skew; a step once used is refused (replay). */
function verifyTotp(account, secret, code) {
  const step = Math.floor(Date.now() / 30_000);
  for (const candidate of [step - 1, step, step + 1]) {
    if (totpAt(secret, candidate) === code && candidate > (account.totp_last_step ?? 0)) {
      account.totp_last_step = candidate;
      return true;
    }
  }
  return false;
}

function problem(res, status, slug, detail, extra = {}) {
  const body = {
    type: `https://kassa.dev/problems/${slug}`,
    title: slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    status,
    detail,
    request_id: `req_${randomBytes(6).toString('hex')}`,
    ...extra,
  };
  res.writeHead(status, { 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify(body));
}
function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
function cookies(req) {
  const out = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) out[name] = decodeURIComponent(rest.join('='));
  }
  return out;
}
function page(items, query, limitDefault = 20) {
  const limit = Math.min(Number(query.get('limit') ?? limitDefault) || limitDefault, 100);
  const after = query.get('starting_after');
  const start = after ? items.findIndex((item) => item.id === after) + 1 : 0;
  const data = items.slice(start, start + limit);
  return { data, has_more: start + limit < items.length };
}
const clone = (value) => JSON.parse(JSON.stringify(value));

// ---------------------------------------------------------------- data

const permissions = [
  ['payments.read', 'See payments, their operations and timelines.', 'project'],
  ['payments.write', 'Capture and cancel payments.', 'project'],
  ['refunds.create', 'Refund payments, up to the refund limit.', 'project'],
  ['refunds.unlimited', 'Refund any amount, above the refund limit.', 'project'],
  ['links.read', 'See payment links and their payments.', 'project'],
  ['links.manage', 'Create, change and deactivate payment links.', 'project'],
  ['payouts.read', 'See payouts and bulk payout files.', 'project'],
  ['payouts.create', 'Send single and bulk payouts.', 'project'],
  ['balances.read', 'See balances and settlement.', 'project'],
  ['reports.read', 'Download generated reports.', 'project'],
  ['reports.manage', 'Generate and schedule reports.', 'project'],
  ['fraud.read', 'See risk scores, rules and block lists.', 'project'],
  ['fraud.manage', 'Change fraud rules and block lists.', 'project'],
  ['fraud.review', 'Release or reject payments held for review.', 'project'],
  ['chargebacks.read', 'See chargebacks and their deadlines.', 'project'],
  ['chargebacks.manage', 'Accept or dispute chargebacks with evidence.', 'project'],
  ['analytics.read', 'See turnover, conversion and other analytics.', 'project'],
  ['webhooks.read', 'See webhook endpoints and deliveries.', 'project'],
  ['webhooks.manage', 'Add, change and remove webhook endpoints.', 'project'],
  ['callbacks.resend', 'Send webhook deliveries again.', 'project'],
  ['api_keys.read', 'See API keys (never their secrets).', 'project'],
  ['api_keys.manage', 'Create, roll and revoke API keys.', 'project'],
  ['logs.read', 'See API request logs.', 'project'],
  ['users.read', 'See the company’s users and their roles.', 'company'],
  ['users.manage', 'Invite users, change their roles, disable them.', 'company'],
  ['roles.manage', 'Create, change and delete custom roles.', 'company'],
  ['projects.manage', 'Create, rename and archive projects.', 'company'],
  ['settings.manage', 'Change company settings.', 'company'],
  ['audit.read', 'Read the audit log.', 'company'],
].map(([name, description, scope]) => ({ name, description, scope }));
const allPermissions = permissions.map((p) => p.name);
const pick = (...prefixes) => allPermissions.filter((name) => prefixes.some((prefix) => name === prefix || name.startsWith(`${prefix}.`)));

const company = { id: 'cmp_0001acme', name: 'Acme Retail GmbH', reporting_currency: 'EUR', time_zone: 'Europe/Berlin', version: 3 };

const projects = [
  { id: 'prj_00web01', name: 'Web shop DE', default_currency: 'EUR', status: 'active', version: 4, created_at: daysAgo(400) },
  { id: 'prj_00app02', name: 'Mobile app', default_currency: 'EUR', status: 'active', version: 2, created_at: daysAgo(300) },
  { id: 'prj_00uk003', name: 'Web shop UK', default_currency: 'GBP', status: 'active', version: 1, created_at: daysAgo(120) },
  { id: 'prj_00pop04', name: 'Summer pop-up 2025', default_currency: 'EUR', status: 'archived', version: 6, created_at: daysAgo(280) },
];

const builtinRole = (id, name, description, perms) => ({
  id, name, description, permissions: perms, builtin: true, version: 1, created_at: daysAgo(400),
});
const roles = [
  builtinRole('rol_00owner', 'owner', 'Everything, including company settings and the audit log.', allPermissions),
  builtinRole('rol_00admin', 'administrator', 'Manages users, roles, projects and API keys; sees everything.', allPermissions.filter((n) => n !== 'settings.manage')),
  builtinRole('rol_0financ', 'finance', 'Payments, refunds, payouts, balances and reports.', [...pick('payments', 'refunds', 'payouts', 'balances', 'reports'), 'analytics.read']),
  builtinRole('rol_00opera', 'operator', 'Day-to-day payment operations and payment links.', [...pick('payments', 'links'), 'refunds.create', 'chargebacks.read']),
  builtinRole('rol_0fraudx', 'fraud_analyst', 'Fraud rules, the review queue and chargebacks.', [...pick('fraud', 'chargebacks'), 'payments.read']),
  builtinRole('rol_0suppor', 'support', 'Looks up payments and refunds small amounts for customers.', ['payments.read', 'refunds.create', 'links.read']),
  builtinRole('rol_00devel', 'developer', 'API keys, webhooks and request logs.', [...pick('api_keys', 'webhooks', 'callbacks', 'logs'), 'payments.read']),
  builtinRole('rol_0viewer', 'viewer', 'Reads payments, reports and analytics; changes nothing.', allPermissions.filter((n) => n.endsWith('.read') && !n.startsWith('users') && n !== 'audit.read')),
  { id: 'rol_0cust01', name: 'Refund desk', description: 'Customer service leads who may refund above the limit.', permissions: ['payments.read', 'refunds.create', 'refunds.unlimited'], builtin: false, version: 2, created_at: daysAgo(60) },
];
const roleById = (id) => roles.find((role) => role.id === id);
const grant = (roleId, projectIds = null) => ({ role_id: roleId, role_name: roleById(roleId).name, project_ids: projectIds });

function user(id, email, name, status, grants, extra = {}) {
  return {
    id, email, name, status, totp_enrolled: status === 'active', locked_until: null, grants, version: 1,
    created_at: daysAgo(Math.floor(Math.random() * 300) + 5),
    password: status === 'invited' ? null : password, totp_secret: null, totp_last_step: 0, failed: 0,
    recovery_codes: [], password_history: [], ...extra,
  };
}
const users = [
  user('usr_000ada1', 'ada@example.com', 'Ada Lovelace', 'active', [grant('rol_00owner')], { totp_secret: ownerSecret, created_at: daysAgo(400) }),
  user('usr_00grace', 'grace@example.com', 'Grace Hopper', 'active', [grant('rol_00admin')], { totp_secret: base32Secret() }),
  user('usr_00linus', 'linus@example.com', 'Linus Berg', 'active', [grant('rol_0financ')], { totp_secret: base32Secret() }),
  user('usr_00maria', 'maria@example.com', 'María García', 'active', [grant('rol_00opera', ['prj_00web01', 'prj_00uk003']), grant('rol_0suppor', ['prj_00app02'])], { totp_secret: base32Secret(), locked_until: new Date(Date.now() + 11 * 60_000).toISOString() }),
  user('usr_00kenji', 'kenji@example.com', 'Kenji Watanabe', 'active', [grant('rol_00devel', ['prj_00web01'])], { totp_secret: base32Secret() }),
  user('usr_00sofia', 'sofia@example.com', 'Sofia Rossi', 'active', [grant('rol_0fraudx')], { totp_secret: base32Secret() }),
  user('usr_000omar', 'omar@example.com', 'Omar Haddad', 'disabled', [grant('rol_0viewer')], { totp_enrolled: true, totp_secret: base32Secret() }),
  user('usr_00new01', 'new@example.com', 'Noah Newman', 'active', [grant('rol_00admin')], { totp_enrolled: false }),
  user('usr_00chloe', 'chloe@example.com', '', 'invited', [grant('rol_0cust01', ['prj_00web01'])]),
];
users.sort((a, b) => a.created_at.localeCompare(b.created_at));
const userById = (id) => users.find((candidate) => candidate.id === id);

const invitations = new Map([
  ['demo-invitation', { user_id: 'usr_00chloe', expires_at: new Date(Date.now() + 6 * 86_400_000).toISOString() }],
]);

const apiKeys = [
  { id: 'key_00shop1', project_id: 'prj_00web01', name: 'Shop backend', secret_prefix: 'sk_live_9fQ2', permissions: ['payments.read', 'payments.write', 'refunds.create', 'links.manage', 'links.read'], status: 'active', created_at: daysAgo(200), last_used_at: daysAgo(0, 1), revoked_at: null, version: 1 },
  { id: 'key_00erp02', project_id: 'prj_00web01', name: 'ERP export', secret_prefix: 'sk_live_a71K', permissions: ['payments.read', 'balances.read', 'reports.read'], status: 'active', created_at: daysAgo(90), last_used_at: daysAgo(2, 5), revoked_at: null, version: 1 },
  { id: 'key_00app03', project_id: 'prj_00app02', name: 'App server', secret_prefix: 'sk_live_Lm0c', permissions: ['payments.read', 'payments.write'], status: 'active', created_at: daysAgo(150), last_used_at: daysAgo(0, 0), revoked_at: null, version: 1 },
  { id: 'key_00old04', project_id: 'prj_00web01', name: 'Old checkout (2024)', secret_prefix: 'sk_live_3xPo', permissions: ['payments.read', 'payments.write'], status: 'revoked', created_at: daysAgo(380), last_used_at: daysAgo(95), revoked_at: daysAgo(90), version: 2 },
  { id: 'key_00uk005', project_id: 'prj_00uk003', name: 'UK staging', secret_prefix: 'sk_test_Qe8r', permissions: ['payments.read'], status: 'active', created_at: daysAgo(20), last_used_at: null, revoked_at: null, version: 1 },
];

const auditEvents = [];
let auditSeq = 0;
let lastHash = '0'.repeat(64);
function audit(actor, action, target, before, after, at = now(), ip = '203.0.113.24') {
  auditSeq += 1;
  const hash = createHmac('sha256', 'mock').update(`${lastHash}|${auditSeq}|${action}`).digest('hex');
  auditEvents.unshift({
    id: newId('evt'), seq: auditSeq, occurred_at: at, actor, action, target, ip,
    user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
    before, after, hash, prev_hash: lastHash,
  });
  lastHash = hash;
}
const actorOf = (account) => ({ type: 'user', id: account.id, label: account.email });
(function seedAudit() {
  const ada = actorOf(users.find((u) => u.email === 'ada@example.com'));
  const grace = actorOf(users.find((u) => u.email === 'grace@example.com'));
  const history = [];
  for (let i = 90; i >= 1; i -= 1) {
    const who = i % 3 === 0 ? grace : ada;
    history.push([i, who, 'auth.login', { type: 'user', id: who.id }, null, null]);
    if (i % 7 === 0) history.push([i, { type: 'anonymous', id: null, label: 'unknown@example.net' }, 'auth.login_failed', { type: 'user', id: 'unknown@example.net' }, null, null]);
    if (i % 11 === 0) history.push([i, { type: 'api_key', id: 'key_00shop1', label: 'Shop backend' }, 'payment.refunded', { type: 'payment', id: `pay_0${i}abc` }, { refunded_minor: 0 }, { refunded_minor: 1299 + i }]);
  }
  history.push([30, ada, 'role.created', { type: 'role', id: 'rol_0cust01' }, null, { name: 'Refund desk', permissions: ['payments.read', 'refunds.create'] }]);
  history.push([29, grace, 'role.updated', { type: 'role', id: 'rol_0cust01' }, { permissions: ['payments.read', 'refunds.create'] }, { permissions: ['payments.read', 'refunds.create', 'refunds.unlimited'] }]);
  history.push([20, ada, 'project.created', { type: 'project', id: 'prj_00uk003' }, null, { name: 'Web shop UK', default_currency: 'GBP', status: 'active' }]);
  history.push([12, grace, 'user.grants_replaced', { type: 'user', id: 'usr_00maria' }, { grants: [{ role: 'support', projects: 'all' }] }, { grants: [{ role: 'operator', projects: ['Web shop DE', 'Web shop UK'] }, { role: 'support', projects: ['Mobile app'] }] }]);
  history.push([9, ada, 'api_key.revoked', { type: 'api_key', id: 'key_00old04' }, { status: 'active' }, { status: 'revoked' }]);
  history.push([3, grace, 'user.invited', { type: 'user', id: 'usr_00chloe' }, null, { email: 'chloe@example.com', status: 'invited' }]);
  history.push([1, ada, 'user.updated', { type: 'user', id: 'usr_000omar' }, { status: 'active' }, { status: 'disabled' }]);
  history.sort((a, b) => b[0] - a[0]);
  for (const [day, actor, action, target, before, after] of history) audit(actor, action, target, before, after, daysAgo(day, Math.random() * 8), day % 5 === 0 ? '198.51.100.7' : '203.0.113.24');
})();

// ---------------------------------------------------------------- sessions

const sessions = new Map(); // token → { userId, csrf, lastSeenMs, expiresAtMs }
const challenges = new Map(); // token → { userId, kind, secret?, expiresAtMs }
const stepUps = new Map(); // confirmation → { userId, action, expiresAtMs }
const pendingResets = new Map(); // userId → requesting admin id

function publicUser(account) {
  const { password: _p, totp_secret: _s, totp_last_step: _l, failed: _f, recovery_codes: _r, password_history: _h, ...rest } = account;
  return clone(rest);
}
function permissionsOf(account) {
  const companyPerms = new Set();
  const projectPerms = {};
  for (const g of account.grants) {
    const role = roleById(g.role_id);
    if (!role) continue;
    if (g.project_ids === null) role.permissions.forEach((p) => companyPerms.add(p));
    else for (const projectId of g.project_ids) {
      projectPerms[projectId] = [...new Set([...(projectPerms[projectId] ?? []), ...role.permissions.filter((p) => permissions.find((x) => x.name === p)?.scope === 'project')])];
    }
  }
  return { company: [...companyPerms], projects: projectPerms };
}
function can(account, name) {
  const perms = permissionsOf(account);
  return perms.company.includes(name) || Object.values(perms.projects).some((list) => list.includes(name));
}

function startSession(res, account) {
  const sessionToken = token();
  const csrf = token();
  sessions.set(sessionToken, { userId: account.id, csrf, lastSeenMs: Date.now(), expiresAtMs: Date.now() + 12 * 3_600_000 });
  account.failed = 0;
  return {
    'Set-Cookie': [
      `kassa_session=${sessionToken}; HttpOnly; SameSite=Strict; Path=/`,
      `kassa_csrf=${csrf}; SameSite=Strict; Path=/`,
    ],
  };
}

/** The session of a request, touched; or a 401 already sent. */
function authenticate(req, res) {
  const jar = cookies(req);
  const session = sessions.get(jar.kassa_session ?? '');
  if (!session) return problem(res, 401, 'unauthenticated', 'Sign in to continue.');
  const nowMs = Date.now();
  if (nowMs > session.expiresAtMs) {
    sessions.delete(jar.kassa_session);
    return problem(res, 401, 'session-expired', 'absolute');
  }
  if (nowMs - session.lastSeenMs > idleSeconds * 1000) {
    sessions.delete(jar.kassa_session);
    return problem(res, 401, 'session-expired', 'idle');
  }
  if (!['GET', 'HEAD'].includes(req.method) && req.headers['x-csrf-token'] !== session.csrf) {
    return problem(res, 403, 'csrf-mismatch', 'The request did not carry the CSRF token.');
  }
  session.lastSeenMs = nowMs;
  const account = userById(session.userId);
  return { session, sessionToken: jar.kassa_session, account };
}

function requireStepUp(req, res, account, action) {
  const confirmation = req.headers['x-step-up-confirmation'];
  const stored = confirmation ? stepUps.get(confirmation) : undefined;
  if (stored && stored.userId === account.id && stored.expiresAtMs > Date.now() && JSON.stringify(stored.action) === JSON.stringify(action)) {
    stepUps.delete(confirmation);
    return true;
  }
  problem(res, 403, 'step-up-required', 'Confirm this action with a code from your authenticator.', { action });
  return false;
}

function checkVersion(req, res, resource) {
  const match = /^"?(\d+)"?$/.exec(req.headers['if-match'] ?? '');
  if (!match) {
    problem(res, 428, 'precondition-required', 'Send If-Match with the version you changed.');
    return false;
  }
  if (Number(match[1]) !== resource.version) {
    problem(res, 412, 'version-conflict', 'Someone else changed this since you loaded it.', { current: resource.id?.startsWith('usr_') ? publicUser(resource) : clone(resource) });
    return false;
  }
  return true;
}

function passwordErrors(value, account) {
  const errors = [];
  const length = [...value].length;
  if (length < 12 || length > 128) errors.push('Use 12 to 128 characters.');
  if (!/\p{L}/u.test(value)) errors.push('Add at least one letter.');
  if (!/\p{Nd}/u.test(value)) errors.push('Add at least one digit.');
  if (['password1234', 'qwerty123456', '123456789abc'].includes(value.toLowerCase())) errors.push('This password is too common.');
  if (account && [account.password, ...account.password_history].includes(value)) errors.push('Choose a password you have not used recently.');
  return errors;
}

async function enrollmentFor(account) {
  const secret = base32Secret();
  const challenge = token();
  challenges.set(challenge, { userId: account.id, kind: 'totp_enroll', secret, expiresAtMs: Date.now() + challengeSeconds * 1000 });
  const otpauth_uri = `otpauth://totp/Kassa:${encodeURIComponent(account.email)}?secret=${secret}&issuer=Kassa`;
  const qr_svg = await QRCode.toString(otpauth_uri, { type: 'svg', margin: 1 });
  return { challenge, otpauth_uri, qr_svg, secret };
}

function takeChallenge(res, challengeToken, kinds) {
  const challenge = challenges.get(challengeToken ?? '');
  if (!challenge || !kinds.includes(challenge.kind)) {
    problem(res, 401, 'invalid-credentials', 'The e-mail address, password or code is wrong, or the account is temporarily locked after too many attempts.');
    return undefined;
  }
  if (challenge.expiresAtMs < Date.now()) {
    challenges.delete(challengeToken);
    problem(res, 401, 'challenge-expired', 'The sign-in took too long. Start again with your password.');
    return undefined;
  }
  return challenge;
}

function invalidCredentials(res, account) {
  if (account) {
    account.failed += 1;
    if (account.failed >= failedAttemptsMax) account.locked_until = new Date(Date.now() + 15 * 60_000).toISOString();
  }
  problem(res, 401, 'invalid-credentials', 'The e-mail address, password or code is wrong, or the account is temporarily locked after too many attempts.');
}
const isLocked = (account) => account.locked_until !== null && Date.parse(account.locked_until) > Date.now();

// ---------------------------------------------------------------- routes

const routes = [];
const route = (method, pattern, handler) => routes.push({ method, pattern: new RegExp(`^${pattern}$`), handler });

route('GET', '/healthz', (ctx) => json(ctx.res, 200, { status: 'ok' }));
if (testClock) {
  route('POST', '/__test/clock', ({ res, query }) => {
    clockOffsetMs += Number(query.get('advance_ms') ?? 0);
    json(res, 200, { now_ms: Date.now() });
  });
}
route('GET', '/api/v1/version', (ctx) => json(ctx.res, 200, { version: '0.1.0-mock', database: 'sqlite' }));

route('POST', '/api/v1/auth/login', async ({ res, body }) => {
  const account = users.find((candidate) => candidate.email.toLowerCase() === String(body.email ?? '').toLowerCase());
  if (!account || account.status !== 'active' || isLocked(account) || account.password !== body.password) return invalidCredentials(res, account);
  if (!account.totp_secret) return json(res, 200, { next: 'totp_enroll', ...(await enrollmentFor(account)) });
  const challenge = token();
  challenges.set(challenge, { userId: account.id, kind: 'totp', expiresAtMs: Date.now() + challengeSeconds * 1000 });
  json(res, 200, { next: 'totp', challenge });
});

route('POST', '/api/v1/auth/totp', ({ res, body }) => {
  const challenge = takeChallenge(res, body.challenge, ['totp']);
  if (!challenge) return;
  const account = userById(challenge.userId);
  if (isLocked(account) || !verifyTotp(account, account.totp_secret, String(body.code ?? ''))) return invalidCredentials(res, account);
  challenges.delete(body.challenge);
  audit(actorOf(account), 'auth.login', { type: 'user', id: account.id }, null, null);
  json(res, 200, { user: publicUser(account) }, startSession(res, account));
});

route('POST', '/api/v1/auth/totp/enroll', ({ res, body }) => {
  const challenge = takeChallenge(res, body.challenge, ['totp_enroll']);
  if (!challenge) return;
  const account = userById(challenge.userId);
  const probe = { totp_last_step: 0 };
  if (!verifyTotp(probe, challenge.secret, String(body.code ?? ''))) return invalidCredentials(res, account);
  challenges.delete(body.challenge);
  account.totp_secret = challenge.secret;
  account.totp_last_step = probe.totp_last_step;
  account.totp_enrolled = true;
  account.status = 'active';
  account.version += 1;
  account.recovery_codes = Array.from({ length: 10 }, () => `${randomBytes(3).toString('hex')}-${randomBytes(3).toString('hex')}`);
  audit(actorOf(account), 'auth.totp_enrolled', { type: 'user', id: account.id }, null, null);
  json(res, 200, { user: publicUser(account), recovery_codes: account.recovery_codes }, startSession(res, account));
});

route('POST', '/api/v1/auth/recovery', ({ res, body }) => {
  const challenge = takeChallenge(res, body.challenge, ['totp']);
  if (!challenge) return;
  const account = userById(challenge.userId);
  const index = account.recovery_codes.indexOf(String(body.recovery_code ?? '').trim().toLowerCase());
  if (index < 0) return invalidCredentials(res, account);
  account.recovery_codes.splice(index, 1);
  challenges.delete(body.challenge);
  audit(actorOf(account), 'auth.recovery_code_used', { type: 'user', id: account.id }, null, null);
  json(res, 200, { user: publicUser(account) }, startSession(res, account));
});

route('POST', '/api/v1/auth/logout', ({ req, res }) => {
  const auth = authenticate(req, res);
  if (!auth) return;
  sessions.delete(auth.sessionToken);
  res.writeHead(204, { 'Set-Cookie': ['kassa_session=; Max-Age=0; Path=/', 'kassa_csrf=; Max-Age=0; Path=/'] });
  res.end();
});

route('POST', '/api/v1/step-up', ({ req, res, body }) => {
  const auth = authenticate(req, res);
  if (!auth) return;
  if (!verifyTotp(auth.account, auth.account.totp_secret, String(body.code ?? ''))) {
    return problem(res, 401, 'invalid-credentials', 'The code is wrong or was already used. Wait for the next code and try again.');
  }
  const confirmation = token();
  const expiresAtMs = Date.now() + 5 * 60_000;
  stepUps.set(confirmation, { userId: auth.account.id, action: body.action, expiresAtMs });
  json(res, 200, { confirmation, expires_at: new Date(expiresAtMs).toISOString() });
});

route('GET', '/api/v1/invitations/([\\w-]+)', ({ res, params }) => {
  const invitation = invitations.get(params[0]);
  if (!invitation || Date.parse(invitation.expires_at) < Date.now()) return problem(res, 404, 'not-found', 'This invitation is unknown, used or expired.');
  const account = userById(invitation.user_id);
  json(res, 200, { email: account.email, company_name: company.name, expires_at: invitation.expires_at });
});

route('POST', '/api/v1/invitations/([\\w-]+)/accept', async ({ res, params, body }) => {
  const invitation = invitations.get(params[0]);
  if (!invitation) return problem(res, 404, 'not-found', 'This invitation is unknown, used or expired.');
  const account = userById(invitation.user_id);
  const errors = passwordErrors(String(body.password ?? ''), null).map((message) => ({ field: '/password', message }));
  if (String(body.name ?? '').trim() === '') errors.push({ field: '/name', message: 'Enter your name.' });
  if (errors.length > 0) return problem(res, 400, 'validation', 'Check the highlighted fields.', { errors });
  account.name = body.name.trim();
  account.password = body.password;
  invitations.delete(params[0]);
  json(res, 200, { next: 'totp_enroll', ...(await enrollmentFor(account)) });
});

route('GET', '/api/v1/me', ({ req, res }) => {
  const auth = authenticate(req, res);
  if (!auth) return;
  json(res, 200, {
    user: publicUser(auth.account),
    company: clone(company),
    permissions: permissionsOf(auth.account),
    session: { idle_timeout_seconds: idleSeconds, expires_at: new Date(auth.session.expiresAtMs).toISOString(), warn_before_seconds: warnSeconds },
  });
});

route('POST', '/api/v1/me/password', ({ req, res, body }) => {
  const auth = authenticate(req, res);
  if (!auth) return;
  if (body.current_password !== auth.account.password) {
    return problem(res, 400, 'validation', 'Check the highlighted fields.', { errors: [{ field: '/current_password', message: 'This is not your current password.' }] });
  }
  const errors = passwordErrors(String(body.new_password ?? ''), auth.account).map((message) => ({ field: '/new_password', message }));
  if (errors.length > 0) return problem(res, 400, 'validation', 'Check the highlighted fields.', { errors });
  auth.account.password_history = [auth.account.password, ...auth.account.password_history].slice(0, 3);
  auth.account.password = body.new_password;
  json(res, 204);
});

route('POST', '/api/v1/me/totp/replace', async ({ req, res, body }) => {
  const auth = authenticate(req, res);
  if (!auth) return;
  if (!verifyTotp(auth.account, auth.account.totp_secret, String(body.code ?? ''))) {
    return problem(res, 401, 'invalid-credentials', 'The code is wrong or was already used.');
  }
  json(res, 200, await enrollmentFor(auth.account));
});

function guard(ctx, permission) {
  const auth = authenticate(ctx.req, ctx.res);
  if (!auth) return undefined;
  if (permission && !can(auth.account, permission)) {
    problem(ctx.res, 403, 'forbidden', `You need the permission ${permission}.`);
    return undefined;
  }
  return auth;
}

route('GET', '/api/v1/users', (ctx) => {
  if (!guard(ctx, 'users.read')) return;
  const listed = page(users.map(publicUser), ctx.query, 50);
  json(ctx.res, 200, listed);
});

route('POST', '/api/v1/users/invitations', (ctx) => {
  const auth = guard(ctx, 'users.manage');
  if (!auth) return;
  const { email, name, grants } = ctx.body;
  if (!String(email ?? '').includes('@')) return problem(ctx.res, 400, 'validation', 'Check the highlighted fields.', { errors: [{ field: '/email', message: 'Enter an e-mail address.' }] });
  if (users.some((u) => u.email === email)) return problem(ctx.res, 409, 'email-taken', `${email} already has an account.`);
  const account = user(newId('usr'), email, name, 'invited', grants.map((g) => grant(g.role_id, g.project_ids)), { created_at: now() });
  users.push(account);
  const invitationToken = token();
  const expires_at = new Date(Date.now() + 7 * 86_400_000).toISOString();
  invitations.set(invitationToken, { user_id: account.id, expires_at });
  audit(actorOf(auth.account), 'user.invited', { type: 'user', id: account.id }, null, { email, status: 'invited' });
  json(ctx.res, 201, { user: publicUser(account), invitation_url: `http://${ctx.req.headers.host}/invitations/${invitationToken}`, expires_at });
});

route('PATCH', '/api/v1/users/(usr_\\w+)', (ctx) => {
  const auth = guard(ctx, 'users.manage');
  if (!auth) return;
  const account = userById(ctx.params[0]);
  if (!account) return problem(ctx.res, 404, 'not-found', 'No such user.');
  if (!checkVersion(ctx.req, ctx.res, account)) return;
  const before = { name: account.name, status: account.status };
  if (ctx.body.name !== undefined) account.name = ctx.body.name;
  if (ctx.body.status !== undefined) account.status = ctx.body.status;
  account.version += 1;
  audit(actorOf(auth.account), 'user.updated', { type: 'user', id: account.id }, before, { name: account.name, status: account.status });
  json(ctx.res, 200, publicUser(account));
});

route('PUT', '/api/v1/users/(usr_\\w+)/grants', (ctx) => {
  const auth = guard(ctx, 'users.manage');
  if (!auth) return;
  const account = userById(ctx.params[0]);
  if (!account) return problem(ctx.res, 404, 'not-found', 'No such user.');
  if (!checkVersion(ctx.req, ctx.res, account)) return;
  const action = { type: 'user.grants.replace', user_id: account.id, email: account.email, grants: ctx.body.grants };
  if (!requireStepUp(ctx.req, ctx.res, auth.account, action)) return;
  const before = { grants: account.grants };
  account.grants = ctx.body.grants.map((g) => grant(g.role_id, g.project_ids));
  account.version += 1;
  audit(actorOf(auth.account), 'user.grants_replaced', { type: 'user', id: account.id }, before, { grants: account.grants });
  json(ctx.res, 200, publicUser(account));
});

route('POST', '/api/v1/users/(usr_\\w+)/totp-reset', (ctx) => {
  const auth = guard(ctx, 'users.manage');
  if (!auth) return;
  const account = userById(ctx.params[0]);
  if (!account) return problem(ctx.res, 404, 'not-found', 'No such user.');
  if (!requireStepUp(ctx.req, ctx.res, auth.account, { type: 'user.totp_reset', user_id: account.id, email: account.email })) return;
  pendingResets.set(account.id, auth.account.id);
  audit(actorOf(auth.account), 'user.totp_reset_requested', { type: 'user', id: account.id }, null, null);
  json(ctx.res, 204);
});

route('POST', '/api/v1/users/(usr_\\w+)/totp-reset/confirm', (ctx) => {
  const auth = guard(ctx, 'users.manage');
  if (!auth) return;
  const account = userById(ctx.params[0]);
  if (!account) return problem(ctx.res, 404, 'not-found', 'No such user.');
  const requester = pendingResets.get(account.id);
  if (!requester) return problem(ctx.res, 409, 'no-pending-reset', 'Nobody has asked to reset this person’s authenticator.');
  if (requester === auth.account.id) return problem(ctx.res, 422, 'same-administrator', 'A different administrator must confirm the reset you requested.');
  if (!requireStepUp(ctx.req, ctx.res, auth.account, { type: 'user.totp_reset.confirm', user_id: account.id, email: account.email })) return;
  pendingResets.delete(account.id);
  account.totp_secret = null;
  account.totp_enrolled = false;
  account.version += 1;
  audit(actorOf(auth.account), 'user.totp_reset_confirmed', { type: 'user', id: account.id }, { totp_enrolled: true }, { totp_enrolled: false });
  json(ctx.res, 204);
});

route('GET', '/api/v1/permissions', (ctx) => {
  if (!guard(ctx)) return;
  json(ctx.res, 200, { data: permissions });
});

route('GET', '/api/v1/roles', (ctx) => {
  if (!guard(ctx)) return;
  json(ctx.res, 200, page(roles, ctx.query, 100));
});

route('POST', '/api/v1/roles', (ctx) => {
  const auth = guard(ctx, 'roles.manage');
  if (!auth) return;
  const { name, description, permissions: perms } = ctx.body;
  if (!String(name ?? '').trim()) return problem(ctx.res, 400, 'validation', 'Check the highlighted fields.', { errors: [{ field: '/name', message: 'Enter a name.' }] });
  if (roles.some((role) => role.name.toLowerCase() === name.toLowerCase())) return problem(ctx.res, 409, 'name-taken', `A role named ${name} exists.`);
  const role = { id: newId('rol'), name, description: description ?? '', permissions: perms ?? [], builtin: false, version: 1, created_at: now() };
  roles.push(role);
  audit(actorOf(auth.account), 'role.created', { type: 'role', id: role.id }, null, { name, permissions: role.permissions });
  json(ctx.res, 201, role);
});

route('PATCH', '/api/v1/roles/(rol_\\w+)', (ctx) => {
  const auth = guard(ctx, 'roles.manage');
  if (!auth) return;
  const role = roleById(ctx.params[0]);
  if (!role) return problem(ctx.res, 404, 'not-found', 'No such role.');
  if (role.builtin) return problem(ctx.res, 422, 'builtin-role', 'Built-in roles cannot be changed.');
  if (!checkVersion(ctx.req, ctx.res, role)) return;
  const before = { name: role.name, description: role.description, permissions: role.permissions };
  Object.assign(role, Object.fromEntries(Object.entries(ctx.body).filter(([key]) => ['name', 'description', 'permissions'].includes(key))));
  role.version += 1;
  for (const account of users) for (const g of account.grants) if (g.role_id === role.id) g.role_name = role.name;
  audit(actorOf(auth.account), 'role.updated', { type: 'role', id: role.id }, before, { name: role.name, description: role.description, permissions: role.permissions });
  json(ctx.res, 200, role);
});

route('DELETE', '/api/v1/roles/(rol_\\w+)', (ctx) => {
  const auth = guard(ctx, 'roles.manage');
  if (!auth) return;
  const role = roleById(ctx.params[0]);
  if (!role) return problem(ctx.res, 404, 'not-found', 'No such role.');
  if (role.builtin) return problem(ctx.res, 422, 'builtin-role', 'Built-in roles cannot be deleted.');
  const holders = users.filter((account) => account.grants.some((g) => g.role_id === role.id));
  if (holders.length > 0) return problem(ctx.res, 409, 'role-in-use', `${holders.length} user(s) hold this role. Change their roles first.`);
  roles.splice(roles.indexOf(role), 1);
  audit(actorOf(auth.account), 'role.deleted', { type: 'role', id: role.id }, { name: role.name }, null);
  json(ctx.res, 204);
});

route('GET', '/api/v1/projects', (ctx) => {
  if (!guard(ctx)) return;
  json(ctx.res, 200, page(projects, ctx.query, 100));
});

route('POST', '/api/v1/projects', (ctx) => {
  const auth = guard(ctx, 'projects.manage');
  if (!auth) return;
  const { name, default_currency } = ctx.body;
  if (!String(name ?? '').trim()) return problem(ctx.res, 400, 'validation', 'Check the highlighted fields.', { errors: [{ field: '/name', message: 'Enter a name.' }] });
  const project = { id: newId('prj'), name, default_currency, status: 'active', version: 1, created_at: now() };
  projects.push(project);
  audit(actorOf(auth.account), 'project.created', { type: 'project', id: project.id }, null, { name, default_currency, status: 'active' });
  json(ctx.res, 201, project);
});

route('PATCH', '/api/v1/projects/(prj_\\w+)', (ctx) => {
  const auth = guard(ctx, 'projects.manage');
  if (!auth) return;
  const project = projects.find((candidate) => candidate.id === ctx.params[0]);
  if (!project) return problem(ctx.res, 404, 'not-found', 'No such project.');
  if (!checkVersion(ctx.req, ctx.res, project)) return;
  const before = { name: project.name, status: project.status };
  if (ctx.body.name !== undefined) project.name = ctx.body.name;
  if (ctx.body.status !== undefined) project.status = ctx.body.status;
  project.version += 1;
  audit(actorOf(auth.account), 'project.updated', { type: 'project', id: project.id }, before, { name: project.name, status: project.status });
  json(ctx.res, 200, project);
});

route('GET', '/api/v1/company', (ctx) => {
  if (!guard(ctx)) return;
  json(ctx.res, 200, company);
});

route('PATCH', '/api/v1/company', (ctx) => {
  const auth = guard(ctx, 'settings.manage');
  if (!auth) return;
  if (!checkVersion(ctx.req, ctx.res, company)) return;
  const before = { ...company };
  Object.assign(company, Object.fromEntries(Object.entries(ctx.body).filter(([key]) => ['name', 'reporting_currency', 'time_zone'].includes(key))));
  company.version += 1;
  audit(actorOf(auth.account), 'company.updated', { type: 'company', id: company.id }, before, { ...company });
  json(ctx.res, 200, company);
});

route('GET', '/api/v1/api-keys', (ctx) => {
  if (!guard(ctx, 'api_keys.read')) return;
  const projectId = ctx.query.get('project_id');
  const listed = apiKeys.filter((key) => !projectId || key.project_id === projectId).sort((a, b) => b.created_at.localeCompare(a.created_at));
  json(ctx.res, 200, page(listed, ctx.query, 50));
});

function secretFor(project) {
  return `sk_live_${randomBytes(24).toString('base64url')}`;
}

route('POST', '/api/v1/api-keys', (ctx) => {
  const auth = guard(ctx, 'api_keys.manage');
  if (!auth) return;
  const { project_id, name, permissions: perms } = ctx.body;
  const project = projects.find((candidate) => candidate.id === project_id);
  if (!project) return problem(ctx.res, 400, 'validation', 'Check the highlighted fields.', { errors: [{ field: '/project_id', message: 'Choose a project.' }] });
  const action = { type: 'api_key.create', project_id, name, permissions: (perms ?? []).join(' ') };
  if (!requireStepUp(ctx.req, ctx.res, auth.account, action)) return;
  const secret = secretFor(project);
  const key = { id: newId('key'), project_id, name, secret_prefix: secret.slice(0, 12), permissions: perms, status: 'active', created_at: now(), last_used_at: null, revoked_at: null, version: 1 };
  apiKeys.push(key);
  audit(actorOf(auth.account), 'api_key.created', { type: 'api_key', id: key.id }, null, { name, project_id, permissions: perms });
  json(ctx.res, 201, { api_key: key, secret });
});

route('POST', '/api/v1/api-keys/(key_\\w+)/roll', (ctx) => {
  const auth = guard(ctx, 'api_keys.manage');
  if (!auth) return;
  const key = apiKeys.find((candidate) => candidate.id === ctx.params[0]);
  if (!key) return problem(ctx.res, 404, 'not-found', 'No such API key.');
  if (!requireStepUp(ctx.req, ctx.res, auth.account, { type: 'api_key.roll', api_key_id: key.id, name: key.name, project_id: key.project_id })) return;
  const secret = secretFor();
  key.secret_prefix = secret.slice(0, 12);
  key.version += 1;
  audit(actorOf(auth.account), 'api_key.rolled', { type: 'api_key', id: key.id }, null, null);
  json(ctx.res, 200, { api_key: key, secret });
});

route('POST', '/api/v1/api-keys/(key_\\w+)/revoke', (ctx) => {
  const auth = guard(ctx, 'api_keys.manage');
  if (!auth) return;
  const key = apiKeys.find((candidate) => candidate.id === ctx.params[0]);
  if (!key) return problem(ctx.res, 404, 'not-found', 'No such API key.');
  key.status = 'revoked';
  key.revoked_at = now();
  key.version += 1;
  audit(actorOf(auth.account), 'api_key.revoked', { type: 'api_key', id: key.id }, { status: 'active' }, { status: 'revoked' });
  json(ctx.res, 200, { api_key: key });
});

route('GET', '/api/v1/audit-events', (ctx) => {
  if (!guard(ctx, 'audit.read')) return;
  const q = ctx.query;
  const filtered = auditEvents.filter((event) =>
    (!q.get('action') || event.action === q.get('action')) &&
    (!q.get('actor_id') || event.actor.id === q.get('actor_id')) &&
    (!q.get('target_type') || event.target.type === q.get('target_type')) &&
    (!q.get('target_id') || event.target.id === q.get('target_id')) &&
    (!q.get('from') || event.occurred_at >= q.get('from')) &&
    (!q.get('to') || event.occurred_at < q.get('to')));
  json(ctx.res, 200, page(filtered, q, 50));
});

// ---------------------------------------------------------------- server

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  return JSON.parse(text);
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://mock');
  try {
    const body = ['POST', 'PATCH', 'PUT'].includes(req.method) ? await readBody(req) : {};
    for (const candidate of routes) {
      const match = candidate.method === req.method && candidate.pattern.exec(url.pathname);
      if (match) {
        await candidate.handler({ req, res, body, query: url.searchParams, params: match.slice(1) });
        return;
      }
    }
    problem(res, 404, 'not-found', `No route for ${req.method} ${url.pathname}.`);
  } catch (error) {
    if (error instanceof SyntaxError) return problem(res, 400, 'malformed-json', 'The body is not JSON.');
    console.error(error);
    problem(res, 500, 'internal', 'The mock failed.');
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`mock Kassa API on http://127.0.0.1:${port} (owner TOTP secret ${ownerSecret})`);
});

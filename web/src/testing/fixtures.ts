import type { components } from '@/lib/api';

type Me = components['schemas']['Me'];
type User = components['schemas']['User'];
type Project = components['schemas']['Project'];
type Role = components['schemas']['Role'];
type Permission = components['schemas']['Permission'];

export const permissionCatalogue: Permission[] = [
  { name: 'payments.read', description: 'See payments.', scope: 'project' },
  { name: 'payments.write', description: 'Capture and cancel payments.', scope: 'project' },
  { name: 'refunds.create', description: 'Refund payments.', scope: 'project' },
  { name: 'links.read', description: 'See payment links.', scope: 'project' },
  { name: 'payouts.read', description: 'See payouts.', scope: 'project' },
  { name: 'balances.read', description: 'See balances.', scope: 'project' },
  { name: 'fraud.read', description: 'See fraud rules.', scope: 'project' },
  { name: 'chargebacks.read', description: 'See chargebacks.', scope: 'project' },
  { name: 'reports.read', description: 'Download reports.', scope: 'project' },
  { name: 'webhooks.read', description: 'See webhooks.', scope: 'project' },
  { name: 'webhooks.manage', description: 'Change webhook endpoints.', scope: 'project' },
  { name: 'callbacks.resend', description: 'Resend webhook deliveries.', scope: 'project' },
  { name: 'refunds.unlimited', description: 'Refund any amount.', scope: 'project' },
  { name: 'api_keys.read', description: 'See API keys.', scope: 'project' },
  { name: 'api_keys.manage', description: 'Create and revoke API keys.', scope: 'project' },
  { name: 'users.read', description: 'See users.', scope: 'company' },
  { name: 'users.manage', description: 'Invite and change users.', scope: 'company' },
  { name: 'roles.manage', description: 'Change custom roles.', scope: 'company' },
  { name: 'projects.manage', description: 'Create and archive projects.', scope: 'company' },
  { name: 'settings.manage', description: 'Change company settings.', scope: 'company' },
  { name: 'audit.read', description: 'Read the audit log.', scope: 'company' },
];

export const allPermissionNames = permissionCatalogue.map((permission) => permission.name);

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 'usr_ada',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    status: 'active',
    totp_enrolled: true,
    locked_until: null,
    grants: [{ role_id: 'rol_owner', role_name: 'owner', project_ids: null }],
    version: 3,
    created_at: '2026-01-05T10:00:00Z',
    ...overrides,
  };
}

export function makeMe(overrides: { permissions?: Me['permissions']; user?: Partial<User>; session?: Partial<Me['session']> } = {}): Me {
  return {
    user: makeUser(overrides.user),
    company: { id: 'cmp_acme', name: 'Acme GmbH', reporting_currency: 'EUR', time_zone: 'Europe/Berlin', version: 2 },
    permissions: overrides.permissions ?? { company: allPermissionNames, projects: {} },
    session: {
      idle_timeout_seconds: 900,
      warn_before_seconds: 60,
      expires_at: new Date(Date.now() + 12 * 3_600_000).toISOString(),
      ...overrides.session,
    },
  };
}

export function makeProject(overrides: Partial<Project> = {}): Project {
  return {
    id: 'prj_shop',
    name: 'Web shop',
    default_currency: 'EUR',
    status: 'active',
    version: 4,
    created_at: '2026-01-05T10:00:00Z',
    ...overrides,
  };
}

export function makeRole(overrides: Partial<Role> = {}): Role {
  return {
    id: 'rol_finance',
    name: 'finance',
    description: 'Money in and out.',
    permissions: ['payments.read', 'refunds.create'],
    builtin: true,
    version: 1,
    created_at: '2026-01-05T10:00:00Z',
    ...overrides,
  };
}

type Payment = components['schemas']['Payment'];
type Operation = components['schemas']['Operation'];
type WebhookEndpoint = components['schemas']['WebhookEndpoint'];
type WebhookDelivery = components['schemas']['WebhookDelivery'];

export function makeOperation(overrides: Partial<Operation> = {}): Operation {
  return {
    id: 'op_sale1',
    payment_id: 'pay_1',
    project_id: 'prj_shop',
    type: 'sale',
    status: 'success',
    amount: 12500,
    currency: 'EUR',
    fee: 200,
    method: 'card',
    processor_reference: 'sbx_1',
    decline_code: null,
    decline_message: null,
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:00:01Z',
    ...overrides,
  };
}

/** A captured card payment of €125.00, nothing refunded yet. */
export function makePayment(overrides: Partial<Payment> = {}): Payment {
  return {
    id: 'pay_1',
    project_id: 'prj_shop',
    merchant_reference: 'order-1001',
    amount: 12500,
    currency: 'EUR',
    method: 'card',
    status: 'success',
    capture: true,
    authorized_amount: 12500,
    captured_amount: 12500,
    refunded_amount: 0,
    charged_back_amount: 0,
    refundable_amount: 12500,
    customer: { email: 'ada@example.com', id: 'cus_42', ip: '203.0.113.7', country: 'DE' },
    card: { token: 'card_abc', first6: '424242', last4: '4242', brand: 'visa', exp_month: 12, exp_year: 2030, issuer_country: 'US' },
    description: 'Espresso machine',
    metadata: { cart: 'c-77' },
    processor: 'sandbox',
    version: 3,
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:00:01Z',
    next_action: null,
    operations: [makeOperation()],
    ...overrides,
  };
}

export function makeWebhookEndpoint(overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id: 'we_1',
    project_id: 'prj_shop',
    url: 'https://shop.example/kassa/hooks',
    description: 'Order service',
    status: 'enabled',
    disabled_reason: null,
    version: 2,
    created_at: '2026-02-01T10:00:00Z',
    ...overrides,
  };
}

export function makeDelivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: 'msg_1',
    endpoint_id: 'we_1',
    event_type: 'payment.updated',
    subject_id: 'pay_1',
    status: 'succeeded',
    attempts: 1,
    response_status: 200,
    response_body: 'ok',
    error: null,
    duration_ms: 42,
    next_attempt_at: null,
    created_at: '2026-03-01T10:00:02Z',
    updated_at: '2026-03-01T10:00:02Z',
    ...overrides,
  };
}

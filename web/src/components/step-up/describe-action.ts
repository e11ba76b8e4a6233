import type { StepUpAction } from '@/lib/api';
import { formatAmount } from '@/lib/format';
import type { MessageKey, PlainMessageKey, Translate } from '@/lib/i18n';
import { roleLabel } from '@/lib/role-label';

/** Names for ids (`prj_…` → "Web shop"), from what the app has loaded. */
export type NameOf = (id: string) => string | undefined;

export interface ActionDescription {
  /** One sentence: "Refund €12.34 to Ada Lovelace". */
  summary: string;
  /** Every other field of the action, labelled. */
  details: readonly { label: string; value: string }[];
}

type SummaryKey = Extract<MessageKey, `stepUp.action.${string}`>;

/**
 * The server names actions like `api_key.create`; a few spellings are
 * accepted for each, so a renamed action still reads well.
 */
const summaries: readonly { types: readonly string[]; key: SummaryKey }[] = [
  { types: ['refund', 'refund.create', 'refunds.create'], key: 'stepUp.action.refund' },
  { types: ['payout', 'payout.create', 'payouts.create'], key: 'stepUp.action.payout' },
  { types: ['api_key.create'], key: 'stepUp.action.apiKeyCreate' },
  { types: ['api_key.roll'], key: 'stepUp.action.apiKeyRoll' },
  { types: ['api_key.revoke'], key: 'stepUp.action.apiKeyRevoke' },
  { types: ['user.grants', 'user.grants.replace', 'user.grants.update', 'user.grants_update', 'grants.replace'], key: 'stepUp.action.userGrants' },
  { types: ['user.totp_reset', 'user.totp_reset.request', 'user.totp_reset_request', 'totp_reset.request'], key: 'stepUp.action.totpReset' },
  { types: ['user.totp_reset.confirm', 'user.totp_reset_confirm', 'totp_reset.confirm'], key: 'stepUp.action.totpResetConfirm' },
  { types: ['user.invite', 'user.invitation', 'users.invite'], key: 'stepUp.action.userInvite' },
  { types: ['user.update', 'user.disable'], key: 'stepUp.action.userUpdate' },
  { types: ['role.create'], key: 'stepUp.action.roleCreate' },
  { types: ['role.update'], key: 'stepUp.action.roleUpdate' },
  { types: ['role.delete'], key: 'stepUp.action.roleDelete' },
];

/** Labels of the fields the app knows; others show their own name. */
const fieldLabels: Readonly<Record<string, PlainMessageKey>> = {
  amount: 'stepUp.field.amount',
  payee: 'stepUp.field.payee',
  project_id: 'stepUp.field.project',
  name: 'stepUp.field.name',
  permissions: 'stepUp.field.permissions',
  user_id: 'stepUp.field.user',
  role_id: 'stepUp.field.role',
  api_key_id: 'stepUp.field.apiKey',
  key_id: 'stepUp.field.apiKey',
  email: 'stepUp.field.email',
  grants: 'stepUp.field.grants',
  payment_id: 'stepUp.field.payment',
};

/** Shown in the summary, not repeated in the details. */
const hiddenFields: ReadonlySet<string> = new Set(['type', 'currency']);

function textOf(value: unknown, nameOf: NameOf): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return nameOf(value) ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((item) => textOf(item, nameOf)).join(', ');
  return JSON.stringify(value);
}

function amountText(action: StepUpAction, formatLocale: string): string | undefined {
  if (typeof action.amount !== 'number') return undefined;
  if (typeof action.currency === 'string' && /^[A-Z]{3}$/.test(action.currency)) {
    try {
      return formatAmount(action.amount, action.currency, formatLocale);
    } catch {
      // fall through: an unknown currency shows as code and minor units
    }
  }
  return `${action.amount} ${action.currency ?? ''}`.trim();
}

/**
 * Grants as the server states them in an action: "rol_a@all; rol_b@prj_x,prj_y,"
 * (a role for all projects, a role for chosen ones).
 */
function grantsText(value: string, nameOf: NameOf, t: Translate): string {
  return value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [roleId = '', scope = 'all'] = part.split('@');
      const projects = scope
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      const role = roleLabel(nameOf(roleId) ?? roleId, t);
      const where =
        projects.length === 0 || scope.trim() === 'all'
          ? t('grants.allProjects')
          : projects.map((id) => nameOf(id) ?? id).join(', ');
      return t('grants.describe', { role, scope: where });
    })
    .join('; ');
}

function fieldText(field: string, value: unknown, nameOf: NameOf, t: Translate): string {
  // Permission lists come as "a.read b.write" or as an array.
  if (field === 'permissions' && typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean).join(', ');
  if (field === 'grants' && typeof value === 'string') return grantsText(value, nameOf, t);
  if (field === 'grants' && Array.isArray(value)) {
    return value
      .map((grant: { role_id?: unknown; role_name?: unknown }) => roleLabel(textOf(grant.role_name ?? grant.role_id, nameOf), t))
      .join(', ');
  }
  return textOf(value, nameOf);
}

/** The action in words, for the person to check before they confirm it. */
export function describeStepUpAction(
  action: StepUpAction,
  t: Translate,
  formatLocale: string,
  nameOf: NameOf = () => undefined,
): ActionDescription {
  const amount = amountText(action, formatLocale) ?? '';
  const payee = typeof action.payee === 'string' ? action.payee : '';
  const pick = (field: string) => (action[field] === undefined ? '' : fieldText(field, action[field], nameOf, t));
  const subject = pick('name') || pick('email');
  const user = pick('user_id') || pick('email') || pick('name');
  const apiKey = pick('api_key_id') || pick('key_id') || pick('name');
  const project = pick('project_id');

  const entry = summaries.find((candidate) => candidate.types.includes(action.type));
  let summary: string;
  switch (entry?.key) {
    case 'stepUp.action.refund':
      summary = payee !== '' ? t('stepUp.action.refund', { amount, payee }) : t('stepUp.action.refundNoPayee', { amount });
      break;
    case 'stepUp.action.payout':
      summary = payee !== '' ? t('stepUp.action.payout', { amount, payee }) : t('stepUp.action.payoutNoPayee', { amount });
      break;
    case 'stepUp.action.apiKeyCreate':
      summary =
        project !== ''
          ? t('stepUp.action.apiKeyCreate', { name: subject, project })
          : t('stepUp.action.apiKeyCreateNoProject', { name: subject });
      break;
    case 'stepUp.action.apiKeyRoll':
      summary = t('stepUp.action.apiKeyRoll', { key: apiKey });
      break;
    case 'stepUp.action.apiKeyRevoke':
      summary = t('stepUp.action.apiKeyRevoke', { key: apiKey });
      break;
    case 'stepUp.action.userGrants':
      summary = t('stepUp.action.userGrants', { user });
      break;
    case 'stepUp.action.totpReset':
      summary = t('stepUp.action.totpReset', { user });
      break;
    case 'stepUp.action.totpResetConfirm':
      summary = t('stepUp.action.totpResetConfirm', { user });
      break;
    case 'stepUp.action.userInvite':
      summary = t('stepUp.action.userInvite', { user });
      break;
    case 'stepUp.action.userUpdate':
      summary = t('stepUp.action.userUpdate', { user });
      break;
    case 'stepUp.action.roleCreate':
      summary = t('stepUp.action.roleCreate', { name: subject });
      break;
    case 'stepUp.action.roleUpdate':
      summary = t('stepUp.action.roleUpdate', { name: subject || pick('role_id') });
      break;
    case 'stepUp.action.roleDelete':
      summary = t('stepUp.action.roleDelete', { name: subject || pick('role_id') });
      break;
    default:
      summary = amount !== '' ? t('stepUp.action.genericAmount', { type: action.type, amount }) : t('stepUp.action.generic', { type: action.type });
  }

  const details: { label: string; value: string }[] = [];
  for (const [field, value] of Object.entries(action)) {
    if (hiddenFields.has(field) || value === undefined) continue;
    const labelKey = fieldLabels[field];
    const label = labelKey !== undefined ? t(labelKey) : field;
    details.push({ label, value: field === 'amount' ? amount : fieldText(field, value, nameOf, t) });
  }
  return { summary, details };
}

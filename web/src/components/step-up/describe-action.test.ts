import { describe, expect, it } from 'vitest';
import { createTranslator } from '@/lib/i18n';
import { describeStepUpAction } from './describe-action';

const t = createTranslator('en');
const names: Record<string, string> = { prj_shop: 'Web shop', usr_grace: 'grace@example.com' };
const nameOf = (id: string) => names[id];

describe('describeStepUpAction', () => {
  it('states a refund with the amount formatted for the locale and the payee', () => {
    const { summary, details } = describeStepUpAction(
      { type: 'refund', amount: 123456, currency: 'EUR', payee: 'Ada Lovelace' },
      t,
      'de-DE',
    );
    expect(summary).toBe('Refund 1.234,56\u00a0€ to Ada Lovelace');
    expect(details).toEqual([
      { label: 'Amount', value: '1.234,56\u00a0€' },
      { label: 'Payee', value: 'Ada Lovelace' },
    ]);
  });

  it('uses the currency’s own minor units', () => {
    expect(describeStepUpAction({ type: 'payout', amount: 5000, currency: 'JPY', payee: 'Kenji' }, t, 'en-US').summary).toBe(
      'Pay out ¥5,000 to Kenji',
    );
  });

  it('names the project of a new API key and lists its permissions', () => {
    const { summary, details } = describeStepUpAction(
      { type: 'api_key.create', project_id: 'prj_shop', name: 'Shop backend', permissions: 'payments.read payments.write' },
      t,
      'en-US',
      nameOf,
    );
    expect(summary).toBe('Create the API key “Shop backend” for Web shop');
    expect(details).toContainEqual({ label: 'Permissions', value: 'payments.read, payments.write' });
    expect(details).toContainEqual({ label: 'Project', value: 'Web shop' });
  });

  it('states role changes for a user', () => {
    expect(describeStepUpAction({ type: 'user.grants.replace', user_id: 'usr_grace' }, t, 'en', nameOf).summary).toBe(
      'Change the roles of grace@example.com',
    );
  });

  it('states grants as the server writes them, with names', () => {
    const names2: Record<string, string> = { ...names, rol_fin: 'finance', rol_desk: 'Refund desk', prj_app: 'App' };
    const { summary, details } = describeStepUpAction(
      { type: 'user.grants', user_id: 'usr_grace', grants: 'rol_fin@all; rol_desk@prj_shop,prj_app,' },
      t,
      'en',
      (id) => names2[id],
    );
    expect(summary).toBe('Change the roles of grace@example.com');
    expect(details).toContainEqual({ label: 'Roles', value: 'Finance · all projects; Refund desk · Web shop, App' });
  });

  it('still says something for an action it does not know', () => {
    const { summary, details } = describeStepUpAction({ type: 'webhook.secret.reveal', endpoint: 'we_1' }, t, 'en');
    expect(summary).toBe('Confirm the action “webhook.secret.reveal”');
    expect(details).toEqual([{ label: 'endpoint', value: 'we_1' }]);
  });
});

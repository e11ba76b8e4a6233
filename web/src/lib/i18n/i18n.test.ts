import { describe, expect, it } from 'vitest';
import { createTranslator, pickLocale } from '.';
import { en } from './messages/en';

describe('t', () => {
  const t = createTranslator('en');

  it('looks up messages', () => {
    expect(t('nav.group.settings')).toBe('Settings');
  });

  it('fills placeholders', () => {
    expect(t('error.httpStatus', { status: 502 })).toBe('The request failed with HTTP 502.');
    expect(t('app.documentTitle', { page: 'Payments' })).toBe('Payments · Kassa');
  });

  it('has no empty message', () => {
    for (const [key, message] of Object.entries(en)) expect(message.trim(), key).not.toBe('');
  });
});

describe('pickLocale', () => {
  it('falls back to English for languages not shipped yet', () => {
    expect(pickLocale(['de-DE', 'fr'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
  it('matches on the language part of a tag', () => {
    expect(pickLocale(['en-GB'])).toBe('en');
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, datePresets, daysInRange, instantsOfDays, isInstant, matchingPreset, todayInTimeZone } from './date-ranges';

describe('date ranges', () => {
  it('knows today in the business time zone', () => {
    const now = new Date('2026-03-01T23:30:00Z');
    expect(todayInTimeZone('UTC', now)).toBe('2026-03-01');
    expect(todayInTimeZone('Europe/Berlin', now)).toBe('2026-03-02');
    expect(todayInTimeZone('America/New_York', now)).toBe('2026-03-01');
  });

  it('offers presets of whole days, both ends included', () => {
    const presets = Object.fromEntries(datePresets('2026-03-15').map((preset) => [preset.id, [preset.from, preset.to]]));
    expect(presets).toEqual({
      today: ['2026-03-15', '2026-03-15'],
      last7: ['2026-03-09', '2026-03-15'],
      last30: ['2026-02-14', '2026-03-15'],
      thisMonth: ['2026-03-01', '2026-03-15'],
      lastMonth: ['2026-02-01', '2026-02-28'],
      thisYear: ['2026-01-01', '2026-03-15'],
    });
    expect(matchingPreset('2026-02-01', '2026-02-28', '2026-03-15')).toBe('lastMonth');
    expect(matchingPreset('2026-02-02', '2026-02-28', '2026-03-15')).toBeUndefined();
    expect(datePresets('2026-01-10').find((preset) => preset.id === 'lastMonth')).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('turns days into the API’s half-open interval: from inclusive, to exclusive', () => {
    expect(instantsOfDays('2026-03-01', '2026-03-31', 'Europe/Berlin')).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
    });
    expect(instantsOfDays('', '2026-03-01', 'UTC')).toEqual({ to: '2026-03-02T00:00:00.000Z' });
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('offers longer presets on request, and names any range by the first preset it is', () => {
    const presets = Object.fromEntries(datePresets('2026-03-15', ['last90', 'last12Months']).map((preset) => [preset.id, [preset.from, preset.to]]));
    expect(presets).toEqual({ last90: ['2025-12-16', '2026-03-15'], last12Months: ['2025-03-16', '2026-03-15'] });
    expect(datePresets('2028-02-29', ['last12Months'])[0]).toMatchObject({ from: '2027-03-01', to: '2028-02-29' });
    expect(matchingPreset('2025-12-16', '2026-03-15', '2026-03-15')).toBe('last90');
    expect(daysInRange('2026-03-01', '2026-03-31')).toBe(31);
    expect(daysInRange('2026-03-15', '2026-03-15')).toBe(1);
  });

  it('takes instants (a chart’s hour) as they are: `to` is then already exclusive', () => {
    expect(isInstant('2026-03-29T13:00:00+02:00')).toBe(true);
    expect(isInstant('2026-03-29T11:00:00Z')).toBe(true);
    expect(isInstant('2026-03-29T13:00')).toBe(false);
    expect(isInstant('2026-03-29')).toBe(false);
    expect(instantsOfDays('2026-03-29T13:00:00+02:00', '2026-03-29T14:00:00+02:00', 'Europe/Berlin')).toEqual({
      from: '2026-03-29T11:00:00.000Z',
      to: '2026-03-29T12:00:00.000Z',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { isSafeMethod, readCookie } from './csrf';

describe('readCookie', () => {
  it('finds one cookie among many', () => {
    expect(readCookie('a=1; kassa_csrf=abc; b=2', 'kassa_csrf')).toBe('abc');
  });
  it('does not match a cookie whose name only ends the same', () => {
    expect(readCookie('x_kassa_csrf=evil', 'kassa_csrf')).toBeUndefined();
  });
  it('decodes percent-encoding and tolerates bad encoding', () => {
    expect(readCookie('kassa_csrf=a%3Db', 'kassa_csrf')).toBe('a=b');
    expect(readCookie('kassa_csrf=%E0%A4%A', 'kassa_csrf')).toBe('%E0%A4%A');
  });
  it('is undefined for an empty header', () => {
    expect(readCookie('', 'kassa_csrf')).toBeUndefined();
  });
});

describe('isSafeMethod', () => {
  it.each(['GET', 'head', 'OPTIONS'])('%s is safe', (method) => expect(isSafeMethod(method)).toBe(true));
  it.each(['POST', 'put', 'PATCH', 'DELETE'])('%s changes state', (method) => expect(isSafeMethod(method)).toBe(false));
});

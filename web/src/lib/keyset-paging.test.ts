import { describe, expect, it } from 'vitest';
import { currentCursor, cursorStackMax, cursorStackOf, pageNumberOf, paramsWithCursors, popCursor, pushCursor } from './keyset-paging';

describe('the cursor stack', () => {
  it('walks forward and back', () => {
    let stack: string[] = [];
    expect(currentCursor(stack)).toBeUndefined();
    expect(pageNumberOf(stack)).toBe(1);
    stack = pushCursor(stack, 'pay_25');
    stack = pushCursor(stack, 'pay_50');
    expect(currentCursor(stack)).toBe('pay_50');
    expect(pageNumberOf(stack)).toBe(3);
    stack = popCursor(stack);
    expect(currentCursor(stack)).toBe('pay_25');
    stack = popCursor(stack);
    expect(stack).toEqual([]);
    expect(popCursor(stack)).toEqual([]);
  });

  it('round-trips through the URL, keeping other parameters', () => {
    const params = paramsWithCursors(new URLSearchParams('project=prj_a&status=success'), ['pay_a', 'pay_b']);
    expect(params.get('cursors')).toBe('pay_a,pay_b');
    expect(params.get('project')).toBe('prj_a');
    expect(cursorStackOf(params)).toEqual(['pay_a', 'pay_b']);
    expect(paramsWithCursors(params, []).has('cursors')).toBe(false);
  });

  it('drops what is not an id, and keeps the newest cursors past the bound', () => {
    expect(cursorStackOf(new URLSearchParams('cursors=pay_a,,<script>,op_b'))).toEqual(['pay_a', 'op_b']);
    const long = Array.from({ length: cursorStackMax + 5 }, (_, index) => `pay_${index}`);
    const stack = pushCursor(long, 'pay_last');
    expect(stack).toHaveLength(cursorStackMax);
    expect(currentCursor(stack)).toBe('pay_last');
  });
});

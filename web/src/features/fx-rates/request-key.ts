import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from '@/lib/api';

/**
 * An `Idempotency-Key` per request a dialog sends: the same request sent
 * again (a second click, a retry after a lost answer) reuses its key, so the
 * server answers it once; a changed request gets a key of its own (the
 * server refuses one key for two different bodies).
 */
export function useRequestKey(): (request: string) => string {
  const last = useRef<{ request: string; key: string } | null>(null);
  return useCallback((request: string) => {
    if (last.current?.request !== request) last.current = { request, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
}

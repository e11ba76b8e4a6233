import type { QueryClient } from '@tanstack/react-query';

/** How deep to look into cached answers for a resource with an id. */
const searchDepthMax = 5;

function nameIn(value: unknown, id: string, depth: number): string | undefined {
  if (depth > searchDepthMax || typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = nameIn(item, id, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (record.id === id) {
    if (typeof record.name === 'string' && record.name !== '') return record.name;
    if (typeof record.email === 'string') return record.email;
  }
  for (const child of Object.values(record)) {
    const found = nameIn(child, id, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The name of a resource the app has loaded (`prj_…` → "Web shop"), from
 * whatever query holds it; for the step-up dialog, which states an action in
 * words. Only prefixed ids are looked up.
 */
export function resourceNameFinder(queryClient: QueryClient): (id: string) => string | undefined {
  return (id) => {
    if (!/^[a-z]{2,5}_\w+$/.test(id)) return undefined;
    for (const query of queryClient.getQueryCache().getAll()) {
      const found = nameIn(query.state.data, id, 0);
      if (found !== undefined) return found;
    }
    return undefined;
  };
}

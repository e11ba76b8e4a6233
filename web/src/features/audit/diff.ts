/** One field of an audited change. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed' | 'unchanged';
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Field by field, what an event changed: every top-level field of `before`
 * and `after`, in the order they first appear. Creations have no `before`,
 * deletions no `after`.
 */
export function diffSnapshots(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => {
    const hadBefore = before !== null && Object.hasOwn(before, field);
    const hasAfter = after !== null && Object.hasOwn(after, field);
    const previous = hadBefore ? before[field] : undefined;
    const next = hasAfter ? after[field] : undefined;
    let kind: FieldChange['kind'];
    if (!hadBefore) kind = 'added';
    else if (!hasAfter) kind = 'removed';
    else kind = same(previous, next) ? 'unchanged' : 'changed';
    return { field, before: previous, after: next, kind };
  });
}

/** A snapshot value as text: strings bare, numbers and flags as JSON, objects and lists indented. */
export function snapshotText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value, null, 2);
  return JSON.stringify(value);
}

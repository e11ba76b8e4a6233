/** "Ada Lovelace" → "AL", "ada" → "A"; the e-mail address's first letter when there is no name. */
export function initialsOf(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0];
  const last = words.length > 1 ? words[words.length - 1]?.[0] : undefined;
  const letters = first === undefined ? (email[0] ?? '?') : `${first}${last ?? ''}`;
  return letters.toUpperCase();
}

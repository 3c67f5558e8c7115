// Pages whose filters live in the address (bookmarkable, kept on reload).

export type FilterValues = Record<string, string | number | null | undefined>;

/**
 * The address query after a filter changed: the values of `next` over `current` (undefined in
 * `next` keeps the current value, null clears it), empty values ("", 0, null) left out.
 */
export function filterQuery(current: FilterValues, next: FilterValues): Record<string, string> {
  const merged: FilterValues = { ...current };
  for (const [key, value] of Object.entries(next)) if (value !== undefined) merged[key] = value;
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) if (value) query[key] = String(value);
  return query;
}

// Pages whose filters live in the address (bookmarkable, kept on reload): reading the address's
// values, and writing the address after a filter changed. What the address holds is typed by
// anyone, so a value that is not what the filter takes reads as "no filter", never as a guess.
import type { LocationQuery } from 'vue-router';

export type FilterValues = Record<string, string | number | null | undefined>;
type QueryValue = LocationQuery[string] | undefined;

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

/** One parameter's text (the first where it is repeated), trimmed; "" when absent. */
export function queryText(value: QueryValue): string {
  const text = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  return text.trim();
}

/** A whole number above zero (an id, a page, a count), or null: "abc", "0", "-3", "1.5", "12abc" are not. */
export function queryId(value: QueryValue): number | null {
  const text = queryText(value);
  const n = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** One of `allowed`, or "" for anything else. */
export function queryChoice<T extends string>(value: QueryValue, allowed: readonly T[]): T | '' {
  const text = queryText(value);
  return (allowed as readonly string[]).includes(text) ? (text as T) : '';
}

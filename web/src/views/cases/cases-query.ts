// The case search and its two encodings — the page URL (a search can be shared and survives a
// reload) and the query of GET /cases — and the limits the server puts on the search words, checked
// here first so the box can say what is wrong before anything is sent.
import type { LocationQuery } from 'vue-router';
import type { CaseSearch } from '../../api/cases';
import { queryId, queryText } from '../../utils/filter-query';

/** The server refuses a search of more characters or words (422 naming `q`). */
export const MAX_QUERY_CHARS = 100;
export const MAX_QUERY_WORDS = 8;

export interface CaseFilters {
  /** Search words, separated by spaces; a case must contain all of them. */
  q: string;
  unit: number | null;
  year: number | null;
  /** 1-based. */
  page: number;
}

export function emptyFilters(): CaseFilters {
  return { q: '', unit: null, year: null, page: 1 };
}

/** The words of a search: split on any space (also the ideographic one), empty pieces dropped. */
export function searchWords(q: string): string[] {
  return q.split(/[\s\u3000]+/).filter(Boolean);
}

/** What is wrong with a search the server would refuse: an i18n key of the cases module, or "". */
export function queryProblem(q: string): '' | 'cases.queryTooLong' | 'cases.queryTooManyWords' {
  const text = q.trim();
  if ([...text].length > MAX_QUERY_CHARS) return 'cases.queryTooLong';
  if (searchWords(text).length > MAX_QUERY_WORDS) return 'cases.queryTooManyWords';
  return '';
}

/** The search of a page URL; what is not a value (a year "abc", page 0) is dropped. */
export function fromRouteQuery(query: LocationQuery): CaseFilters {
  const year = queryId(query.year);
  return {
    q: [...queryText(query.q)].slice(0, MAX_QUERY_CHARS).join(''),
    unit: queryId(query.unit),
    year: year && year >= 1900 && year <= 2999 ? year : null,
    page: queryId(query.page) ?? 1,
  };
}

/** The page URL's query: the values that are set, page only after the first. */
export function toRouteQuery(filters: CaseFilters): Record<string, string> {
  const out: Record<string, string> = {};
  const q = searchWords(filters.q).join(' ');
  if (q) out.q = q;
  if (filters.unit) out.unit = String(filters.unit);
  if (filters.year) out.year = String(filters.year);
  if (filters.page > 1) out.page = String(filters.page);
  return out;
}

/** The search as GET /cases takes it (the words joined by one space). */
export function toApiSearch(filters: CaseFilters): CaseSearch {
  const out: CaseSearch = {};
  const q = searchWords(filters.q).join(' ');
  if (q) out.q = q;
  if (filters.unit) out.unit = filters.unit;
  if (filters.year) out.year = filters.year;
  out.page = filters.page;
  return out;
}

/** Splits `context` around the first `text` in it, for a number shown in its sentence. */
export function around(context: string, text: string): { before: string; match: string; after: string } {
  const at = text ? context.indexOf(text) : -1;
  if (at < 0) return { before: context, match: '', after: '' };
  return { before: context.slice(0, at), match: text, after: context.slice(at + text.length) };
}

/** A case's title as it will be saved (trimmed), or null after putting `message` under the title field. */
export function titleOrRequired(title: string, fields: Record<string, string>, message: string): string | null {
  const trimmed = title.trim();
  if (!trimmed) fields.title = message;
  return trimmed || null;
}

// The people list's filters, and their two encodings: the page URL (so a view can be
// bookmarked, reloaded and exported as is) and the API query of GET /people and
// GET /export/people (same parameters, see docs/api.md).
import type { LocationQuery } from 'vue-router';
import type { Query } from '../../api/http';
import { queryChoice, queryId, queryText } from '../../utils/filter-query';

export const PEOPLE_SORTS = ['name', '-name', 'birth_date', '-birth_date', 'unit'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

export interface PeopleFilters {
  unit: number | null; // null: the caller's scope root (server default)
  subtree: boolean;
  position: string;
  age_band: string;
  education: string;
  q: string;
  page: number;
  size: number;
  sort: PeopleSort;
}

export const DEFAULT_PAGE_SIZE = 20;

export function defaultFilters(): PeopleFilters {
  return { unit: null, subtree: true, position: '', age_band: '', education: '', q: '', page: 1, size: DEFAULT_PAGE_SIZE, sort: 'unit' };
}

/** API query: only what differs from the server's defaults is left out when empty. */
export function toApiQuery(filters: PeopleFilters, withPaging = true): Query {
  const query: Query = {};
  if (filters.unit) query.unit = filters.unit;
  query.subtree = filters.subtree ? 1 : 0;
  if (filters.position.trim()) query.position = filters.position.trim();
  if (filters.age_band) query.age_band = filters.age_band;
  if (filters.education) query.education = filters.education;
  if (filters.q.trim()) query.q = filters.q.trim();
  if (withPaging) {
    query.page = filters.page;
    query.size = filters.size;
  }
  if (filters.sort !== 'unit') query.sort = filters.sort;
  return query;
}

/** Export uses the same filters without paging (the whole filtered list). */
export function toExportQuery(filters: PeopleFilters): Query {
  return toApiQuery(filters, false);
}

export function fromRouteQuery(query: LocationQuery): PeopleFilters {
  const base = defaultFilters();
  return {
    unit: queryId(query.unit),
    subtree: queryText(query.subtree) !== '0',
    position: queryText(query.position),
    age_band: queryText(query.age_band),
    education: queryText(query.education),
    q: queryText(query.q),
    page: queryId(query.page) ?? 1,
    size: Math.min(queryId(query.size) ?? base.size, 200),
    sort: queryChoice(query.sort, PEOPLE_SORTS) || 'unit',
  };
}

/** Route query: strings, defaults left out so URLs stay short. */
export function toRouteQuery(filters: PeopleFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(toApiQuery(filters))) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'subtree' && value === 1) continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'size' && value === DEFAULT_PAGE_SIZE) continue;
    out[key] = String(value);
  }
  return out;
}

/** Element Plus table sort-change → API sort value. */
export function sortFromTable(prop: string | null, order: 'ascending' | 'descending' | null): PeopleSort {
  if (!prop || !order) return 'unit';
  if (prop === 'name') return order === 'ascending' ? 'name' : '-name';
  if (prop === 'birth_date') return order === 'ascending' ? 'birth_date' : '-birth_date';
  // Age sorts inversely to birth date.
  if (prop === 'age') return order === 'ascending' ? '-birth_date' : 'birth_date';
  return 'unit';
}

/** Band key for i18n (`ageBand.le35` …): the API's band strings contain ≤ and +. */
export function ageBandKey(band: string): string {
  switch (band) {
    case '≤35':
      return 'le35';
    case '36-45':
      return 'b36_45';
    case '46-55':
      return 'b46_55';
    case '56+':
      return 'ge56';
    default:
      return '';
  }
}

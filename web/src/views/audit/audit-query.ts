// The audit page's filters and their two encodings — the page URL (a filtered view can be shared
// and survives a reload) and the query of GET /audit — the keyset paging over the newest-first
// log, and an entry's detail as the drawer shows it.
import type { LocationQuery } from 'vue-router';
import type { AuditFilter, AuditItem } from '../../api/audit';
import { queryId, queryText } from '../../utils/filter-query';

export interface AuditFilters {
  user: string;
  entity: string;
  action: string;
  entity_id: number | null;
  /** China dates, YYYY-MM-DD, inclusive; "" for no bound. */
  from: string;
  to: string;
}

export function emptyFilters(): AuditFilters {
  return { user: '', entity: '', action: '', entity_id: null, from: '', to: '' };
}

/** A text filter: the server takes at most 100 characters. */
const single = (value: LocationQuery[string]): string => queryText(value).slice(0, 100);

/** A calendar date written YYYY-MM-DD, or "". */
function date(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return '';
  const [y, m, d] = text.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d ? text : '';
}

/** The filters of a page URL; what is not a filter's value (a bad date, a negative id) is dropped. */
export function fromRouteQuery(query: LocationQuery): AuditFilters {
  return {
    user: single(query.user),
    entity: single(query.entity),
    action: single(query.action),
    entity_id: queryId(query.entity_id),
    from: date(single(query.from)),
    to: date(single(query.to)),
  };
}

/** The filters that are set, as GET /audit takes them (the text trimmed). */
export function toApiFilter(filters: AuditFilters): AuditFilter {
  const out: AuditFilter = {};
  if (filters.user.trim()) out.user = filters.user.trim();
  if (filters.entity) out.entity = filters.entity;
  if (filters.action) out.action = filters.action;
  if (filters.entity_id) out.entity_id = filters.entity_id;
  if (filters.from) out.from = filters.from;
  if (filters.to) out.to = filters.to;
  return out;
}

/** The page URL's query: the filters that are set, as strings. */
export function toRouteQuery(filters: AuditFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(toApiFilter(filters)).map(([key, value]) => [key, String(value)]));
}

// ---- keyset paging, newest first ----

/** Where the page is: the cursor of the page shown (0: the newest) and those of the newer pages, oldest last. */
export interface Cursor {
  before: number;
  newer: number[];
}

export const firstPage = (): Cursor => ({ before: 0, newer: [] });

/** The next older page: the one before the shown page's last (oldest) entry. */
export const olderPage = (at: Cursor, lastSeq: number): Cursor => ({ before: lastSeq, newer: [...at.newer, at.before] });

/** The page before this one (newer), or the first when there is none. */
export const newerPage = (at: Cursor): Cursor =>
  at.newer.length ? { before: at.newer[at.newer.length - 1], newer: at.newer.slice(0, -1) } : firstPage();

/**
 * Which of the `total` matching entries the page shows (1-based, inclusive) and whether older ones
 * remain: every newer page was full, since only a full page offers 较早.
 */
export function pageRange(at: Cursor, shown: number, size: number, total: number): { first: number; last: number; hasOlder: boolean } {
  const first = shown ? at.newer.length * size + 1 : 0;
  const last = shown ? first + shown - 1 : 0;
  return { first, last, hasOlder: shown === size && last < total };
}

// ---- an entry's detail ----

/** A brief detail on one line: the text, with "…" when the server cut it. */
export function summaryOf(item: Pick<AuditItem, 'detail' | 'detail_cut'>): string {
  const text = item.detail.replace(/\s+/g, ' ').trim();
  return item.detail_cut ? `${text}…` : text;
}

export type DetailView =
  /** {"before":…,"after":…}: the two sides, and any other keys (a reason) as `rest` ("" when none). */
  | { kind: 'change'; before: string; after: string; rest: string }
  /** Any other JSON, pretty-printed. */
  | { kind: 'json'; text: string }
  /** Not JSON: the text as written. */
  | { kind: 'text'; text: string };

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

/** How the drawer shows a detail (a JSON text). */
export function detailView(detail: string): DetailView {
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return { kind: 'text', text: detail };
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && 'before' in value && 'after' in value) {
    const { before, after, ...rest } = value as Record<string, unknown>;
    return { kind: 'change', before: pretty(before), after: pretty(after), rest: Object.keys(rest).length ? pretty(rest) : '' };
  }
  return { kind: 'json', text: pretty(value) };
}

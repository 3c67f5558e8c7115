// 审计日志: the append-only, hash-chained log of every change (admin only; docs/api.md "Audit").
import { download, http, type Query } from './http';

/** One entry as a page of the log lists it. */
export interface AuditItem {
  seq: number;
  /** ISO 8601 UTC. */
  at: string;
  /** The account that made the change ("system" for the server's own). */
  user: string;
  action: string;
  entity: string;
  /** 0 when the change is not about one record (an import, the demo's set-up). */
  entity_id: number;
  /** A JSON text; in a brief page only its first 200 characters. */
  detail: string;
  /** True when `detail` was cut (brief pages only). */
  detail_cut?: boolean;
  hash: string;
}

/** One entry in full (GET /audit/{seq}). */
export interface AuditEntry extends AuditItem {
  prev_hash: string;
  /** True when the hash is an HMAC with the deployment's audit key (entries before the key: plain SHA-256). */
  keyed: boolean;
}

export interface AuditPage {
  items: AuditItem[];
  /** Entries matching the filters, not only this page. */
  total: number;
}

/** The filters of GET /audit; empty ones are left out of the request. */
export interface AuditFilter {
  user?: string;
  action?: string;
  entity?: string;
  entity_id?: number | null;
  /** China dates, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
}

/** The answer of GET /audit/verify: the whole chain recomputed and the anchors compared. */
export interface AuditVerification {
  intact: boolean;
  checked: number;
  head_seq: number;
  head_hash: string;
  anchors: number;
  /** The first bad entry's seq, 0 when intact. */
  bad_seq: number;
  /** A sentence naming what is wrong, "" when intact. */
  problem: string;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditApi = {
  /**
   * Newest first: the entries older than `before` (0: from the newest), with brief details.
   * Quiet: the page shows a refused filter (400) itself.
   */
  page: (filter: AuditFilter, before = 0, size = AUDIT_PAGE_SIZE) =>
    http.get<AuditPage>('/audit', { before, size, ...filter, brief: true } as Query, { quiet: true }),
  entry: (seq: number) => http.get<AuditEntry>(`/audit/${seq}`),
  verify: () => http.get<AuditVerification>('/audit/verify'),
  /** Every entry the filters match (not only a page), whole, as a workbook. */
  exportXlsx: (filter: AuditFilter) => download('/audit.xlsx', { ...filter } as Query, '审计日志.xlsx'),
};

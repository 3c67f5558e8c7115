// What a page shows when the server refuses a request. The http client has already told the
// user about 403/404/5xx and network failures unless the call was `quiet`; these helpers cover
// what a page decides itself: a field error under its form item, a bad row under its grid cell,
// a refusal as a message, and "not found or out of scope" as the page's own empty state.
import { reactive, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import { ApiError } from '../api/http';
import { t } from '../i18n';

/**
 * Server-side field errors (422 `field`) for a form: bind `:error="errors.get('name')"` on
 * each el-form-item. `take` returns true when the error was a field error and is now shown.
 */
export function useServerErrors() {
  const fields = reactive<Record<string, string>>({});
  return {
    fields,
    get: (field: string): string => fields[field] ?? '',
    clear: (field?: string): void => {
      for (const key of Object.keys(fields)) if (!field || key === field) delete fields[key];
    },
    take: (error: unknown): boolean => {
      if (error instanceof ApiError && error.status === 422 && error.field) {
        fields[error.field] = error.message;
        return true;
      }
      return false;
    },
  };
}

/** True when the server answered 404 or 403: the record does not exist or is out of the user's scope. */
export function isMissing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403);
}

/** Shows a refused change (a quiet request) as a warning with the server's reason. */
export function warnRefused(error: unknown): void {
  if (error instanceof ApiError) ElMessage.warning(error.message || t('errors.conflict'));
}

/**
 * A refused workflow action (a ticket's or a project's): its reason goes to `reason`, shown in the
 * action's dialog, and when no dialog is open (an action that asks nothing) also as a message.
 * Other failures were shown by the http layer.
 */
export function showActionRefusal(error: unknown, reason: Ref<string>, dialogOpen: boolean): void {
  if (!(error instanceof ApiError)) return;
  reason.value = error.message;
  if (!dialogOpen) ElMessage.error(error.message);
}

// ---- row errors (422 `rows`) on grid cells ----

/** Where a submitted row came from, to put the server's row errors back on the cell. */
export interface CellRef {
  subjectId: number;
  columnId: string;
}

/** Errors by row id and column id, and the messages that belong to no cell. */
export interface CellErrors {
  cells: Record<number, Record<string, string>>;
  other: string[];
}

export interface RowErrorLike {
  row: number;
  field: string;
  message: string;
}

/** The server's row errors placed on their cells; errors of rows it cannot place are `other`. */
export function cellErrors(errors: RowErrorLike[], cells: CellRef[]): CellErrors {
  const out: CellErrors = { cells: {}, other: [] };
  for (const e of errors) {
    const cell = cells[e.row - 1];
    if (!cell) {
      out.other.push(e.message);
      continue;
    }
    const row = (out.cells[cell.subjectId] ??= {});
    row[cell.columnId] = row[cell.columnId] ? `${row[cell.columnId]}；${e.message}` : e.message;
  }
  return out;
}

/**
 * Row errors without repeats: an import reports a bad subject once per fact of its line, and
 * one line in the table is enough. Order is kept.
 */
export function uniqueRowErrors<T extends RowErrorLike & { sheet?: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = JSON.stringify([r.sheet ?? '', r.row, r.field, r.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Row index of a server field such as "owners[2].closes_on" (-1 if none). */
export function fieldIndex(field: string | undefined, list: string): number {
  const m = field ? new RegExp(`^${list}\\[(\\d+)\\]`).exec(field) : null;
  return m ? Number(m[1]) : -1;
}

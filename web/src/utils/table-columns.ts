// Helpers for el-table columns.

/**
 * A column `formatter` that shows the cell's value (the column's `prop`) through `show`, as the
 * template `{{ show(row.prop) }}` would (nothing for null or undefined):
 * `<el-table-column prop="last_seen" :formatter="cellText(when)" />`.
 */
export function cellText<T>(show: (value: T) => string | number | null | undefined): (row: unknown, column: unknown, value: T) => string {
  return (_row, _column, value) => {
    const shown = show(value);
    return shown === null || shown === undefined ? '' : String(shown);
  };
}

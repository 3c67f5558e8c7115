// An import button with a hidden <input type="file" accept=".xlsx"> (a sheet of facts, of
// indicator values): the chosen file is checked and sent, and the server's bad rows are kept
// for components/import-errors-table.vue.
import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { ApiError, type RowError } from '../api/http';
import { t } from '../i18n';

export interface XlsxImportOptions {
  /** A refusal without bad rows (the sheet's shape, a network failure). */
  onRefused: (error: ApiError) => void;
  /** What the table lists of the bad rows (default: all of them, as sent). */
  rows?: (rows: RowError[]) => RowError[];
}

/**
 * `input` (bind to the file input), `importing` while `send` runs, `rejected` (the server's bad
 * rows and message), and `onFile`, the input's change handler: it clears the input (so that the
 * same file can be chosen again after a fix), refuses anything but .xlsx, and sends the file.
 */
export function useXlsxImport(send: (file: File) => Promise<void>, options: XlsxImportOptions) {
  const input = ref<HTMLInputElement>();
  const importing = ref(false);
  const rejected = ref<{ rows: RowError[]; message: string } | null>(null);

  async function onFile(event: Event): Promise<void> {
    const target = event.target as HTMLInputElement;
    const file = target.files?.[0];
    target.value = '';
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) {
      ElMessage.warning(t('exchange.badType'));
      return;
    }
    rejected.value = null;
    importing.value = true;
    try {
      await send(file);
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      if (error.rows?.length) rejected.value = { rows: options.rows ? options.rows(error.rows) : error.rows, message: error.message };
      else options.onRefused(error);
    } finally {
      importing.value = false;
    }
  }

  return { input, importing, rejected, onFile };
}

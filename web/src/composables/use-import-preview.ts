// An import that is previewed before it is written (积分细则, 导入荣誉): the chosen .xlsx is sent as a
// dry run and its result shown in a dialog (`preview`, `previewOpen`); `confirm` sends the same file
// to be written, closes the dialog and hands the result to `done`. A refused file lists its bad rows
// (`rejected`, for components/import-errors-table.vue); a refused write shows in the dialog (`error`).
import { ref, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import { t } from '../i18n';
import { useSubmit } from './use-submit';
import { useXlsxImport } from './use-xlsx-import';

export function useImportPreview<R>(send: (file: File, dryRun: boolean) => Promise<R>, done: (result: R) => Promise<void> | void) {
  const preview = ref(null) as Ref<{ file: File; result: R } | null>;
  const previewOpen = ref(false);
  const { input, importing, rejected, onFile } = useXlsxImport(
    async (file) => {
      preview.value = { file, result: await send(file, true) };
      previewOpen.value = true;
    },
    { onRefused: (error) => ElMessage.error(error.message || t('errors.unknown')) },
  );
  const { saving, error, run } = useSubmit();

  async function confirm(): Promise<void> {
    const chosen = preview.value;
    if (!chosen) return;
    const result = await run(() => send(chosen.file, false));
    if (!result) return;
    previewOpen.value = false;
    preview.value = null;
    await done(result);
  }

  return { input, importing, rejected, onFile, preview, previewOpen, saving, error, confirm };
}

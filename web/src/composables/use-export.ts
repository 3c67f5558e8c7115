// An export button: `exporting` while the file downloads (the button shows it is busy), a success
// message when it arrived; a refusal is reported by the http client, as for any request.
import { ref } from 'vue';
import { ElMessage } from 'element-plus';

export function useExport() {
  const exporting = ref(false);
  async function run(download: () => Promise<unknown>, doneMessage: string): Promise<void> {
    exporting.value = true;
    try {
      await download();
      ElMessage.success(doneMessage);
    } catch {
      // reported by the http client
    } finally {
      exporting.value = false;
    }
  }
  return { exporting, run };
}

// An export button: `run` downloads the file (`exporting` while it does, so the button shows it is
// busy) and says `done()` when it arrived; a refusal is reported by the http client, as for any
// request. `done` is read when the file arrives (the language may have changed meanwhile).
import { ref } from 'vue';
import { ElMessage } from 'element-plus';

export function useExport(download: () => Promise<unknown>, done: () => string) {
  const exporting = ref(false);
  async function run(): Promise<void> {
    exporting.value = true;
    try {
      await download();
      ElMessage.success(done());
    } catch {
      // reported by the http client
    } finally {
      exporting.value = false;
    }
  }
  return { exporting, run };
}

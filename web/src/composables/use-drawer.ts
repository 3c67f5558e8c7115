// A drawer that shows what one request answers (a subject's explanation, two units compared).
import { ref, type Ref } from 'vue';

/**
 * `show(fetch)` opens the drawer empty, `loading` while `fetch` runs, then `data` is its answer;
 * when it fails the drawer closes again (the http layer has told the user why).
 */
export function useDrawer<T>() {
  const open = ref(false);
  const data = ref(null) as Ref<T | null>;
  const loading = ref(false);

  async function show(fetch: () => Promise<T>): Promise<void> {
    data.value = null;
    open.value = true;
    loading.value = true;
    try {
      data.value = await fetch();
    } catch {
      open.value = false;
    } finally {
      loading.value = false;
    }
  }

  return { open, data, loading, show };
}

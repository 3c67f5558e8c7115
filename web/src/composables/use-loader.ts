// One record (or one view) a page shows, loaded from the server.
import { ref, type Ref } from 'vue';
import { isMissing } from '../utils/server-errors';

/**
 * `data` from `fetch`, `loading` while it runs, and `missing` when the server answers 404 or 403
 * (not found, or outside the user's scope): the page shows that itself instead of a toast, and
 * `data` is null. `load` never throws.
 */
export function useLoader<T, A extends unknown[] = []>(fetch: (...args: A) => Promise<T>) {
  const data = ref(null) as Ref<T | null>;
  const loading = ref(false);
  const missing = ref(false);
  async function load(...args: A): Promise<void> {
    loading.value = true;
    missing.value = false;
    try {
      data.value = await fetch(...args);
    } catch (error) {
      data.value = null;
      if (isMissing(error)) missing.value = true;
    } finally {
      loading.value = false;
    }
  }
  return { data, loading, missing, load };
}

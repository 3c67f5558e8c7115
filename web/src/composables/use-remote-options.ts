// The choices of a remote-search select (el-select `remote`), found as the user types.
import { ref, type Ref } from 'vue';

/**
 * `options` found by `find(query)` (trimmed), `loading` while it runs; a failed search leaves no
 * options. A blank query keeps the options unless `searchBlank` (then `find('')` lists the first).
 */
export function useRemoteOptions<T>(find: (query: string) => Promise<T[]>, { searchBlank = false } = {}) {
  const options = ref([]) as Ref<T[]>;
  const loading = ref(false);

  async function search(query: string): Promise<void> {
    const q = query.trim();
    if (!q && !searchBlank) return;
    loading.value = true;
    try {
      options.value = await find(q);
    } catch {
      options.value = [];
    } finally {
      loading.value = false;
    }
  }

  return { options, loading, search };
}

// The page of records a list shows for the filters in its address (审计日志, 案例库): each load asks
// again, and only the newest request's answer is shown — a quick second search must not be
// overwritten by the slower answer to the first.
import { ref, type Ref } from 'vue';
import { ApiError } from '../api/http';
import { t } from '../i18n';

export interface ListPage<T> {
  items: T[];
  /** Records matching the filters, not only this page. */
  total: number;
}

/**
 * `items` and `total` of the latest answer of `fetch`, `loading` while the latest request runs, and
 * `refused`: the message of a refused request (a bad filter: 400/422), or a general failure's
 * wording — the list is then empty. The fetch should be quiet: the page shows the refusal itself.
 */
export function useLatestPage<T>(fetch: () => Promise<ListPage<T>>) {
  const items = ref([]) as Ref<T[]>;
  const total = ref(0);
  const loading = ref(false);
  const refused = ref('');
  let request = 0;

  async function load(): Promise<void> {
    const mine = ++request;
    loading.value = true;
    refused.value = '';
    try {
      const page = await fetch();
      if (mine !== request) return;
      items.value = page.items;
      total.value = page.total;
    } catch (error) {
      if (mine !== request) return;
      items.value = [];
      total.value = 0;
      refused.value = error instanceof ApiError && error.message ? error.message : t('errors.unknown');
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  return { items, total, loading, refused, load };
}

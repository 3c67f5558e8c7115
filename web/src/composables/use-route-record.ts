// The record a detail page (/…/:id) shows: loaded when the page opens and again when the id changes.
import { computed, watch } from 'vue';
import { useRoute } from 'vue-router';
import { useLoader } from './use-loader';

/** `id` from the route and what `useLoader(fetch(id))` gives: `data`, `loading`, `missing`, `load`. */
export function useRouteRecord<T>(fetch: (id: number) => Promise<T>) {
  const route = useRoute();
  const id = computed(() => Number(route.params.id));
  const loader = useLoader(() => fetch(id.value));
  watch(id, () => loader.load(), { immediate: true });
  return { id, ...loader };
}

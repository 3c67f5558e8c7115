// `v-sortable-headers` on an el-table: its sortable column headers become keyboard controls
// (WCAG 2.1.1) — a Tab stop each, Enter or Space sorts (the same cycle as a click: ascending,
// descending, none), and `aria-sort` tells a screen reader the current order (4.1.2). Element
// Plus draws the sort arrows for the mouse only.
import type { Directive } from 'vue';

/** The aria-sort value of a header with Element Plus's sort classes. */
export function ariaSortOf(classes: DOMTokenList | string[]): 'ascending' | 'descending' | 'none' {
  const list = Array.from(classes);
  if (list.includes('ascending')) return 'ascending';
  if (list.includes('descending')) return 'descending';
  return 'none';
}

function onKeydown(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  (event.currentTarget as HTMLElement).click();
}

/** Makes each sortable header under `root` focusable and operable, with its aria-sort. */
export function enhanceSortableHeaders(root: Element): void {
  for (const th of Array.from(root.querySelectorAll<HTMLElement>('th.is-sortable'))) {
    if (th.dataset.sortKeys !== 'true') {
      th.dataset.sortKeys = 'true';
      th.tabIndex = 0;
      th.addEventListener('keydown', onKeydown);
    }
    const sort = ariaSortOf(th.classList);
    if (th.getAttribute('aria-sort') !== sort) th.setAttribute('aria-sort', sort);
  }
}

const observers = new WeakMap<HTMLElement, MutationObserver>();

export const vSortableHeaders: Directive<HTMLElement> = {
  mounted(el) {
    // Header classes change when the order changes; rows re-render on every page.
    const observer = new MutationObserver(() => enhanceSortableHeaders(el));
    observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    observers.set(el, observer);
    enhanceSortableHeaders(el);
  },
  unmounted(el) {
    observers.get(el)?.disconnect();
    observers.delete(el);
  },
};

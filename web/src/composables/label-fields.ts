// `v-label-fields="text"`: names the unlabelled inputs inside a component that offers no label
// prop of its own — the page-size select of el-pagination, the checkboxes of an el-tree — for
// screen readers (WCAG 4.1.2). The value is the name, or a function giving each field its name
// (a tree row's text). Fields that already have a name (aria-label, aria-labelledby, a
// <label for>) are left alone.
import type { Directive } from 'vue';

export type FieldLabel = string | ((field: HTMLElement) => string);

/** Sets aria-label = `label` on each input or combobox under `root` that has no accessible name yet. */
export function labelFields(root: Element, label: FieldLabel): void {
  for (const field of Array.from(root.querySelectorAll<HTMLElement>('input, [role="combobox"]'))) {
    if (field.getAttribute('type') === 'hidden') continue;
    // A <label> counts only when it has text: el-checkbox wraps its input in an empty label.
    const labelEl = (field.id && root.ownerDocument.querySelector(`label[for="${CSS.escape(field.id)}"]`)) || field.closest('label');
    const named = field.hasAttribute('aria-labelledby') || !!labelEl?.textContent?.trim();
    const own = field.getAttribute('aria-label');
    // Ours to update (the language changed) or not named yet.
    if (named || (own && field.dataset.labelFields !== 'true')) continue;
    const text = typeof label === 'function' ? label(field) : label;
    if (!text) continue;
    field.setAttribute('aria-label', text);
    field.dataset.labelFields = 'true';
  }
}

// Rows a component renders later (a tree's lazily loaded nodes, a pager's select) are named as
// they appear: a MutationObserver per element, gone with the element.
const observers = new WeakMap<HTMLElement, { observer: MutationObserver; label: FieldLabel }>();

export const vLabelFields: Directive<HTMLElement, FieldLabel> = {
  mounted(el, binding) {
    const entry = { label: binding.value, observer: new MutationObserver(() => labelFields(el, entry.label)) };
    entry.observer.observe(el, { childList: true, subtree: true });
    observers.set(el, entry);
    labelFields(el, binding.value);
  },
  updated(el, binding) {
    const entry = observers.get(el);
    if (entry) entry.label = binding.value;
    labelFields(el, binding.value);
  },
  unmounted(el) {
    observers.get(el)?.observer.disconnect();
    observers.delete(el);
  },
};

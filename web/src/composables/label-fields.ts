// `v-label-fields="text"`: names the unlabelled inputs inside a component that offers no label
// prop of its own — the page-size select of el-pagination — for screen readers (WCAG 4.1.2).
// Fields that already have a name (aria-label, aria-labelledby, a <label for>) are left alone.
import type { Directive } from 'vue';

/** Sets aria-label = `text` on each input or combobox under `root` that has no accessible name yet. */
export function labelFields(root: Element, text: string): void {
  if (!text) return;
  for (const field of Array.from(root.querySelectorAll<HTMLElement>('input, [role="combobox"]'))) {
    if (field.getAttribute('type') === 'hidden') continue;
    const named = field.hasAttribute('aria-labelledby') || (field.id && root.ownerDocument.querySelector(`label[for="${CSS.escape(field.id)}"]`));
    const own = field.getAttribute('aria-label');
    // Ours to update (the language changed) or not named yet.
    if (named || (own && field.dataset.labelFields !== 'true')) continue;
    field.setAttribute('aria-label', text);
    field.dataset.labelFields = 'true';
  }
}

export const vLabelFields: Directive<HTMLElement, string> = {
  mounted: (el, binding) => labelFields(el, binding.value),
  updated: (el, binding) => labelFields(el, binding.value),
};

import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { defineComponent, h, nextTick, ref, withDirectives } from 'vue';
import { labelFields, vLabelFields } from './label-fields';

function fragment(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.appendChild(root);
  return root;
}

describe('labelFields', () => {
  it('names an unlabelled input and combobox', () => {
    const root = fragment('<input class="a"><div role="combobox" class="b"></div><input type="hidden" class="c">');
    labelFields(root, '每页条数');
    expect(root.querySelector('.a')!.getAttribute('aria-label')).toBe('每页条数');
    expect(root.querySelector('.b')!.getAttribute('aria-label')).toBe('每页条数');
    expect(root.querySelector('.c')!.hasAttribute('aria-label')).toBe(false);
  });

  it('leaves fields that already have a name', () => {
    const root = fragment('<input class="a" aria-label="页码"><input class="b" aria-labelledby="x"><label for="f">名称</label><input id="f" class="c">');
    labelFields(root, '每页条数');
    expect(root.querySelector('.a')!.getAttribute('aria-label')).toBe('页码');
    expect(root.querySelector('.b')!.hasAttribute('aria-label')).toBe(false);
    expect(root.querySelector('.c')!.hasAttribute('aria-label')).toBe(false);
  });

  it('names each field by a function of the field (a tree row by its text)', () => {
    const root = fragment('<div class="row"><input type="checkbox"><span>北联村</span></div><div class="row"><input type="checkbox"><span>  </span></div>');
    labelFields(root, (field) => field.closest('.row')?.textContent?.trim() ?? '');
    const [first, second] = Array.from(root.querySelectorAll('input'));
    expect(first.getAttribute('aria-label')).toBe('北联村');
    expect(second.hasAttribute('aria-label')).toBe(false); // no text, no empty name
  });

  it('names a field whose wrapping label is empty (an el-checkbox without text)', () => {
    const root = fragment('<div class="row"><label class="el-checkbox"><input type="checkbox" id="c1"></label><span>塘马村</span></div>');
    labelFields(root, (field) => field.closest('.row')?.textContent?.trim() ?? '');
    expect(root.querySelector('input')!.getAttribute('aria-label')).toBe('塘马村');
  });

  it('labels on mount and follows the value when it changes (another language)', async () => {
    const text = ref('每页条数');
    const Pager = defineComponent({
      setup: () => () => withDirectives(h('span', { class: 'pager' }, [h('input', { class: 'size' }), h('i', text.value)]), [[vLabelFields, text.value]]),
    });
    const wrapper = mount(Pager, { attachTo: document.body });
    const input = wrapper.find('input.size').element;
    expect(input.getAttribute('aria-label')).toBe('每页条数');
    text.value = 'Rows per page';
    await nextTick();
    expect(input.getAttribute('aria-label')).toBe('Rows per page');
    // A field added later (a lazily loaded tree row) is named when it appears.
    const late = document.createElement('input');
    wrapper.find('.pager').element.appendChild(late);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(late.getAttribute('aria-label')).toBe('Rows per page');
    wrapper.unmount();
  });
});

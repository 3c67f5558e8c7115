import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { ElOption, ElSelect } from 'element-plus';
import { i18n } from '../i18n';
import PersonPicker from './person-picker.vue';

function respond(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

describe('person picker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('leaves out the people it is told to exclude (those already in a batch)', async () => {
    const people = [
      { id: 1, name: '王建军', unit_name: '品建村' },
      { id: 2, name: '王志明', unit_name: '同盟村' },
      { id: 3, name: '王海峰', unit_name: '严北村' },
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => respond({ items: people, total: 3, page: 1, size: 30 })),
    );
    const wrapper = mount(PersonPicker, {
      props: { modelValue: [], multiple: true, unit: 5, exclude: [2] },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });
    await (wrapper.findComponent(ElSelect).props('remoteMethod') as (q: string) => Promise<void>)('王');
    await flushPromises();
    const offered = wrapper.findAllComponents(ElOption).map((o) => o.props('value'));
    expect(offered).toEqual([1, 3]);
  });
});

import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { reactive } from 'vue';
import { i18n } from '../../i18n';
import FrameworkEditor from './framework-editor.vue';
import { fromJson } from './framework-tree';

const framework = () =>
  reactive(
    fromJson({
      name: '四好书记',
      scale: 100,
      awards: [{ name: '四好书记', quota: 10 }],
      criteria: [
        { id: 'a', name: '政治素质好', weight: 3, children: [{ id: 'a1', name: '述职评分', weight: 1, method: 'judges', trim: 2 }] },
        { id: 'b', name: '群众口碑好', weight: 1, method: 'rating' },
      ],
    }),
  );

describe('framework editor', () => {
  it('shows shares of the parent and the judges a judges criterion needs', { timeout: 30_000 }, async () => {
    const wrapper = mount(FrameworkEditor, { props: { framework: framework() }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.findAll('[data-test="fw-share"]').map((w) => w.text())).toEqual(['75.0%', '100.0%', '25.0%']);
    expect(wrapper.find('[data-test="fw-judges-needed"]').text()).toBe('每个对象至少 5 位评委');
    expect(wrapper.findAll('[data-test="fw-error"]')).toHaveLength(0);
    wrapper.unmount();
  });

  it('flags a new empty group, a zero weight and a duplicate id next to the row', { timeout: 30_000 }, async () => {
    const fw = framework();
    const wrapper = mount(FrameworkEditor, { props: { framework: fw }, global: { plugins: [i18n] }, attachTo: document.body });
    await wrapper.find('[data-test="fw-add-group"]').trigger('click');
    fw.criteria[1].weight = 0;
    fw.criteria[0].children[0].id = 'b';
    await flushPromises();
    const errors = wrapper.findAll('[data-test="fw-error"]').map((w) => w.text());
    expect(errors).toContain('分组下没有指标：请添加子指标，或改为计分方法');
    expect(errors).toContain('权重必须大于 0');
    expect(errors.filter((e) => e === '指标编号“b”重复')).toHaveLength(2);
    // Shares wait for valid weights.
    expect(wrapper.findAll('[data-test="fw-share"]')[0].text()).toBe('—');
    wrapper.unmount();
  });

  it('read-only (a locked campaign) shows the tree without flagging what it cannot know', { timeout: 30_000 }, async () => {
    // The campaign detail has no method parameters: a manual criterion arrives without its max.
    const fw = reactive(fromJson({ name: '擂台', criteria: [{ id: 'm', name: '实绩', weight: 1, method: 'manual' }] }));
    const editable = mount(FrameworkEditor, { props: { framework: fw }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(editable.findAll('[data-test="fw-error"]').map((w) => w.text())).toEqual(['缺少参数：满分']);
    editable.unmount();
    const locked = mount(FrameworkEditor, { props: { framework: fw, readonly: true }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(locked.findAll('[data-test="fw-error"]')).toHaveLength(0);
    expect(locked.findAll('[data-test="fw-criterion-name"] input, input[data-test="fw-criterion-name"]').every((w) => (w.element as HTMLInputElement).disabled)).toBe(true);
    locked.unmount();
  });
});


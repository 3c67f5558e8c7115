import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { ElSelect } from 'element-plus';
import { i18n } from '../../i18n';
import type { PointsPeriod } from '../../api/points';
import PeriodPicker from './period-picker.vue';

const period = (id: number, name: string, current: boolean, closed: boolean): PointsPeriod => ({
  id,
  name,
  from: `${name.slice(0, 4)}-01-01`,
  to: `${name.slice(0, 4)}-12-31`,
  stars: ['0.00', '60.00'],
  base_points: '0.00',
  zeroing_rules: [],
  grades: [],
  grades_text: '',
  publicity_days: 7,
  closed,
  current,
});

vi.mock('../../api/points', () => ({
  pointsApi: { periods: vi.fn(async () => ({ items: [period(1, '2025年度', false, true), period(2, '2026年度', true, false)] })) },
}));

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('period picker', () => {
  it('reports the periods, stands on the current one, and maps picking it back to null (the default)', async () => {
    const wrapper = mount(PeriodPicker, { props: { modelValue: null }, global: { plugins: [i18n] } });
    await tick();
    const loaded = wrapper.emitted('loaded') as PointsPeriod[][][];
    expect(loaded[0][0].map((p) => p.name)).toEqual(['2025年度', '2026年度']);
    const select = wrapper.findComponent(ElSelect);
    expect(select.props('modelValue')).toBe(2);
    select.vm.$emit('update:modelValue', 1);
    select.vm.$emit('update:modelValue', 2);
    expect(wrapper.emitted('update:modelValue')).toEqual([[1], [null]]);
    wrapper.unmount();
  });

  it('stands on the period it is given', async () => {
    const wrapper = mount(PeriodPicker, { props: { modelValue: 1 }, global: { plugins: [i18n] } });
    await tick();
    expect(wrapper.findComponent(ElSelect).props('modelValue')).toBe(1);
    wrapper.unmount();
  });
});

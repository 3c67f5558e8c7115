import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '../../i18n';
import UnitCompare from './unit-compare.vue';

const unit = (name: string, income: number, economy = 'agriculture') => ({
  unit_id: 1,
  name,
  economy,
  dev_zone: false,
  near_highway: true,
  population: 3200,
  income,
  income_year: 2026,
  incomes: [],
});

describe('trainee/host comparison', () => {
  it('puts the two units side by side with income in 10k yuan, similarity and gap', () => {
    const wrapper = mount(UnitCompare, {
      props: { trainee: unit('同盟村', 1_191_000), host: unit('采莲村', 5_111_000, 'tourism'), similarity: 0.58, gap: 1.4626 },
      global: { plugins: [i18n] },
    });
    const text = wrapper.text();
    expect(text).toContain('同盟村');
    expect(text).toContain('采莲村');
    expect(text).toContain('119.1');
    expect(text).toContain('511.1');
    expect(text).toContain('相似度 0.58');
    expect(text).toContain('差距 1.46');
    wrapper.unmount();
  });

  it('shows a dash when no host is recommended', () => {
    const wrapper = mount(UnitCompare, { props: { trainee: unit('同盟村', 1_191_000), host: null }, global: { plugins: [i18n] } });
    expect(wrapper.findAll('tbody tr')[0].text()).toContain('—');
    wrapper.unmount();
  });
});

import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '../../i18n';
import ExplanationPanel from './explanation-panel.vue';
import { explanation, rows } from './fixtures';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('explanation panel', () => {
  it('shows the total, the gaps to the best and to the one above, and every criterion', async () => {
    const wrapper = mount(ExplanationPanel, { props: { explanation }, global: { plugins: [i18n] }, attachTo: document.body });
    await tick();
    expect(wrapper.find('[data-test="explain-name"]').text()).toBe('白米镇');
    expect(wrapper.find('[data-test="explain-total"]').text()).toBe('93.09');
    const gaps = wrapper.find('[data-test="explain-gaps"]').text();
    expect(gaps).toContain('距第一名（罗塘街道）相差 4.23 分');
    expect(gaps).toContain('距上一名（罗塘街道）相差 4.23 分');
    expect(wrapper.findAll('[data-test="explain-criterion"]').map((w) => w.text())).toEqual(['引领力强', '中心组月学次数', '政治引领述比评分', '群众满意度测评']);
    expect(wrapper.findAll('[data-test="explain-contribution"]').map((w) => w.text())).toEqual(['23.22', '7.64', '15.58', '—']);
    wrapper.unmount();
  });

  it('includes the track coefficient in the formula when the subject has one', async () => {
    const plain = mount(ExplanationPanel, { props: { explanation: { ...explanation, coefficient: 1 } }, global: { plugins: [i18n] } });
    expect(plain.find('[data-test="explain-formula"]').text()).not.toContain('赛道系数');
    plain.unmount();
    const tracked = mount(ExplanationPanel, { props: { explanation: { ...explanation, coefficient: 1.1 } }, global: { plugins: [i18n] } });
    expect(tracked.find('[data-test="explain-formula"]').text()).toContain('× 赛道系数 1.1');
    tracked.unmount();
  });

  it('marks trimmed judge scores, derived values and missing data; shows capped penalties', async () => {
    const wrapper = mount(ExplanationPanel, { props: { explanation }, global: { plugins: [i18n] }, attachTo: document.body });
    await tick();
    const dropped = wrapper.findAll('.input.dropped').map((w) => w.text());
    expect(dropped).toEqual(['评委 89.1', '评委 96.3']);
    expect(wrapper.findAll('.input.derived').map((w) => w.text())).toEqual(['去极值均分 93.3667']);
    expect(wrapper.text()).toContain('计数');
    expect(wrapper.text()).toContain('评委打分');
    expect(wrapper.text()).toContain('缺数据');
    expect(wrapper.text()).toContain('2.00 (原始 3.00)');
    wrapper.unmount();
  });

  it('says first place instead of gaps for the best subject, and shows a veto reason', async () => {
    const first = { ...explanation, ...rows[0], bonus: { raw: 2, applied: 2 }, penalty: { raw: 0, applied: 0 }, best: null, above: null };
    const vetoed = { ...explanation, ...rows[3], bonus: { raw: 0, applied: 0 }, penalty: { raw: 0, applied: 0 } };
    const a = mount(ExplanationPanel, { props: { explanation: first }, global: { plugins: [i18n] } });
    expect(a.find('[data-test="explain-gaps"]').text()).toBe('当前排名第一');
    a.unmount();
    const b = mount(ExplanationPanel, { props: { explanation: vetoed }, global: { plugins: [i18n] } });
    expect(b.text()).toContain('一票否决：发生重大安全事故');
    b.unmount();
  });
});

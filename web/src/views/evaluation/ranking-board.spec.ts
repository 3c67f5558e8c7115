import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '../../i18n';
import RankingBoard from './ranking-board.vue';
import { rows, topCriteria } from './fixtures';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ranking board', () => {
  it('shows rank, subject, total, award and the vetoed/incomplete flags in the server’s order', async () => {
    const wrapper = mount(RankingBoard, { props: { rows, topCriteria }, global: { plugins: [i18n] }, attachTo: document.body });
    await tick();
    const texts = (sel: string) => wrapper.findAll(`[data-test="${sel}"]`).map((w) => w.text());
    expect(texts('board-rank')).toEqual(['1', '2', '3', '4']);
    expect(texts('board-subject')).toEqual(['罗塘街道', '白米镇', '娄庄镇', '三水街道']);
    expect(texts('board-total')).toEqual(['97.32', '93.09', '92.49', '60.00']);
    expect(texts('board-award')).toEqual(['好班子', '好班子']);
    expect(texts('board-vetoed')).toEqual(['一票否决']);
    expect(texts('board-incomplete')).toEqual(['数据不全']);
    // Top-level criteria as columns, s as a percentage.
    expect(wrapper.text()).toContain('战斗力强');
    expect(wrapper.text()).toContain('98.0%');
    wrapper.unmount();
  });

  it('emits explain with the row when its button is clicked, select on a row click', async () => {
    const wrapper = mount(RankingBoard, { props: { rows, topCriteria }, global: { plugins: [i18n] }, attachTo: document.body });
    await tick();
    await wrapper.findAll('[data-test="board-explain"]')[1].trigger('click');
    expect(wrapper.emitted('explain')?.[0]?.[0]).toMatchObject({ subject_id: 1, name: '白米镇' });
    expect(wrapper.emitted('select')).toBeUndefined();
    wrapper.unmount();
  });

  it('drops the gap and criteria columns in compact (phone) mode', async () => {
    const wrapper = mount(RankingBoard, { props: { rows, topCriteria, compact: true }, global: { plugins: [i18n] }, attachTo: document.body });
    await tick();
    expect(wrapper.text()).not.toContain('战斗力强');
    expect(wrapper.findAll('[data-test="board-subject"]')).toHaveLength(4);
    // No button column: a tap on the row opens the drill-down.
    expect(wrapper.findAll('[data-test="board-explain"]')).toHaveLength(0);
    await wrapper.findAll('.el-table__row')[2].trigger('click');
    expect(wrapper.emitted('explain')?.[0]?.[0]).toMatchObject({ name: '娄庄镇' });
    wrapper.unmount();
  });
});

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

  it('shows tracks (coefficient when ≠ 1), band tags, ranks within a track and 安排整改 only where due', async () => {
    const banded = rows.map((r, i) => ({
      ...r,
      track: i < 2 ? '农业' : '工业',
      track_rank: i < 2 ? i + 1 : i - 1,
      coefficient: i < 2 ? 1.1 : 1,
      band: i === 3 ? '差' : '好',
      follow_up: i === 3,
    }));
    const bands = [
      { name: '好', share: 0.8, follow_up: false },
      { name: '差', share: 0.2, follow_up: true },
    ];
    const followUps = [
      {
        id: 1, subject_id: banded[3].subject_id, version: 1, band: '差', action: '整改', leader: '王', deadline: '2030-01-01', status: 'done' as const,
        outcome: '好', created_by: 'county', created_at: '', closed_by: 'county', closed_at: '2030-01-02',
      },
    ];
    const wrapper = mount(RankingBoard, {
      props: { rows: banded, topCriteria, bands, followUps, canFollowUp: true },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });
    await tick();
    const texts = (sel: string) => wrapper.findAll(`[data-test="${sel}"]`).map((w) => w.text());
    expect(texts('board-track')).toEqual(['农业', '农业', '工业', '工业']);
    expect(texts('board-coefficient')).toEqual(['×1.1', '×1.1']);
    expect(texts('board-band')).toEqual(['好', '好', '好', '差']);
    expect(wrapper.findAll('.el-tag--danger').map((w) => w.text())).toContain('差');
    expect(wrapper.findAll('.el-tag--success').map((w) => w.text())).toContain('好');
    // A closed follow-up does not block a new one.
    expect(wrapper.findAll('[data-test="board-arrange-followup"]')).toHaveLength(1);
    await wrapper.find('[data-test="board-arrange-followup"]').trigger('click');
    expect(wrapper.emitted('followUp')?.[0]?.[0]).toMatchObject({ subject_id: banded[3].subject_id });
    expect(wrapper.emitted('select')).toBeUndefined();

    // One track's rows: the rank shown is the rank in the track; an open follow-up hides the button.
    await wrapper.setProps({ rows: banded.slice(2), track: '工业', followUps: [{ ...followUps[0], status: 'open' as const }] });
    await tick();
    expect(texts('board-rank')).toEqual(['1', '2']);
    expect(texts('board-followup-open')).toEqual(['整改中']);
    expect(wrapper.findAll('[data-test="board-arrange-followup"]')).toHaveLength(0);
    wrapper.unmount();
  });
});


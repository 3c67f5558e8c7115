// Test data shaped like the server's answers for the demo's 2021 三好创争 (abridged).
import type { Explanation, RankingRow, TopCriterion } from '../../api/evaluation';

export const topCriteria: TopCriterion[] = [
  { id: 'yinlingli', name: '引领力强', share: 0.25 },
  { id: 'ningjuli', name: '凝聚力强', share: 0.25 },
  { id: 'zhandouli', name: '战斗力强', share: 0.3 },
  { id: 'gongxinli', name: '公信力强', share: 0.2 },
];

const row = (rank: number, id: number, name: string, total: number, extra: Partial<RankingRow> = {}): RankingRow => ({
  rank,
  subject_id: id,
  unit_id: 100 + id,
  name,
  town_id: 100 + id,
  town_name: name,
  total,
  total_text: total.toFixed(2),
  bonus: 0,
  penalty: 0,
  vetoed: false,
  veto_reason: null,
  incomplete: false,
  award: null,
  gap_to_best: 0,
  gap_to_above: 0,
  scores: { yinlingli: 0.96, ningjuli: 0.96, zhandouli: 1, gongxinli: 0.86 },
  ...extra,
});

export const rows: RankingRow[] = [
  row(1, 2, '罗塘街道', 97.32, { award: '好班子', bonus: 2 }),
  row(2, 1, '白米镇', 93.09, { award: '好班子', gap_to_best: 4.23, gap_to_above: 4.23, scores: { yinlingli: 0.93, ningjuli: 0.95, zhandouli: 0.98, gongxinli: 0.84 } }),
  row(3, 8, '娄庄镇', 92.49, { gap_to_best: 4.83, gap_to_above: 0.6, incomplete: true }),
  row(4, 9, '三水街道', 60, { vetoed: true, veto_reason: '发生重大安全事故', gap_to_best: 37.32, gap_to_above: 32.49 }),
];

export const explanation: Explanation = {
  ...rows[1],
  campaign_id: 1,
  scale: 100,
  s_root: 0.9309,
  bonus: { raw: 0, applied: 0 },
  penalty: { raw: 3, applied: 2 },
  best: '罗塘街道',
  above: '罗塘街道',
  criteria: [
    { id: 'yinlingli', name: '引领力强', level: 1, method: 'group', inputs: [], missing: false, s: 0.9289, weight: 25, share: 0.25, global_share: 0.25, contribution: 23.22 },
    { id: 'yl_study', name: '中心组月学次数', level: 2, method: 'count', inputs: [{ key: 'count', value: 11 }], missing: false, s: 0.9167, weight: 1, share: 0.3333, global_share: 0.0833, contribution: 7.64 },
    {
      id: 'yl_judges',
      name: '政治引领述比评分',
      level: 2,
      method: 'judges',
      inputs: [
        { key: 'judge', value: 94.4 },
        { key: 'judge', value: 89.1, dropped: true },
        { key: 'judge', value: 92.1 },
        { key: 'judge', value: 96.3, dropped: true },
        { key: 'judge', value: 93.6 },
        { key: 'mean', value: 93.36666666, derived: true },
      ],
      missing: false,
      s: 0.935,
      weight: 2,
      share: 0.6667,
      global_share: 0.1667,
      contribution: 15.58,
    },
    { id: 'gx_rating', name: '群众满意度测评', level: 2, method: 'rating', inputs: [], missing: true, s: null, weight: 1, share: 1, global_share: 0.2, contribution: null },
  ],
};

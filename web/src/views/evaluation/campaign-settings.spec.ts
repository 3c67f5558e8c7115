import { describe, expect, it } from 'vitest';
import {
  bandLabel,
  bandSum,
  bandSumOk,
  bandTagType,
  boardTracks,
  coefficientText,
  defaultBands,
  frameworkOfDetail,
  overdue,
  ownerIssues,
  ownersPayload,
  removeTrack,
  renameTrack,
  rowsOfTrack,
  settingsForm,
  settingsIssues,
  settingsPayload,
  shownRank,
  sortFollowUps,
} from './campaign-settings';
import { fromJson, validate } from './framework-tree';
import { fieldIndex } from '../../utils/server-errors';
import type { CampaignDetail, FollowUp, RankingRow, Template } from '../../api/evaluation';
import { rows as demoRows } from './fixtures';

const detail = (extra: Partial<CampaignDetail> = {}): CampaignDetail => ({
  id: 7,
  name: '2024 书记擂台',
  scope_unit_id: 1,
  scope_unit_name: '姜堰区',
  framework: '擂台',
  framework_version: 1,
  template: null,
  cycle_kind: 'year',
  cycle_label: '2024',
  status: 'draft',
  version: 1,
  subject_count: 3,
  created_by: 'county',
  created_at: '2024-01-02T00:00:00Z',
  published_by: null,
  published_at: null,
  scale: 100,
  top_criteria: [],
  criteria: [
    { id: 'dev', name: '发展', parent: '', level: 1, method: 'group', weight: 2, share: 0.5, global_share: 0.5 },
    { id: 'sales', name: '开票销售', parent: 'dev', level: 2, method: 'target', weight: 1, share: 0.5, global_share: 0.25 },
    { id: 'grow', name: '同比增长', parent: 'dev', level: 2, method: 'growth', weight: 1, share: 0.5, global_share: 0.25 },
    { id: 'vote', name: '评委打分', parent: '', level: 1, method: 'judges', weight: 2, share: 0.5, global_share: 0.5 },
  ],
  awards: [{ name: '擂主', quota: 1, min_total: null }],
  subjects: [
    { id: 1, unit_id: 11, name: '甲村', unit_name: '甲村', town_id: 2, town_name: '白米镇', track: '农业' },
    { id: 2, unit_id: 12, name: '乙村', unit_name: '乙村', town_id: 2, town_name: '白米镇', track: '' },
    { id: 3, unit_id: 13, name: '丙村', unit_name: '丙村', town_id: 2, town_name: '白米镇', track: '工业' },
  ],
  fact_count: 0,
  tracks: [
    { name: '农业', coefficient: 1 },
    { name: '工业', coefficient: 0.95 },
  ],
  bands: [
    { name: '先进', share: 0.2, follow_up: false },
    { name: '一般', share: 0.6, follow_up: false },
    { name: '后进', share: 0.2, follow_up: true },
  ],
  negative: { name: '躺平奖', criterion: '', count: 2 },
  owners: [],
  locked: false,
  ...extra,
});

describe('band shares', () => {
  it('sums percents to two decimals and accepts exactly 100 (±0.1)', () => {
    expect(bandSum([{ percent: 20 }, { percent: 60 }, { percent: 20 }])).toBe(100);
    expect(bandSum([{ percent: 33.33 }, { percent: 33.33 }, { percent: 33.34 }])).toBe(100);
    expect(bandSum([{ percent: 20 }, { percent: null }])).toBe(20);
    expect(bandSumOk([{ percent: 33.33 }, { percent: 33.33 }, { percent: 33.34 }])).toBe(true);
    expect(bandSumOk([{ percent: 20 }, { percent: 70 }])).toBe(false);
    expect(bandSumOk([{ percent: 50 }, { percent: 50.2 }])).toBe(false);
    expect(bandSumOk([])).toBe(true);
  });

  it('refuses a sum other than 100% before submitting, naming the sum', () => {
    const form = settingsForm(detail());
    form.bands[1].percent = 50;
    const issues = settingsIssues(form);
    expect(issues).toEqual([{ code: 'bandSum', field: 'bandSum', params: { sum: 90 } }]);
    form.bands[1].percent = 60;
    expect(settingsIssues(form)).toEqual([]);
  });

  it('offers the 20/60/20 scheme with a follow-up for the bottom band', () => {
    const bands = defaultBands(['好', '中', '差']);
    expect(bandSum(bands)).toBe(100);
    expect(bands.map((b) => b.follow_up)).toEqual([false, false, true]);
  });
});

describe('settings form', () => {
  it('round-trips the detail into the PUT body, percents as fractions', () => {
    const form = settingsForm(detail());
    expect(form.bands.map((b) => b.percent)).toEqual([20, 60, 20]);
    expect(form.subjectTracks).toEqual({ 1: '农业', 2: '', 3: '工业' });
    form.reason = '  按县方案分档 ';
    const body = settingsPayload(form);
    expect(body.bands).toEqual([
      { name: '先进', share: 0.2, follow_up: false },
      { name: '一般', share: 0.6, follow_up: false },
      { name: '后进', share: 0.2, follow_up: true },
    ]);
    expect(body.tracks).toEqual([
      { name: '农业', coefficient: 1 },
      { name: '工业', coefficient: 0.95 },
    ]);
    expect(body.subject_tracks).toContainEqual({ subject_id: 3, track: '工业' });
    expect(body.negative).toEqual({ name: '躺平奖', criterion: '', count: 2 });
    expect(body.reason).toBe('按县方案分档');
  });

  it('sends 33.33% as 0.3333, not a float artefact', () => {
    const form = settingsForm(detail({ bands: [] }));
    form.bands = [
      { name: 'A', percent: 33.33, follow_up: false },
      { name: 'B', percent: 66.67, follow_up: true },
    ];
    expect(settingsPayload(form).bands.map((b) => b.share)).toEqual([0.3333, 0.6667]);
  });

  it('sends null when the negative list is switched off', () => {
    const form = settingsForm(detail());
    form.negativeOn = false;
    expect(settingsPayload(form).negative).toBeNull();
  });

  it('flags empty or duplicate names, bad coefficients and shares, unknown criteria', () => {
    const form = settingsForm(detail());
    form.tracks.push({ name: '农业', coefficient: 0 });
    form.bands[0].name = ' ';
    form.negative.count = 0;
    form.negative.criterion = 'nope';
    const codes = settingsIssues(form, ['dev', 'sales']).map((i) => `${i.code}@${i.field}`);
    expect(codes).toEqual(['trackDuplicate@tracks[2]', 'coefficient@tracks[2]', 'bandName@bands[0]', 'negativeCount@negative', 'negativeCriterion@negative']);
  });

  it('renaming a track carries its subjects; removing one frees them', () => {
    const form = settingsForm(detail());
    renameTrack(form, 0, '农业型');
    expect(form.subjectTracks[1]).toBe('农业型');
    expect(settingsIssues(form)).toEqual([]);
    removeTrack(form, 1);
    expect(form.subjectTracks[3]).toBe('');
    expect(form.tracks.map((t) => t.name)).toEqual(['农业型']);
  });

  it('reports a subject left in a track that no longer exists', () => {
    const form = settingsForm(detail());
    form.tracks[1].name = '城郊';
    expect(settingsIssues(form)).toEqual([{ code: 'subjectTrack', field: 'subject:3', params: { name: '工业' } }]);
  });
});

describe('owners', () => {
  it('requires a criterion and an owner, one owner per criterion; open windows send ""', () => {
    const rows = [
      { criterion: 'sales', owner: ' fgw ', window: ['2024-01-01', '2024-01-31'] as [string, string] },
      { criterion: 'sales', owner: '', window: null },
      { criterion: '', owner: 'x', window: null },
    ];
    expect(ownerIssues(rows).map((i) => `${i.code}@${i.field}`)).toEqual(['ownerDuplicate@owners[1]', 'ownerUser@owners[1]', 'ownerCriterion@owners[2]']);
    expect(ownersPayload(rows.slice(0, 2))).toEqual([
      { criterion: 'sales', owner: 'fgw', opens_on: '2024-01-01', closes_on: '2024-01-31' },
      { criterion: 'sales', owner: '', opens_on: '', closes_on: '' },
    ]);
    expect(fieldIndex('owners[2].closes_on', 'owners')).toBe(2);
    expect(fieldIndex('reason', 'owners')).toBe(-1);
  });
});

describe('framework of a campaign', () => {
  it('rebuilds the tree from the flat criteria, with the template’s parameters', () => {
    const template: Template = {
      key: 'arena',
      title: '擂台',
      subjects: 'units',
      name: '擂台',
      framework: {
        name: '擂台',
        bonus_cap: 5,
        tiebreak: ['vote', 'gone'],
        criteria: [
          { id: 'dev', name: '发展', weight: 2, children: [{ id: 'grow', name: '同比增长', weight: 1, method: 'growth', floor: 0, ceiling: 0.3 }] },
          { id: 'vote', name: '评委打分', weight: 2, method: 'judges', trim: 2, max: 10 },
        ],
      },
    };
    const json = frameworkOfDetail(detail(), template);
    const editor = fromJson(json);
    expect(editor.criteria.map((c) => c.id)).toEqual(['dev', 'vote']);
    expect(editor.criteria[0].children.map((c) => c.id)).toEqual(['sales', 'grow']);
    expect(editor.criteria[0].children[1].params).toEqual({ floor: 0, ceiling: 0.3 });
    expect(editor.criteria[1].params).toEqual({ trim: 2, max: 10 });
    expect(json.tiebreak).toEqual(['vote']);
    expect(json.bonus_cap).toBe(5);
    expect(validate(editor)).toEqual([]);
  });

  it('without a template a growth criterion lacks its bounds, and the editor says so', () => {
    const editor = fromJson(frameworkOfDetail(detail()));
    expect(validate(editor).map((i) => i.code)).toContain('paramRequired');
  });

  it('takes parameters, caps and tiebreak from the detail when the server sends them', () => {
    const base = detail();
    const withParams = detail({
      criteria: base.criteria.map((c) =>
        c.id === 'grow' ? { ...c, floor: -0.1, ceiling: 0.2 } : c.id === 'vote' ? { ...c, trim: 1, max: 100 } : c,
      ),
      bonus_cap: 3,
      penalty_cap: null,
      tiebreak: ['sales'],
    });
    const json = frameworkOfDetail(withParams);
    const editor = fromJson(json);
    expect(editor.criteria[0].children[1].params).toEqual({ floor: -0.1, ceiling: 0.2 });
    expect(editor.criteria[1].params).toEqual({ trim: 1, max: 100 });
    expect(json.bonus_cap).toBe(3);
    expect(json.penalty_cap).toBeUndefined();
    expect(json.tiebreak).toEqual(['sales']);
    expect(validate(editor)).toEqual([]);
  });
});

describe('board by track', () => {
  const rows: RankingRow[] = demoRows.slice(0, 4).map((r, i) => ({
    ...r,
    rank: i + 1,
    track: i % 2 ? '工业' : '农业',
    track_rank: Math.floor(i / 2) + 1,
    coefficient: i % 2 ? 0.95 : 1,
  }));

  it('lists tracks once and ranks within the chosen one', () => {
    expect(boardTracks(rows)).toEqual(['农业', '工业']);
    const industry = rowsOfTrack(rows, '工业');
    expect(industry.map((r) => r.rank)).toEqual([2, 4]);
    expect(industry.map((r) => shownRank(r, '工业'))).toEqual([1, 2]);
    expect(rowsOfTrack(rows, '')).toBe(rows);
    expect(shownRank(rows[3], null)).toBe(4);
  });

  it('shows the coefficient only when it changes the total', () => {
    expect(coefficientText(1)).toBe('');
    expect(coefficientText(undefined)).toBe('');
    expect(coefficientText(0.95)).toBe('×0.95');
    expect(coefficientText(1.1)).toBe('×1.1');
  });

  it('colours the first band green and the last red', () => {
    const bands = detail().bands!;
    expect(bandTagType(bands, '先进')).toBe('success');
    expect(bandTagType(bands, '一般')).toBe('warning');
    expect(bandTagType(bands, '后进')).toBe('danger');
    expect(bandTagType(bands, null)).toBe('info');
  });
});

describe('follow-ups', () => {
  const f = (id: number, status: 'open' | 'done', deadline: string, closed_at = ''): FollowUp => ({
    id,
    subject_id: id,
    version: 1,
    band: '后进',
    action: '整改',
    leader: '王书记',
    deadline,
    status,
    outcome: status === 'done' ? '已整改' : '',
    created_by: 'county',
    created_at: '2024-01-01T00:00:00Z',
    closed_by: status === 'done' ? 'county' : '',
    closed_at,
  });

  it('puts open ones first by deadline, then the latest closed', () => {
    const sorted = sortFollowUps([f(1, 'done', '2024-03-01', '2024-02-01T00:00:00Z'), f(2, 'open', '2024-05-01'), f(3, 'open', '2024-04-01'), f(4, 'done', '2024-03-01', '2024-02-09T00:00:00Z')]);
    expect(sorted.map((x) => x.id)).toEqual([3, 2, 4, 1]);
  });

  it('is overdue only while open and past the deadline', () => {
    expect(overdue(f(1, 'open', '2024-04-01'), '2024-04-02')).toBe(true);
    expect(overdue(f(1, 'open', '2024-04-01'), '2024-04-01')).toBe(false);
    expect(overdue(f(1, 'done', '2024-04-01', 'x'), '2024-05-01')).toBe(false);
  });

  it('shows the usual band names through the locale and other names as written', () => {
    const en = (key: string, named: Record<string, unknown>) =>
      ({ 'evaluation.bandPart.top': `Top ${named.p}%`, 'evaluation.bandPart.middle': `Middle ${named.p}%`, 'evaluation.bandPart.bottom': `Bottom ${named.p}%` })[key] ?? key;
    expect(bandLabel('前20%', en)).toBe('Top 20%');
    expect(bandLabel('中间60%', en)).toBe('Middle 60%');
    expect(bandLabel('后 20%', en)).toBe('Bottom 20%');
    expect(bandLabel('优秀', en)).toBe('优秀');
    expect(bandLabel(null, en)).toBe('');
  });
});

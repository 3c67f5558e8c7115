import { describe, expect, it } from 'vitest';
import { downloadedName, stubFetch, stubUpload } from './fetch-stub';
import { leaderboardQuery, pointsApi } from './points';

describe('points api', () => {
  const fetchMock = stubFetch();

  it('exports 积分细则 and imports it, previewing first with dry_run', async () => {
    expect(await downloadedName(fetchMock, () => pointsApi.exportRules())).toBe('积分细则.xlsx');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/points/rules.xlsx']);
    const opened = stubUpload({ dry_run: true });
    const file = new File(['x'], '细则.xlsx');
    expect((await pointsApi.importRules(file, true)).dry_run).toBe(true);
    await pointsApi.importRules(file, false);
    expect(opened).toEqual(['POST /api/v1/points/rules/import?dry_run=1', 'POST /api/v1/points/rules/import']);
  });

  it('builds leaderboard queries: empty scope and category are left out', async () => {
    expect(leaderboardQuery({})).toEqual({ unit: undefined, category: undefined, top: undefined });
    await pointsApi.leaderboard({ unit: 186, category: '志愿服务', top: 10 });
    await pointsApi.leaderboard({ unit: null, category: '' });
    await pointsApi.stars(186);
    await pointsApi.stars();
    await pointsApi.publicity(187, 30);
    await pointsApi.approvals(null);
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      `/api/v1/points/leaderboard?unit=186&category=${encodeURIComponent('志愿服务')}&top=10`,
      '/api/v1/points/leaderboard',
      '/api/v1/points/stars?unit=186',
      '/api/v1/points/stars',
      '/api/v1/points/publicity?unit=187&days=30',
      '/api/v1/points/approvals?limit=200',
    ]);
  });

  it('submits, approves and rejects with the CSRF header; a rejection carries its reason', async () => {
    await pointsApi.submit({ rule: 'ZY01', date: '2026-11-20', quantity: 2, note: '志愿服务日' });
    await pointsApi.approve(45);
    await pointsApi.reject(46, '佐证材料不全');
    const [submitUrl, submitInit] = fetchMock.mock.calls[0];
    expect(submitUrl).toBe('/api/v1/points/events');
    expect(JSON.parse(submitInit.body)).toEqual({ rule: 'ZY01', date: '2026-11-20', quantity: 2, note: '志愿服务日' });
    expect(submitInit.headers['X-CSRF-Token']).toBe('tok');
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/points/events/45/approve');
    expect(fetchMock.mock.calls[2][0]).toBe('/api/v1/points/events/46/reject');
    expect(JSON.parse(fetchMock.mock.calls[2][1].body)).toEqual({ reason: '佐证材料不全' });
  });

  it('passes the period to every board query and pages approvals', async () => {
    await pointsApi.leaderboard({ unit: 186, top: 10, period: 3 });
    await pointsApi.stars(186, 3);
    await pointsApi.publicity(187, 30, 3);
    await pointsApi.me(3);
    await pointsApi.approvals(186, 20, 3, 40);
    await pointsApi.members(187, '张');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/points/leaderboard?unit=186&top=10&period=3',
      '/api/v1/points/stars?unit=186&period=3',
      '/api/v1/points/publicity?unit=187&days=30&period=3',
      '/api/v1/points/me?period=3',
      '/api/v1/points/approvals?unit=186&limit=20&period=3&offset=40',
      `/api/v1/points/members?unit=187&q=${encodeURIComponent('张')}&limit=500`,
    ]);
  });

  it('edits rules and periods, records in bulk and reverses with a reason', async () => {
    await pointsApi.createRule({ code: 'ZY09', name: '义务献血', category: '志愿服务', points: 10, cap: null });
    await pointsApi.updateRule(7, { active: false });
    await pointsApi.updatePeriod(2, { closed: true });
    await pointsApi.recordBulk({ rule: 'ZY01', date: '2026-11-20', note: '志愿服务日', members: [1, 2, 3] });
    await pointsApi.reverse(45, '重复申报');
    const calls = fetchMock.mock.calls.map((c) => [c[1].method, c[0], JSON.parse(c[1].body)]);
    expect(calls).toEqual([
      ['POST', '/api/v1/points/rules', { code: 'ZY09', name: '义务献血', category: '志愿服务', points: 10, cap: null }],
      ['PATCH', '/api/v1/points/rules/7', { active: false }],
      ['PATCH', '/api/v1/points/periods/2', { closed: true }],
      ['POST', '/api/v1/points/events/bulk', { rule: 'ZY01', date: '2026-11-20', note: '志愿服务日', members: [1, 2, 3] }],
      ['POST', '/api/v1/points/events/45/reverse', { reason: '重复申报' }],
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureHttp, setCsrfToken } from './http';
import { leaderboardQuery, pointsApi } from './points';

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('points api', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fetchMock = vi.fn(async () => ok({ items: [] }));
    vi.stubGlobal('fetch', fetchMock);
    configureHttp({ notify: vi.fn(), onUnauthorized: vi.fn() });
    setCsrfToken('tok');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken('');
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
});

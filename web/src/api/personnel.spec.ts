import { describe, expect, it } from 'vitest';
import { downloadedName, stubFetch } from './fetch-stub';
import { personnelApi } from './personnel';

describe('personnel api', () => {
  const fetchMock = stubFetch({ items: [] });

  it('lists decisions with the filters that are set', async () => {
    await personnelApi.decisions();
    await personnelApi.decisions({ kind: 'reward', year: 2024 });
    await personnelApi.decisions({ kind: '', year: null });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/decisions', '/api/v1/decisions?kind=reward&year=2024', '/api/v1/decisions']);
  });

  it('exports 人事决定台账 with the same filters, named as the server names it', async () => {
    const answer = new Response('xlsx', {
      status: 200,
      headers: { 'Content-Disposition': "attachment; filename=\"decision-ledger.xlsx\"; filename*=UTF-8''%E4%BA%BA%E4%BA%8B%E5%86%B3%E5%AE%9A%E5%8F%B0%E8%B4%A6-2026-12-07.xlsx" },
    });
    expect(await downloadedName(fetchMock, () => personnelApi.exportXlsx({ kind: 'talk', year: 2023 }), answer)).toBe('人事决定台账-2026-12-07.xlsx');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/decisions.xlsx?kind=talk&year=2023');
  });

  it('lists and exports 躺平奖 nominations with the same filters', async () => {
    await personnelApi.nominations({ year: 2026, state: 'confirmed' });
    expect(await downloadedName(fetchMock, () => personnelApi.exportNominations({ year: 2026, state: 'confirmed' }))).toBe('躺平奖提名台账.xlsx');
    expect(await downloadedName(fetchMock, () => personnelApi.exportNominations({ year: null, state: '' }))).toBe('躺平奖提名台账.xlsx');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/tangping/nominations?year=2026&state=confirmed',
      '/api/v1/tangping/nominations.xlsx?year=2026&state=confirmed',
      '/api/v1/tangping/nominations.xlsx',
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureHttp, setCsrfToken } from './http';
import { trainingApi } from './training';

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('training api', () => {
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

  it('reads pools, candidates, programs, the recommendation and the gap at the documented paths', async () => {
    await trainingApi.pools();
    await trainingApi.candidates(2);
    await trainingApi.candidates(2, 81);
    await trainingApi.program(1);
    await trainingApi.recommendation(1, 3);
    await trainingApi.recommendation(1, 3, 0.4);
    await trainingApi.gap(8, 99);
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/pools',
      '/api/v1/pools/2/candidates',
      '/api/v1/pools/2/candidates?unit=81',
      '/api/v1/programs/1',
      '/api/v1/programs/1/recommendation?batch=3',
      '/api/v1/programs/1/recommendation?batch=3&min_similarity=0.4',
      '/api/v1/units/8/gap?host=99',
    ]);
  });

  it('selects with an override reason and places a list in one request', async () => {
    await trainingApi.setMember(2, { person_id: 168, state: 'selected', override_reason: '县委特批' });
    await trainingApi.place(1, [{ person_id: 12, host_unit_id: 99, batch_id: 3 }]);
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ person_id: 168, state: 'selected', override_reason: '县委特批' });
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/programs/1/placements');
    expect(JSON.parse(fetchMock.mock.calls[1][1].body)).toEqual({ placements: [{ person_id: 12, host_unit_id: 99, batch_id: 3 }] });
    expect(fetchMock.mock.calls[1][1].headers['X-CSRF-Token']).toBe('tok');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { stubFetch } from './fetch-stub';
import { evaluationApi, rankingQuery } from './evaluation';

describe('evaluation api', () => {
  const notify = vi.fn();
  const fetchMock = stubFetch({ items: [], rows: [] }, notify);

  it('builds the board query: town wins over unit, empty filters send nothing', () => {
    expect(rankingQuery()).toEqual({});
    expect(rankingQuery({ town: null, unit: null })).toEqual({});
    expect(rankingQuery({ town: 132 })).toEqual({ town: 132 });
    expect(rankingQuery({ unit: 116 })).toEqual({ unit: 116 });
    expect(rankingQuery({ town: 132, unit: 116 })).toEqual({ town: 132 });
  });

  it('asks for the ranking, explanation and award list at the documented paths', async () => {
    await evaluationApi.campaigns();
    await evaluationApi.ranking(1, { town: 132 });
    await evaluationApi.ranking(1, { unit: 116 });
    await evaluationApi.ranking(2);
    await evaluationApi.explain(1, 7);
    const urls = fetchMock.mock.calls.map((c) => c[0]);
    expect(urls).toEqual([
      '/api/v1/campaigns',
      '/api/v1/campaigns/1/ranking?town=132',
      '/api/v1/campaigns/1/ranking?unit=116',
      '/api/v1/campaigns/2/ranking',
      '/api/v1/campaigns/1/subjects/7/explain',
    ]);
  });

  it('publishes and reopens with the CSRF header and the reason', async () => {
    await evaluationApi.publish(3);
    await evaluationApi.reopen(3, '评委打分录入有误');
    const [publishUrl, publishInit] = fetchMock.mock.calls[0];
    expect(publishUrl).toBe('/api/v1/campaigns/3/publish');
    expect(publishInit.method).toBe('POST');
    expect(publishInit.headers['X-CSRF-Token']).toBe('tok');
    const [reopenUrl, reopenInit] = fetchMock.mock.calls[1];
    expect(reopenUrl).toBe('/api/v1/campaigns/3/versions');
    expect(JSON.parse(reopenInit.body)).toEqual({ reason: '评委打分录入有误' });
  });

  it('reads the board quietly: a 404 is the page’s to show, not a toast', async () => {
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ error: { code: 'not_found', message: '' } }), { status: 404 }));
    await expect(evaluationApi.ranking(9)).rejects.toMatchObject({ status: 404 });
    await expect(evaluationApi.campaign(9)).rejects.toMatchObject({ status: 404 });
    expect(notify).not.toHaveBeenCalled();
  });
});

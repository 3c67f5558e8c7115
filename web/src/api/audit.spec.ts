import { describe, expect, it, vi } from 'vitest';
import { downloadedName, stubFetch } from './fetch-stub';
import { auditApi } from './audit';

describe('audit api', () => {
  const notify = vi.fn();
  const fetchMock = stubFetch({ items: [], total: 0 }, notify);

  it('asks for a brief page newest first, the filters that are set, an entry, the chain check', async () => {
    await auditApi.page({});
    await auditApi.page({ user: 'town', entity: 'ticket', action: 'assign', entity_id: 12, from: '2026-12-01', to: '2026-12-07' }, 3700);
    await auditApi.entry(3749);
    await auditApi.verify();
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/audit?before=0&size=50&brief=1',
      '/api/v1/audit?before=3700&size=50&user=town&entity=ticket&action=assign&entity_id=12&from=2026-12-01&to=2026-12-07&brief=1',
      '/api/v1/audit/3749',
      '/api/v1/audit/verify',
    ]);
  });

  it('exports the filters that are set, without the page\'s cursor and size', async () => {
    const answer = new Response('xlsx', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="audit-log-2026-12-07.xlsx"' } });
    expect(await downloadedName(fetchMock, () => auditApi.exportXlsx({ user: 'town', entity_id: null, from: '2026-12-01' }), answer)).toBe('audit-log-2026-12-07.xlsx');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/audit.xlsx?user=town&from=2026-12-01');
  });

  it('leaves a refused filter to the page: no toast, the server\'s message on the error', async () => {
    fetchMock.mockImplementationOnce(async () => new Response(JSON.stringify({ error: { code: 'invalid', message: 'from 应为 YYYY-MM-DD', field: 'from' } }), { status: 400 }));
    await expect(auditApi.page({ from: 'x' })).rejects.toMatchObject({ status: 400, message: 'from 应为 YYYY-MM-DD', field: 'from' });
    expect(notify).not.toHaveBeenCalled();
  });
});

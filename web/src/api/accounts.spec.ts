import { describe, expect, it } from 'vitest';
import { downloadedName, stubFetch } from './fetch-stub';
import { accountsApi } from './accounts';

describe('accounts api', () => {
  const fetchMock = stubFetch({ items: [], total: 0, disabled: 0, must_change: 0 });

  it('lists a page of the filters, and exports every account of them without the page', async () => {
    await accountsApi.list({ q: 'baimi', role: 'town', offset: 20, limit: 20 });
    expect(await downloadedName(fetchMock, () => accountsApi.exportXlsx({ q: 'baimi', role: 'town', state: '', offset: 20, limit: 20 }))).toBe('账号清单.xlsx');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/accounts?q=baimi&role=town&offset=20&limit=20', '/api/v1/accounts.xlsx?q=baimi&role=town']);
  });
});

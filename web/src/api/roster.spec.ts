import { describe, expect, it } from 'vitest';
import { downloadedName, stubFetch } from './fetch-stub';
import { rosterApi } from './roster';

describe('roster api', () => {
  const fetchMock = stubFetch();

  it('lists the party organizations of the filters, and exports the same as 党组织名册', async () => {
    await rosterApi.partyOrgs(12, true);
    expect(await downloadedName(fetchMock, () => rosterApi.exportPartyOrgs(12, true))).toBe('党组织名册.xlsx');
    expect(await downloadedName(fetchMock, () => rosterApi.exportPartyOrgs(null, false))).toBe('党组织名册.xlsx');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/party-orgs?unit=12&include_dissolved=1',
      '/api/v1/party-orgs.xlsx?unit=12&include_dissolved=1',
      '/api/v1/party-orgs.xlsx',
    ]);
  });
});

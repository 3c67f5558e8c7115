import { describe, expect, it } from 'vitest';
import { downloadedName, stubFetch } from './fetch-stub';
import { ticketsApi } from './tickets';

describe('tickets api', () => {
  const fetchMock = stubFetch();

  it('lists the meetings of a year and exports the same as 会议台账', async () => {
    await ticketsApi.meetings(2026);
    expect(await downloadedName(fetchMock, () => ticketsApi.exportMeetings(2026))).toBe('会议台账.xlsx');
    expect(await downloadedName(fetchMock, () => ticketsApi.exportMeetings())).toBe('会议台账.xlsx');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/meetings?year=2026', '/api/v1/meetings.xlsx?year=2026', '/api/v1/meetings.xlsx']);
  });

  it('exports the 百姓议事堂 records as 议事堂台账', async () => {
    expect(await downloadedName(fetchMock, () => ticketsApi.exportDeliberations())).toBe('议事堂台账.xlsx');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/deliberations.xlsx']);
  });
});

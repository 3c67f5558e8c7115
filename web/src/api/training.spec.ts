import { describe, expect, it } from 'vitest';
import { downloadedName, stubFetch } from './fetch-stub';
import { trainingApi, yuanToFen } from './training';

describe('training api', () => {
  const fetchMock = stubFetch();

  it('reads pools, candidates, programs, the recommendation and the gap at the documented paths', async () => {
    await trainingApi.pools();
    await trainingApi.candidates(2);
    await trainingApi.candidates(2, { unit: 81 });
    await trainingApi.candidates(2, { offset: 50, limit: 25 });
    await trainingApi.program(1);
    await trainingApi.recommendation(1, 3);
    await trainingApi.recommendation(1, 3, 0.4);
    await trainingApi.gap(8, 99);
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/pools',
      '/api/v1/pools/2/candidates',
      '/api/v1/pools/2/candidates?unit=81',
      '/api/v1/pools/2/candidates?offset=50&limit=25',
      '/api/v1/programs/1',
      '/api/v1/programs/1/recommendation?batch=3',
      '/api/v1/programs/1/recommendation?batch=3&min_similarity=0.4',
      '/api/v1/units/8/gap?host=99',
    ]);
  });

  it('downloads a pool\'s member list, named after the pool when the server gives no name', async () => {
    expect(await downloadedName(fetchMock, () => trainingApi.exportPoolMembers(2, '兴村特岗书记'))).toBe('兴村特岗书记-名单.xlsx');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/pools/2/members.xlsx');
  });

  it('downloads a program\'s placements as 跟岗名单', async () => {
    expect(await downloadedName(fetchMock, () => trainingApi.exportPlacements(4))).toBe('跟岗名单.xlsx');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/programs/4/placements.xlsx');
  });

  it('downloads the program list as 培训项目台账', async () => {
    expect(await downloadedName(fetchMock, () => trainingApi.exportPrograms())).toBe('培训项目台账.xlsx');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/programs.xlsx');
  });

  it('selects with an override reason and places a list in one request', async () => {
    await trainingApi.setMember(2, { person_id: 168, state: 'selected', override_reason: '县委特批' });
    await trainingApi.place(1, [{ person_id: 12, host_unit_id: 99, batch_id: 3 }]);
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ person_id: 168, state: 'selected', override_reason: '县委特批' });
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/programs/1/placements');
    expect(JSON.parse(fetchMock.mock.calls[1][1].body)).toEqual({ placements: [{ person_id: 12, host_unit_id: 99, batch_id: 3 }] });
    expect(fetchMock.mock.calls[1][1].headers['X-CSRF-Token']).toBe('tok');
  });

  it('edits and deletes programs, placements and agreements with PATCH and DELETE', async () => {
    await trainingApi.updateProgram(1, { name: '新名称' });
    await trainingApi.deleteProgram(1);
    await trainingApi.updatePlacement(1, 5, { end_date: '2021-07-25' });
    await trainingApi.deletePlacement(1, 5);
    await trainingApi.updateAgreement(1, 7, { status: 'ended' });
    await trainingApi.deleteAgreement(1, 7);
    expect(fetchMock.mock.calls.map((c) => `${c[1].method} ${c[0]}`)).toEqual([
      'PATCH /api/v1/programs/1',
      'DELETE /api/v1/programs/1',
      'PATCH /api/v1/programs/1/placements/5',
      'DELETE /api/v1/programs/1/placements/5',
      'PATCH /api/v1/programs/1/agreements/7',
      'DELETE /api/v1/programs/1/agreements/7',
    ]);
    expect(JSON.parse(fetchMock.mock.calls[2][1].body)).toEqual({ end_date: '2021-07-25' });
  });

  it('reaches the ladder and the bonus pool at the documented paths', async () => {
    await trainingApi.ladder(3, '2022-01-01');
    await trainingApi.personLadder(9, '称职');
    await trainingApi.changeLadder(9, { action: 'promote', grade: '优秀' });
    await trainingApi.evaluateLadder({ unit_id: 3, grades: [{ person_id: 9, grade: '不称职' }], apply: false });
    await trainingApi.splitBonus({ unit_id: 3, period: '2024', pool_fen: 100000, dry_run: true });
    expect(fetchMock.mock.calls.map((c) => `${c[1].method} ${c[0]}`)).toEqual([
      'GET /api/v1/ladder?unit=3&as_of=2022-01-01',
      `GET /api/v1/people/9/ladder?grade=${encodeURIComponent('称职')}`,
      'POST /api/v1/people/9/ladder',
      'POST /api/v1/ladder/evaluate',
      'POST /api/v1/bonus-splits',
    ]);
    expect(trainingApi.bonusExportPath(4)).toBe('/bonus-splits/4/export.xlsx');
  });

  it('turns typed yuan into integer fen and refuses anything else', () => {
    expect(yuanToFen('100000')).toBe(10000000);
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen(' 0.07 ')).toBe(7);
    expect(yuanToFen('0')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('十万')).toBeNull();
  });
});

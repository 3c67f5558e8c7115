import { describe, expect, it } from 'vitest';
import { downloadedName, stubFetch, stubUpload } from './fetch-stub';
import { honoursApi } from './honours';

describe('honours api', () => {
  const fetchMock = stubFetch();

  it('downloads the import template and previews an import before registering it', async () => {
    expect(await downloadedName(fetchMock, () => honoursApi.downloadTemplate())).toBe('荣誉导入模板.xlsx');
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/honours/template.xlsx']);
    const opened = stubUpload({ dry_run: true, added: [], already: 0 });
    const file = new File(['x'], '荣誉.xlsx');
    expect((await honoursApi.importXlsx(file, true)).dry_run).toBe(true);
    await honoursApi.importXlsx(file, false);
    expect(opened).toEqual(['POST /api/v1/honours/import?dry_run=1', 'POST /api/v1/honours/import']);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureHttp, setCsrfToken, upload, type RowError } from './http';

/** A scripted XMLHttpRequest: records what was sent and lets the test play the server. */
class FakeXhr {
  static last: FakeXhr;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  statusText = '';
  responseText = '';
  withCredentials = false;
  upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void; onload?: () => void } = {};
  onload?: () => void;
  onerror?: () => void;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

describe('upload (import with progress)', () => {
  const onUnauthorized = vi.fn();
  beforeEach(() => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    configureHttp({ onUnauthorized, notify: vi.fn() });
    setCsrfToken('tok');
    onUnauthorized.mockReset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken('');
  });

  it('sends the raw file with type, name and CSRF headers and reports progress then processing', async () => {
    const file = new File(['单位区划代码,姓名\n'], '名册.csv', { type: '' });
    const progress: number[] = [];
    let uploaded = false;
    const done = upload<{ imported: number }>('/import/roster', file, { onProgress: (p) => progress.push(p), onUploaded: () => (uploaded = true) });
    const xhr = FakeXhr.last;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/import/roster');
    expect(xhr.body).toBe(file);
    expect(xhr.headers['Content-Type']).toBe('text/csv');
    expect(xhr.headers['X-Filename']).toBe(encodeURIComponent('名册.csv'));
    expect(xhr.headers['X-CSRF-Token']).toBe('tok');
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 });
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 200, total: 200 });
    xhr.upload.onload?.();
    expect(progress).toEqual([25, 100]);
    expect(uploaded).toBe(true);
    xhr.respond(200, { imported: 3, units: 1 });
    await expect(done).resolves.toEqual({ imported: 3, units: 1 });
  });

  it('uses the xlsx content type for Excel files', () => {
    void upload('/import/roster', new File(['x'], 'a.XLSX'), {}).catch(() => {});
    expect(FakeXhr.last.headers['Content-Type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('rejects with every bad row of a refused import', async () => {
    const rows: RowError[] = [
      { sheet: '人员', row: 3, field: '性别', message: '性别只能填“男”或“女”' },
      { sheet: '人员', row: 9, field: '出生日期', message: '出生日期格式应为 YYYY-MM-DD' },
    ];
    const done = upload('/import/roster', new File(['x'], 'a.csv'), { quiet: true });
    FakeXhr.last.respond(422, { error: { code: 'invalid', message: '2 行有误' }, rows });
    await expect(done).rejects.toMatchObject({ status: 422, rows });
  });

  it('sends the user to the login page when the session expired during the upload', async () => {
    const done = upload('/import/roster', new File(['x'], 'a.csv'), {});
    FakeXhr.last.respond(401, { error: { code: 'unauthorized', message: '' } });
    await expect(done).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});

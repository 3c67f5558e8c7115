import { describe, expect, it, vi } from 'vitest';
import { stubFetch } from './fetch-stub';
import { casesApi } from './cases';

describe('cases api', () => {
  const notify = vi.fn();
  const fetchMock = stubFetch({ items: [], total: 0, page: 1, size: 20 }, notify);
  const sent = (idx: number) => {
    const [url, init] = fetchMock.mock.calls[idx] as [string, RequestInit];
    return { url, method: init.method, body: init.body ? JSON.parse(String(init.body)) : undefined, csrf: (init.headers as Record<string, string>)['X-CSRF-Token'] };
  };

  it('searches with the values that are set, the first page of 20 by default', async () => {
    await casesApi.search({});
    await casesApi.search({ q: '跟岗培育 头雁', unit: 12, year: 2021, page: 2 });
    await casesApi.search({ q: '', unit: null, year: null, page: 3, size: 50 });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/cases?page=1&size=20',
      `/api/v1/cases?q=${encodeURIComponent('跟岗培育 头雁').replace(/%20/g, '+')}&unit=12&year=2021&page=2&size=20`,
      '/api/v1/cases?page=3&size=50',
    ]);
  });

  it('reads the years, a case, and sends a preview, a new case, a change and a deletion with the CSRF token', async () => {
    await casesApi.years();
    await casesApi.get(3);
    await casesApi.preview({ text: '正文', url: 'https://example.cn/a.html' });
    await casesApi.create({ text: '正文', units: [12, 14], title: '新标题' });
    await casesApi.update(3, { title: '改后的标题' });
    fetchMock.mockImplementationOnce(async () => new Response(null, { status: 204 }));
    await expect(casesApi.remove(3)).resolves.toBeUndefined();
    expect([0, 1, 2, 3, 4, 5].map(sent)).toEqual([
      { url: '/api/v1/cases/years', method: 'GET', body: undefined, csrf: undefined },
      { url: '/api/v1/cases/3', method: 'GET', body: undefined, csrf: undefined },
      { url: '/api/v1/cases/preview', method: 'POST', body: { text: '正文', url: 'https://example.cn/a.html' }, csrf: 'tok' },
      { url: '/api/v1/cases', method: 'POST', body: { text: '正文', units: [12, 14], title: '新标题' }, csrf: 'tok' },
      { url: '/api/v1/cases/3', method: 'PATCH', body: { title: '改后的标题' }, csrf: 'tok' },
      { url: '/api/v1/cases/3', method: 'DELETE', body: undefined, csrf: 'tok' },
    ]);
  });

  it('leaves a refused search to the page: no toast, the field and message on the error', async () => {
    fetchMock.mockImplementationOnce(async () => new Response(JSON.stringify({ error: { code: 'invalid', message: '搜索词不能超过 8 个', field: 'q' } }), { status: 422 }));
    await expect(casesApi.search({ q: '一 二 三 四 五 六 七 八 九' })).rejects.toMatchObject({ status: 422, field: 'q', message: '搜索词不能超过 8 个' });
    fetchMock.mockImplementationOnce(async () => new Response(JSON.stringify({ error: { code: 'forbidden', message: '' } }), { status: 403 }));
    await expect(casesApi.search({})).rejects.toMatchObject({ status: 403 });
    expect(notify).not.toHaveBeenCalled();
  });

  it('hands a refused import back with its field, for the dialog to show under that field', async () => {
    fetchMock.mockImplementationOnce(async () => new Response(JSON.stringify({ error: { code: 'invalid', message: '没有找到正文', field: 'text' } }), { status: 422 }));
    await expect(casesApi.preview({ text: '欢迎访问' })).rejects.toMatchObject({ status: 422, field: 'text', message: '没有找到正文' });
    expect(notify).not.toHaveBeenCalled();
  });
});

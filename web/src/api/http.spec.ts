import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, buildUrl, configureHttp, filenameFrom, http, setCsrfToken } from './http';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('http client', () => {
  const onUnauthorized = vi.fn();
  const notify = vi.fn();
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    onUnauthorized.mockReset();
    notify.mockReset();
    configureHttp({ onUnauthorized, notify });
    setCsrfToken('tok-123');
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken('');
  });

  it('sends the CSRF token on writes but not on reads', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, { ok: true }));
    await http.get('/units', { parent: 3 });
    await http.post('/people', { name: '张三' });
    await http.delete('/people/4');

    const [getUrl, getInit] = fetchMock.mock.calls[0];
    expect(getUrl).toBe('/api/v1/units?parent=3');
    expect(getInit.headers['X-CSRF-Token']).toBeUndefined();
    const [, postInit] = fetchMock.mock.calls[1];
    expect(postInit.headers['X-CSRF-Token']).toBe('tok-123');
    expect(postInit.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(postInit.body)).toEqual({ name: '张三' });
    expect(fetchMock.mock.calls[2][1].headers['X-CSRF-Token']).toBe('tok-123');
    expect(postInit.credentials).toBe('same-origin');
  });

  it('redirects to login on 401 and forgets the token', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(401, { error: { code: 'unauthorized', message: '会话已过期' } }));
    await expect(http.get('/people')).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(notify).not.toHaveBeenCalled();
    fetchMock.mockResolvedValueOnce(jsonResponse(200, {}));
    await http.post('/people', {});
    expect(fetchMock.mock.calls[1][1].headers['X-CSRF-Token']).toBeUndefined();
  });

  it('does not redirect on 401 from the login request itself', async () => {
    fetchMock.mockResolvedValue(jsonResponse(401, { error: { code: 'unauthorized', message: 'bad' } }));
    await expect(http.post('/session', {}, { noAuthRedirect: true, quiet: true })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it.each([
    [403, 'forbidden', 'warning', 'errors.forbidden'],
    [403, 'csrf', 'warning', 'errors.csrf'],
    [404, 'not_found', 'warning', 'errors.notFound'],
    [409, 'conflict', 'error', 'errors.conflict'],
    [500, 'internal', 'error', 'errors.server'],
  ])('turns %i %s into a friendly %s message', async (status, code, kind, key) => {
    fetchMock.mockResolvedValue(jsonResponse(status, { error: { code, message: 'x' } }));
    await expect(http.get('/units/9')).rejects.toMatchObject({ status, code });
    expect(notify).toHaveBeenCalledWith(kind, key, 'x');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('keeps quiet when the caller handles the failure', async () => {
    fetchMock.mockResolvedValue(jsonResponse(404, { error: { code: 'not_found', message: '不存在' } }));
    await expect(http.get('/units/9', undefined, { quiet: true })).rejects.toMatchObject({ status: 404 });
    expect(notify).not.toHaveBeenCalled();
  });

  it('exposes the field of a 422 and does not toast it', async () => {
    fetchMock.mockResolvedValue(jsonResponse(422, { error: { code: 'invalid', message: '出生日期格式不正确', field: 'birth_date' } }));
    const error = await http.post('/people', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, field: 'birth_date', message: '出生日期格式不正确' });
    expect(notify).not.toHaveBeenCalled();
  });

  it('survives a non-JSON error body and a network failure', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(http.get('/units')).rejects.toMatchObject({ status: 502, code: 'unknown' });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(http.get('/units')).rejects.toMatchObject({ status: 0, code: 'network' });
    expect(notify).toHaveBeenLastCalledWith('error', 'errors.network', 'network error');
  });

  it('returns undefined for 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(http.delete('/session')).resolves.toBeUndefined();
  });
});

describe('buildUrl', () => {
  it('drops empty values and encodes Chinese', () => {
    expect(buildUrl('/people', { q: '张', position: '', age_band: undefined, unit: 5, subtree: false })).toBe(
      '/api/v1/people?q=%E5%BC%A0&unit=5&subtree=0',
    );
  });
});

describe('filenameFrom', () => {
  it('prefers the RFC 5987 name', () => {
    expect(filenameFrom("attachment; filename=\"people.xlsx\"; filename*=UTF-8''%E4%BA%BA%E5%91%98.xlsx", 'x')).toBe('人员.xlsx');
    expect(filenameFrom('attachment; filename="people.xlsx"', 'x')).toBe('people.xlsx');
    expect(filenameFrom(null, 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});

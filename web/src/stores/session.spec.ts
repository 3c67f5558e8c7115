import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useSessionStore } from './session';
import { getCsrfToken, setCsrfToken } from '../api/http';

const user = { id: 1, username: 'town', display_name: '镇街操作员', role: 'town', scope_unit_id: 30, scope_unit_name: '张家港经济技术开发区' };

describe('session store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    setCsrfToken('');
    vi.stubGlobal('fetch', vi.fn());
  });

  it('keeps the CSRF token from the login response', async () => {
    vi.mocked(fetch).mockResolvedValue(new Response(JSON.stringify({ user, csrf_token: 'abc' }), { status: 200 }));
    const session = useSessionStore();
    await session.login('town', 'lingyan-demo');
    expect(session.loggedIn).toBe(true);
    expect(session.role).toBe('town');
    expect(getCsrfToken()).toBe('abc');
    const [url, init] = vi.mocked(fetch).mock.calls[0];
    expect(url).toBe('/api/v1/session');
    expect(init?.method).toBe('POST');
  });

  it('restores the session and token from /me, once', async () => {
    vi.mocked(fetch).mockResolvedValue(new Response(JSON.stringify({ ...user, csrf_token: 'from-me' }), { status: 200 }));
    const session = useSessionStore();
    expect(await session.restore()).toBe(true);
    expect(await session.restore()).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(getCsrfToken()).toBe('from-me');
  });

  it('treats a 401 from /me as logged out without throwing', async () => {
    vi.mocked(fetch).mockResolvedValue(new Response(JSON.stringify({ error: { code: 'unauthorized', message: '' } }), { status: 401 }));
    const session = useSessionStore();
    expect(await session.restore()).toBe(false);
    expect(session.user).toBeNull();
  });

  it('logs out even when the session already expired', async () => {
    vi.mocked(fetch).mockResolvedValueOnce(new Response(JSON.stringify({ user, csrf_token: 'abc' }), { status: 200 }));
    const session = useSessionStore();
    await session.login('town', 'x');
    vi.mocked(fetch).mockResolvedValueOnce(new Response('{}', { status: 401 }));
    await session.logout();
    expect(session.loggedIn).toBe(false);
    expect(getCsrfToken()).toBe('');
    expect(vi.mocked(fetch).mock.calls[1][1]?.headers).toMatchObject({ 'X-CSRF-Token': 'abc' });
  });
});

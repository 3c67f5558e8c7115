import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPinia } from 'pinia';
import { setupRouter } from './index';

function respond(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
/** The app's router on a fresh store, the server answering every request with `status` and `body`. */
function routerWhereServerSays(status: number, body: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => respond(status, body)));
  return setupRouter(createPinia());
}
const me = (role: string, scope = 81) => ({ id: 1, username: role, display_name: role, role, scope_unit_id: scope, scope_unit_name: '杨舍镇', csrf_token: 't' });

describe('router guard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a visitor without a session to the login page, remembering where they were going', async () => {
    const router = routerWhereServerSays(401, { error: { code: 'unauthorized', message: '' } });
    await router.push('/roster/people?education=bachelor');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/roster/people?education=bachelor');
  });

  it('restores a live session from /me and lands an officer on the workbench', async () => {
    const router = routerWhereServerSays(200, me('town'));
    await router.push('/');
    expect(router.currentRoute.value.path).toBe('/workbench');
    await router.push('/login');
    expect(router.currentRoute.value.path).toBe('/workbench');
  });

  it('sends an account on an issued password to 修改密码, whatever it opens', async () => {
    const router = routerWhereServerSays(200, { ...me('secretary', 100), must_change_password: true });
    await router.push('/roster/people');
    expect(router.currentRoute.value.name).toBe('change-password');
    await router.push('/');
    expect(router.currentRoute.value.name).toBe('change-password');
  });

  it('shows the not-found page for a module the role may not use', async () => {
    const router = routerWhereServerSays(200, me('secretary', 100));
    await router.push('/exchange');
    expect(router.currentRoute.value.name).toBe('not-found');
  });

  it('opens the audit log for admin only; a town officer gets the not-found page at the same address', async () => {
    const admin = routerWhereServerSays(200, me('admin', 0));
    await admin.push('/audit?entity=ticket');
    expect(admin.currentRoute.value.name).toBe('audit');
    const town = routerWhereServerSays(200, me('town'));
    await town.push('/audit');
    expect(town.currentRoute.value.name).toBe('not-found');
    expect(town.currentRoute.value.path).toBe('/audit');
  });

  it('opens the case library and a case for officers and secretaries; judges and members get the not-found page', async () => {
    for (const role of ['admin', 'county', 'town', 'secretary']) {
      const router = routerWhereServerSays(200, me(role, 100));
      await router.push('/cases?q=跟岗培育&year=2021');
      expect(router.currentRoute.value.name, role).toBe('cases');
      await router.push('/cases/3');
      expect(router.currentRoute.value.name, role).toBe('case-detail');
    }
    for (const role of ['judge', 'member']) {
      const router = routerWhereServerSays(200, me(role, 200));
      await router.push('/cases');
      expect(router.currentRoute.value.name, role).toBe('not-found');
      expect(router.currentRoute.value.path, role).toBe('/cases');
      await router.push('/cases/3');
      expect(router.currentRoute.value.name, role).toBe('not-found');
    }
  });

  it('lands a member on the workbench too', async () => {
    const router = routerWhereServerSays(200, me('member', 200));
    await router.push('/');
    expect(router.currentRoute.value.path).toBe('/workbench');
  });

  it('titles the page in the current language', async () => {
    const router = routerWhereServerSays(200, me('admin', 0));
    await router.push('/dashboard');
    expect(document.title).toBe('班子结构 - 领雁');
  });
});

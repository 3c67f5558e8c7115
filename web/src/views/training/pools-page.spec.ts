import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../../i18n';
import { signedIn } from '../../stores/signed-in';
import PoolsPage from './pools-page.vue';

function respond(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('new pool form', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('sends the quota and only the rules that were set, and shows the server refusal', { timeout: 30_000 }, async () => {
    const posts: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        if ((init?.method ?? 'GET') === 'POST' && url === '/api/v1/pools') {
          posts.push(JSON.parse(String(init.body)));
          return respond({ error: { code: 'conflict', message: '同名人才库已存在', field: 'name' } }, 409);
        }
        if (url === '/api/v1/pools') return respond({ items: [] });
        if (url.startsWith('/api/v1/units')) return respond({ items: [], total: 0, page: 1, size: 50 });
        return respond({ error: { code: 'not_found', message: '' } }, 404);
      }),
    );
    const pinia = signedIn('county', 'county', '姜堰区');
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: PoolsPage }, { path: '/p/:id', name: 'training-pool', component: { template: '<div />' } }] });
    await router.push('/');
    await router.isReady();
    const wrapper = mount(PoolsPage, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
    await flushPromises();

    await wrapper.find('[data-test="pool-create"]').trigger('click');
    await flushPromises();
    const name = document.querySelector<HTMLInputElement>('input[data-test="pool-name"], [data-test="pool-name"] input')!;
    name.value = '兴村特岗书记';
    name.dispatchEvent(new Event('input'));
    await flushPromises();
    (document.querySelector('[data-test="pool-save"]') as HTMLButtonElement).click();
    await vi.waitFor(
      async () => {
        await flushPromises();
        expect(document.querySelector('[data-test="form-error"]')?.textContent).toContain('同名人才库已存在');
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(posts).toEqual([{ name: '兴村特岗书记', scope_unit_id: 10, quota: 20, rules: {}, town_quota: {} }]);
    wrapper.unmount();
  });
});

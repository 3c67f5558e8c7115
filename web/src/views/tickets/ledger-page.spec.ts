// 交办台账: the filters come from the address (what is not a filter's value is dropped), go to
// GET /tickets as the server takes them, and a changed filter goes back into the address from page 1.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../../i18n';
import { signedIn } from '../../stores/signed-in';
import LedgerPage from './ledger-page.vue';

const TICKET = { id: 7, title: '村口路灯不亮', source: 'minqing', unit: '灵湖村', handler_unit: '灵湖村', leader: '李书记', deadline: '2026-12-10', state: 'assigned', colour: 'red' };

async function mountPage(address: string) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(decodeURIComponent(url));
      const body = url.startsWith('/api/v1/tickets?') ? { items: [TICKET], total: 41, colours: { red: 1, yellow: 0, blue: 0, none: 0 } } : { items: [], total: 0 };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/tickets/ledger', name: 'tickets-ledger', component: LedgerPage },
      { path: '/tickets/:id', component: { template: '<div />' } },
    ],
  });
  await router.push(address);
  await router.isReady();
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [signedIn('town', 'town', '临湖镇'), router, i18n] }, attachTo: document.body });
  await flushPromises();
  const lists = () => calls.filter((c) => c.startsWith('/api/v1/tickets?'));
  return { wrapper, router, lists };
}

describe('ticket ledger page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists what the address asks, dropping what is not a filter value', { timeout: 20_000 }, async () => {
    const { wrapper, lists } = await mountPage('/tickets/ledger?state=assigned&colour=purple&progress=running&unit=-3&q=路灯&page=2');
    expect(lists()).toEqual(['/api/v1/tickets?state=assigned&open=1&q=路灯&page=2&per_page=20']);
    expect(wrapper.get('[data-test="ledger-total"]').text()).toBe('共 41 件');
    expect(wrapper.get('[data-test="ledger-title"]').text()).toBe('#7 村口路灯不亮');
    wrapper.unmount();
  });

  it('puts changed words into the address and starts again at the first page', { timeout: 20_000 }, async () => {
    const { wrapper, router, lists } = await mountPage('/tickets/ledger?source=hotline&page=3');
    await wrapper.get('input[data-test="ledger-q"]').setValue(' 河道 ');
    await wrapper.get('[data-test="ledger-apply"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ source: 'hotline', q: '河道' });
    expect(lists().at(-1)).toBe('/api/v1/tickets?source=hotline&q=河道&page=1&per_page=20');
    wrapper.unmount();
  });
});

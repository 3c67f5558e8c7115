import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Role } from '../../api/session';
import { i18n } from '../../i18n';
import { signedIn } from '../../stores/signed-in';
import CasesPage from './cases-page.vue';
import { NANTONG, respond, stubCasesApi, type Call } from './cases-fixtures';

async function mountPage(role: Role, address: string, answer?: (call: Call) => Response | undefined) {
  const calls = stubCasesApi(answer);
  const pinia = signedIn(role, role, '姜堰区');
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cases', name: 'cases', component: CasesPage },
      { path: '/cases/:id', name: 'case-detail', component: { template: '<div />' } },
    ],
  });
  await router.push(address);
  await router.isReady();
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router, calls };
}
const searches = (calls: Call[]) => calls.filter((c) => c.url.startsWith('/api/v1/cases?')).map((c) => decodeURIComponent(c.url.replace(/\+/g, ' ')));

describe('case search page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('searches what the address says and shows the results with their hits and the total', { timeout: 20_000 }, async () => {
    const { wrapper, calls } = await mountPage('secretary', '/cases?q=跟岗培育&year=2021', ({ url }) =>
      url.startsWith('/api/v1/cases?') ? respond({ items: [NANTONG], total: 1, page: 1, size: 20 }) : undefined,
    );
    expect(searches(calls)).toEqual(['/api/v1/cases?q=跟岗培育&year=2021&page=1&size=20']);
    expect(wrapper.get('[data-test="cases-total"]').text()).toBe('找到 1 个案例');
    expect(wrapper.findAll('[data-test="case-card"]')).toHaveLength(1);
    expect(wrapper.get('[data-test="case-snippet"] mark').text()).toBe('跟岗培育');
    expect((wrapper.get('input[data-test="cases-q"]').element as HTMLInputElement).value).toBe('跟岗培育');
    wrapper.unmount();
  });

  it('puts a new search into the address, from the first page', { timeout: 20_000 }, async () => {
    const { wrapper, router, calls } = await mountPage('county', '/cases?page=3');
    const input = wrapper.get('input[data-test="cases-q"]');
    await input.setValue('  跟岗　培育 ');
    await wrapper.get('[data-test="cases-apply"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe(`/cases?q=${encodeURIComponent('跟岗 培育').replace('%20', '+')}`);
    expect(searches(calls).at(-1)).toBe('/api/v1/cases?q=跟岗 培育&page=1&size=20');
    await wrapper.get('[data-test="cases-reset"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/cases');
    wrapper.unmount();
  });

  it('says what is wrong with a search of more than 8 words before sending it', { timeout: 20_000 }, async () => {
    const { wrapper, router, calls } = await mountPage('county', '/cases');
    const before = searches(calls).length;
    await wrapper.get('input[data-test="cases-q"]').setValue('一 二 三 四 五 六 七 八 九');
    await wrapper.get('[data-test="cases-apply"]').trigger('click');
    await flushPromises();
    // The form item shows its error after Element's 100 ms debounce.
    await vi.waitFor(() => expect(wrapper.text()).toContain('最多 8 个搜索词'), { timeout: 2000, interval: 50 });
    expect(searches(calls)).toHaveLength(before);
    expect(router.currentRoute.value.fullPath).toBe('/cases');
    wrapper.unmount();
  });

  it('shows the server\'s refusal of a search, and an empty library apart from no match', { timeout: 20_000 }, async () => {
    const refused = await mountPage('county', '/cases?unit=99999', ({ url }) =>
      url.startsWith('/api/v1/cases?') ? respond({ error: { code: 'invalid', message: '单位 99999 不存在', field: 'unit' } }, 422) : undefined,
    );
    expect(refused.wrapper.get('[data-test="cases-refused"]').text()).toContain('单位 99999 不存在');
    refused.wrapper.unmount();
    vi.unstubAllGlobals();
    const empty = await mountPage('county', '/cases');
    expect(empty.wrapper.get('[data-test="cases-empty"]').text()).toContain('案例库中还没有案例');
    empty.wrapper.unmount();
    vi.unstubAllGlobals();
    const noMatch = await mountPage('county', '/cases?q=不存在的词');
    expect(noMatch.wrapper.get('[data-test="cases-empty"]').text()).toContain('没有符合条件的案例');
    noMatch.wrapper.unmount();
  });

  it('offers 导入案例 to officers only', { timeout: 20_000 }, async () => {
    for (const [role, offered] of [['admin', true], ['county', true], ['town', true], ['secretary', false]] as const) {
      const { wrapper } = await mountPage(role, '/cases');
      expect(wrapper.find('[data-test="case-import"]').exists(), role).toBe(offered);
      wrapper.unmount();
      vi.unstubAllGlobals();
    }
  });
});

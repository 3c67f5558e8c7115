import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { CaseDetail } from '../../api/cases';
import type { Role } from '../../api/session';
import { i18n } from '../../i18n';
import { signedIn } from '../../stores/signed-in';
import CaseDetailPage from './case-detail-page.vue';
import { DETAIL, respond, stubCasesApi } from './cases-fixtures';

async function mountDetail(role: Role, detail: CaseDetail | null) {
  const calls = stubCasesApi(({ url }) => (url === '/api/v1/cases/3' ? (detail ? respond(detail) : respond({ error: { code: 'not_found', message: '' } }, 404)) : undefined));
  const pinia = signedIn(role, role, '姜堰区');
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cases', name: 'cases', component: { template: '<div />' } },
      { path: '/cases/:id', name: 'case-detail', component: CaseDetailPage },
      { path: '/roster/units/:id', name: 'units', component: { template: '<div />' } },
    ],
  });
  await router.push('/cases/3');
  await router.isReady();
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, calls };
}

describe('case page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows the article, its original address safely, and the 要素 with each number in its sentence', { timeout: 20_000 }, async () => {
    const { wrapper } = await mountDetail('secretary', { ...DETAIL, can_edit: false });
    expect(wrapper.get('[data-test="case-title"]').text()).toBe(DETAIL.title);
    expect(wrapper.findAll('[data-test="case-text"] p').map((p) => p.text())).toEqual(DETAIL.paragraphs);
    const link = wrapper.get('[data-test="case-url"]');
    expect(link.attributes()).toMatchObject({ href: 'https://example.cn/news/1.html', target: '_blank', rel: 'noopener noreferrer' });
    expect(wrapper.get('[data-test="case-meta"]').text()).toContain('南通日报');
    // A full date is spelled out beside the text; a year alone is not repeated.
    expect(wrapper.findAll('[data-test="case-date"]').map((d) => d.text())).toEqual(['2021年09月24日 （2021-09-24）', '2020年']);
    const number = wrapper.get('[data-test="case-number"]');
    expect(number.get('strong').text()).toBe('48名');
    expect(number.get('mark').text()).toBe('48名');
    expect(number.get('[data-test="case-number-context"]').text()).toBe('分两批选派48名优秀村（社区）书记赴苏州。');
    expect(wrapper.get('[data-test="case-unit-link"]').attributes('href')).toBe('/roster/units/12');
    expect(wrapper.find('[data-test="case-edit"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="case-delete"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('offers 编辑 and 删除 to an officer the server lets edit the case, and no one else', { timeout: 20_000 }, async () => {
    const cases: [Role, boolean, boolean][] = [
      ['county', true, true],
      ['town', false, false],
      ['secretary', true, false], // the role decides too, whatever the answer says
    ];
    for (const [role, canEdit, offered] of cases) {
      const { wrapper } = await mountDetail(role, { ...DETAIL, can_edit: canEdit });
      expect(wrapper.find('[data-test="case-edit"]').exists(), role).toBe(offered);
      expect(wrapper.find('[data-test="case-delete"]').exists(), role).toBe(offered);
      wrapper.unmount();
      vi.unstubAllGlobals();
    }
  });

  it('shows no original link without an address, and the not-found notice for an unknown case', { timeout: 20_000 }, async () => {
    const plain = await mountDetail('county', { ...DETAIL, url: null, facts: { dates: [], numbers: [] }, units: [] });
    expect(plain.wrapper.find('[data-test="case-url"]').exists()).toBe(false);
    expect(plain.wrapper.text()).toContain('文中没有数字');
    expect(plain.wrapper.text()).toContain('未关联单位');
    plain.wrapper.unmount();
    vi.unstubAllGlobals();
    const gone = await mountDetail('county', null);
    expect(gone.wrapper.find('[data-test="case-title"]').exists()).toBe(false);
    expect(gone.wrapper.find('.el-alert').exists()).toBe(true);
    gone.wrapper.unmount();
  });

  it('saves an edit of the title and units and shows the answer', { timeout: 20_000 }, async () => {
    const { wrapper, calls } = await mountDetail('county', DETAIL);
    vi.mocked(fetch).mockImplementation(async (url, init) => {
      calls.push({ method: init?.method ?? 'GET', url: String(url), body: init?.body ? JSON.parse(String(init.body)) : undefined });
      return init?.method === 'PATCH' ? respond({ ...DETAIL, title: '改后的标题', units: [] }) : respond({ items: [], total: 0 });
    });
    await wrapper.get('[data-test="case-edit"]').trigger('click');
    await flushPromises();
    const title = document.querySelector<HTMLInputElement>('input[data-test="case-edit-title"]')!;
    title.value = '改后的标题';
    title.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('[data-test="case-edit-remove-unit"]')!.click();
    await flushPromises();
    document.querySelector<HTMLButtonElement>('[data-test="case-edit-save"]')!.click();
    await vi.waitFor(() => expect(wrapper.get('[data-test="case-title"]').text()).toBe('改后的标题'));
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([{ method: 'PATCH', url: '/api/v1/cases/3', body: { title: '改后的标题', units: [] } }]);
    wrapper.unmount();
  });
});

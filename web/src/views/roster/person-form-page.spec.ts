import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../../i18n';
import { setCsrfToken } from '../../api/http';
import { signedIn } from '../../stores/signed-in';
import PersonFormPage from './person-form-page.vue';

const person = {
  id: 5,
  unit_id: 100,
  unit_name: '北联村',
  name: '陈春华',
  gender: 'female',
  birth_date: '1978-03-01',
  age: 48,
  education: 'junior_college',
  party_join_date: '2001-07-01',
  id_number_masked: '320509********1234',
  phone: '13800000000',
  reserve_cadre: false,
  positions: [{ id: 9, person_id: 5, unit_id: 100, unit_name: '北联村', title: '书记', start_date: '2018-03-01', end_date: null }],
};
const unit = { id: 100, parent_id: 10, code: '320509103201', name: '北联村', kind: 'village', economy: 'agriculture', dev_zone: true, near_highway: true, population: 1, area_km2: 1, child_count: 0 };

function respond(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('person form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a 422 field error from the server under the right form item', { timeout: 30_000 }, async () => {
    const calls: { method: string; url: string; headers: Record<string, string> }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const method = init?.method ?? 'GET';
        calls.push({ method, url, headers: (init?.headers ?? {}) as Record<string, string> });
        if (method === 'PATCH') return respond({ error: { code: 'invalid', message: '身份证号校验位不正确', field: 'id_number' } }, 422);
        if (url.startsWith('/api/v1/people/5')) return respond(person);
        if (url.startsWith('/api/v1/units/100')) return respond({ unit, ancestors: [], party_orgs: [], team: [], incomes: [] });
        if (url === '/api/v1/units' || url.startsWith('/api/v1/units?')) return respond({ items: [unit], total: 1, page: 1, size: 50 });
        return respond({ error: { code: 'not_found', message: '' } }, 404);
      }),
    );
    const pinia = signedIn('town', 'town', '同里镇');
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/roster/people/:id', name: 'person-edit', component: PersonFormPage },
        { path: '/roster/people', name: 'people', component: { template: '<div />' } },
      ],
    });
    await router.push('/roster/people/5');
    await router.isReady();
    const wrapper = mount(PersonFormPage, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
    await flushPromises();
    expect((wrapper.find('input[name="name"]').element as HTMLInputElement).value).toBe('陈春华');

    // An ID number passes the client rule (18 characters) but the server refuses its checksum.
    const idInput = wrapper.find('[data-test="person-id-number"]');
    await (idInput.element.tagName === 'INPUT' ? idInput : idInput.find('input')).setValue('320509197803011235');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(
      async () => {
        await flushPromises();
        expect(wrapper.find('.el-form-item__error').exists()).toBe(true);
      },
      { timeout: 10_000, interval: 50 },
    );

    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.url).toBe('/api/v1/people/5');
    expect(patch?.headers['X-CSRF-Token']).toBe('csrf-1');
    const items = wrapper.findAll('.el-form-item');
    const idItem = items.find((item) => item.text().includes('身份证号'));
    expect(idItem?.find('.el-form-item__error').text()).toBe('身份证号校验位不正确');
    const nameItem = items.find((item) => item.text().startsWith('姓名'));
    expect(nameItem?.find('.el-form-item__error').exists()).toBe(false);
    wrapper.unmount();
    setCsrfToken('');
  });
});

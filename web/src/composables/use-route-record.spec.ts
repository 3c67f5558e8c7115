import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { mount, flushPromises } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ApiError } from '../api/http';
import { useRouteRecord } from './use-route-record';

function setup(fetch: (id: number) => Promise<string>) {
  let record!: ReturnType<typeof useRouteRecord<string>>;
  const Page = defineComponent({
    setup() {
      record = useRouteRecord(fetch);
      return () => h('div', record.data.value ?? '');
    },
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/things/:id', component: Page }] });
  return { router, record: () => record };
}

describe('useRouteRecord', () => {
  it("loads the route's record, and the next one when the id changes", async () => {
    const fetch = vi.fn(async (id: number) => `thing ${id}`);
    const { router, record } = setup(fetch);
    await router.push('/things/4');
    const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [router] } });
    await flushPromises();
    expect(record().id.value).toBe(4);
    expect(wrapper.text()).toBe('thing 4');
    await router.push('/things/9');
    await flushPromises();
    await nextTick();
    expect(fetch.mock.calls.map(([id]) => id)).toEqual([4, 9]);
    expect(wrapper.text()).toBe('thing 9');
  });

  it('says the record is missing when the server answers 404 (not found or out of scope)', async () => {
    const { router, record } = setup(() => Promise.reject(new ApiError(404, 'not_found', '未找到')));
    await router.push('/things/5');
    mount({ template: '<router-view />' }, { global: { plugins: [router] } });
    await flushPromises();
    expect(record().missing.value).toBe(true);
    expect(record().data.value).toBeNull();
  });
});

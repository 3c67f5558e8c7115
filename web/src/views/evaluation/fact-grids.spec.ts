import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '../../i18n';
import FactGrids from './fact-grids.vue';
import type { CampaignDetail } from '../../api/evaluation';

const detail: CampaignDetail = {
  id: 7,
  name: '2021 好班子',
  scope_unit_id: 1,
  scope_unit_name: '姜堰区',
  framework: 'fw',
  framework_version: 1,
  template: null,
  cycle_kind: 'year',
  cycle_label: '2021',
  status: 'draft',
  version: 1,
  subject_count: 2,
  created_by: 'county',
  created_at: '',
  published_by: null,
  published_at: null,
  scale: 100,
  top_criteria: [{ id: 'g', name: 'G', share: 1 }],
  criteria: [
    { id: 'g', name: 'G', parent: '', level: 1, method: 'group', weight: 1, share: 1, global_share: 1 },
    { id: 'sales', name: '开票销售', parent: 'g', level: 2, method: 'target', weight: 1, share: 0.5, global_share: 0.5 },
    { id: 'speech', name: '述职评分', parent: 'g', level: 2, method: 'judges', weight: 1, share: 0.5, global_share: 0.5 },
  ],
  awards: [],
  subjects: [
    { id: 11, unit_id: 101, name: '罗塘街道', unit_name: '罗塘街道', town_id: 101, town_name: '罗塘街道' },
    { id: 12, unit_id: 102, name: '白米镇', unit_name: '白米镇', town_id: 102, town_name: '白米镇' },
  ],
  fact_count: 1,
};

const respond = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function stubServer(onPost: (body: { facts: unknown[] }) => Response) {
  const posts: { facts: unknown[] }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      if ((init?.method ?? 'GET') === 'POST') {
        const body = JSON.parse(String(init.body));
        posts.push(body);
        return onPost(body);
      }
      if (url.startsWith('/api/v1/campaigns/7/facts')) {
        return respond({ items: [{ id: 1, subject_id: 11, criterion: 'sales', key: 'target', judge: '', value: '180', entered_by: 'county', entered_at: '' }] });
      }
      return respond({ error: { code: 'not_found', message: '' } }, 404);
    }),
  );
  return posts;
}

const cell = (wrapper: ReturnType<typeof mount>, test: string, row: number) =>
  wrapper.findAll(`[data-test="${test}"]`).find((w) => w.attributes('data-row') === String(row))!;

describe('fact grids', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads the facts, saves only edits, and shows the server’s row errors under the cells', { timeout: 30_000 }, async () => {
    const posts = stubServer(() => respond({ error: { code: 'invalid', message: '录入失败：共 1 行有错误，未写入任何数据' }, rows: [{ row: 1, field: 'sales', message: 'target 必须大于 0' }] }, 422));
    const wrapper = mount(FactGrids, { props: { detail, readonly: false }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.findAll('[data-test="grid-subject"]').map((w) => w.text()).slice(0, 2)).toEqual(['罗塘街道', '白米镇']);
    expect((cell(wrapper, 'cell-sales-target', 0).element as HTMLInputElement).value).toBe('180');

    await cell(wrapper, 'cell-sales-target', 1).setValue('0');
    await wrapper.find('[data-test="save-grid-target"]').trigger('click');
    await flushPromises();
    expect(posts).toEqual([{ facts: [{ subject_id: 12, criterion: 'sales', key: 'target', value: '0' }] }]);
    const errors = wrapper.findAll('[data-test="cell-error"]');
    expect(errors.map((e) => e.text())).toEqual(['target 必须大于 0']);
    expect(errors[0].element.closest('td')?.querySelector('input')?.dataset.row).toBe('1');
    wrapper.unmount();
  });

  it('pastes a tab-separated block from Excel into the grid', { timeout: 30_000 }, async () => {
    const posts = stubServer(() => respond({ inserted: 3, updated: 0, removed: 0, unchanged: 0 }));
    const wrapper = mount(FactGrids, { props: { detail, readonly: false }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    const start = cell(wrapper, 'cell-sales-actual', 0);
    const event = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', { value: { getData: () => '201.5\r\n150\t99\r\n' } });
    start.element.dispatchEvent(event);
    await flushPromises();
    expect(event.defaultPrevented).toBe(true);
    expect((cell(wrapper, 'cell-sales-actual', 0).element as HTMLInputElement).value).toBe('201.5');
    expect((cell(wrapper, 'cell-sales-actual', 1).element as HTMLInputElement).value).toBe('150');
    await wrapper.find('[data-test="save-grid-target"]').trigger('click');
    await flushPromises();
    // 99 fell outside the grid (no column right of the last one).
    expect(posts[0].facts).toEqual([
      { subject_id: 11, criterion: 'sales', key: 'actual', value: '201.5' },
      { subject_id: 12, criterion: 'sales', key: 'actual', value: '150' },
    ]);
    wrapper.unmount();
  });

  it('is read-only once published and offers no save', { timeout: 30_000 }, async () => {
    stubServer(() => respond({}, 500));
    const wrapper = mount(FactGrids, { props: { detail: { ...detail, status: 'published' }, readonly: true }, global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(wrapper.find('[data-test="grid-readonly"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="save-grid-target"]').exists()).toBe(false);
    expect((cell(wrapper, 'cell-sales-target', 0).element as HTMLInputElement).readOnly).toBe(true);
    wrapper.unmount();
  });
});

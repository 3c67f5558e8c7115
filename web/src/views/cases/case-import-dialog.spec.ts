import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../../i18n';
import { signedIn } from '../../stores/signed-in';
import CaseImportDialog from './case-import-dialog.vue';
import { MAX_FILE_BYTES } from './case-file';
import { DETAIL, PREVIEW, respond, stubCasesApi, type Call } from './cases-fixtures';

async function mountDialog(answer: (call: Call) => Response | undefined) {
  const calls = stubCasesApi(answer);
  const pinia = signedIn('county', 'county', '姜堰区');
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cases', name: 'cases', component: { template: '<div />' } },
      { path: '/cases/:id', name: 'case-detail', component: { template: '<div />' } },
    ],
  });
  await router.push('/cases');
  const wrapper = mount(CaseImportDialog, { props: { modelValue: false }, global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await wrapper.setProps({ modelValue: true });
  await flushPromises();
  return { wrapper, router, calls };
}
const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector);
async function type(selector: string, text: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}
async function press(test: string): Promise<void> {
  $<HTMLButtonElement>(`[data-test="${test}"]`)!.click();
  await flushPromises();
}
/** Element's form items show an error after a 100 ms debounce. */
const shows = (text: string) => vi.waitFor(() => expect(document.body.textContent).toContain(text), { timeout: 2000, interval: 50 });

describe('导入案例 dialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('previews the text, then saves it with the edited title and the checked units, and opens the new case', { timeout: 30_000 }, async () => {
    const { wrapper, router, calls } = await mountDialog(({ method, url }) => {
      if (method === 'POST' && url === '/api/v1/cases/preview') return respond(PREVIEW);
      if (method === 'POST' && url === '/api/v1/cases') return respond({ ...DETAIL, id: 7 }, 201);
      return undefined;
    });
    expect($('[data-test="case-save"]')).toBeNull();
    await type('textarea[data-test="case-text"]', '歡迎訪問(wèn)…正文');
    await type('input[data-test="case-url-input"]', ' https://example.cn/a.html ');
    await press('case-preview');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', url: '/api/v1/cases/preview', body: { text: '歡迎訪問(wèn)…正文', url: 'https://example.cn/a.html' } },
    ]);
    const preview = $('[data-test="case-preview-result"]')!;
    expect(preview.querySelector('[data-test="preview-converted"]')!.textContent).toContain('已将繁体字转为简体');
    expect(preview.querySelector('[data-test="preview-pinyin"]')!.textContent).toContain('已去除 12 处拼音注音');
    expect(preview.querySelector('[data-test="preview-dropped"] summary')!.textContent).toBe('已去除 2 行网页杂项/广告（点击查看）');
    expect([...preview.querySelectorAll('[data-test="preview-dropped-line"]')].map((l) => l.textContent)).toEqual(PREVIEW.dropped);
    expect(preview.querySelector('[data-test="preview-paragraph-count"]')!.textContent).toBe('4 段');
    expect(preview.querySelectorAll('[data-test="preview-paragraph"]')).toHaveLength(3);
    expect(document.activeElement?.id).toBe('case-preview-heading');
    const boxes = [...preview.querySelectorAll<HTMLInputElement>('[data-test="preview-unit"] input')];
    expect(boxes.map((b) => b.checked)).toEqual([true, true]);

    boxes[1].click(); // 灵湖村 is not what the article is about
    await type('input[data-test="preview-title"]', '张家港：先锋领航启新程');
    await press('case-save');
    expect(calls.filter((c) => c.method === 'POST').at(-1)).toEqual({
      method: 'POST',
      url: '/api/v1/cases',
      body: { text: '歡迎訪問(wèn)…正文', url: 'https://example.cn/a.html', units: [12], title: '张家港：先锋领航启新程' },
    });
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/cases/7'));
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([false]);
    wrapper.unmount();
  });

  it('leaves the title out when it was not changed, and asks for a new preview when the text changes', { timeout: 30_000 }, async () => {
    const { wrapper, calls } = await mountDialog(({ method, url }) => {
      if (method === 'POST' && url === '/api/v1/cases/preview') return respond(PREVIEW);
      if (method === 'POST' && url === '/api/v1/cases') return respond({ ...DETAIL, id: 8 }, 201);
      return undefined;
    });
    await type('textarea[data-test="case-text"]', '正文');
    await press('case-preview');
    await type('textarea[data-test="case-text"]', '正文，改过');
    expect($('[data-test="case-preview-result"]')).toBeNull();
    expect($('[data-test="case-save"]')).toBeNull();
    await press('case-preview');
    await press('case-save');
    expect(calls.filter((c) => c.method === 'POST').at(-1)!.body).toEqual({ text: '正文，改过', units: [12, 14] });
    wrapper.unmount();
  });

  it('shows the server\'s refusal under the field it names, and asks for text before sending anything', { timeout: 30_000 }, async () => {
    const { wrapper, calls } = await mountDialog(({ method, url }) =>
      method === 'POST' && url === '/api/v1/cases/preview' ? respond({ error: { code: 'invalid', message: '没有找到正文', field: 'text' } }, 422) : undefined,
    );
    await press('case-preview');
    await shows('请粘贴文章正文或选择文件');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await type('textarea[data-test="case-text"]', '欢迎访问');
    await press('case-preview');
    await shows('没有找到正文');
    const item = $('textarea[data-test="case-text"]')!.closest('.el-form-item')!;
    expect(item.classList.contains('is-error')).toBe(true);
    expect($('[data-test="case-preview-result"]')).toBeNull();
    wrapper.unmount();
  });

  it('reads a chosen file into the text, and refuses one over 1 MB before reading it', { timeout: 30_000 }, async () => {
    const { wrapper } = await mountDialog(() => undefined);
    const input = $<HTMLInputElement>('input[data-test="case-file"]')!;
    const choose = async (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      await vi.waitFor(() => expect($('[data-test="case-file-name"]')!.textContent).toBe(file.name));
      await flushPromises();
    };
    await choose(new File(['<body><h1>标题</h1><p>正文問(wèn)</p></body>'], 'page.html', { type: 'text/html' }));
    await vi.waitFor(() => expect($<HTMLTextAreaElement>('textarea[data-test="case-text"]')!.value).toBe('标题\n正文問(wèn)'));

    const big = new File(['x'], 'whole-site.html');
    Object.defineProperty(big, 'size', { value: MAX_FILE_BYTES + 1 });
    await choose(big);
    await shows('文件 whole-site.html 超过 1 MB');
    expect($<HTMLTextAreaElement>('textarea[data-test="case-text"]')!.value).toBe('标题\n正文問(wèn)');
    wrapper.unmount();
  });
});

import { describe, expect, it } from 'vitest';
import { decodeText, fileKind, htmlToText, MAX_FILE_BYTES, readCaseFile } from './case-file';

const gb18030 = (text: string): Uint8Array => {
  // 跟岗培育 in GB18030 (GBK): what a page saved from a Chinese site often is.
  const table: Record<string, number[]> = { 跟: [0xb8, 0xfa], 岗: [0xb8, 0xda], 培: [0xc5, 0xe0], 育: [0xd3, 0xfd] };
  return new Uint8Array([...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

describe('article files', () => {
  it('takes .txt, .html and .htm files, by name', () => {
    const cases: [string, ReturnType<typeof fileKind>][] = [
      ['001.txt', 'txt'],
      ['文章.TXT', 'txt'],
      ['page.html', 'html'],
      ['page.HTM', 'html'],
      ['scan.pdf', null],
      ['article.docx', null],
      ['txt', null],
    ];
    for (const [name, kind] of cases) expect(fileKind(name), name).toBe(kind);
  });

  it('reads UTF-8, and GB18030 when the bytes are not UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFF跟岗培育').buffer as ArrayBuffer)).toBe('跟岗培育');
    expect(decodeText(gb18030('跟岗培育').buffer as ArrayBuffer)).toBe('跟岗培育');
  });

  it('takes an HTML body\'s text with a line per block, no scripts, styles or head', () => {
    const html = `<!doctype html><html><head><title>站点标题</title><style>p{color:red}</style></head><body>
      <nav><a href="/">首页</a> &gt; <a href="/c">他山之石</a></nav>
      <h1>跟岗培育“头雁”南飞强本领</h1>
      <div class="info">发布时间：2021年09月24日<br>来源：南通日报</div>
      <p>  26日，第二批南通市优秀村（社区）党组织书记
         赴苏州“跟岗培育”工作圆满结束。</p><p>第二段<b>加粗</b>文字。</p>
      <table><tr><td>姓名</td><td>单位</td></tr></table>
      <script>var spam = "国产高清";</script>
      <pre>保留
  换行</pre>
    </body></html>`;
    expect(htmlToText(html).split('\n')).toEqual([
      '首页 > 他山之石',
      '跟岗培育“头雁”南飞强本领',
      '发布时间：2021年09月24日',
      '来源：南通日报',
      '26日，第二批南通市优秀村（社区）党组织书记 赴苏州“跟岗培育”工作圆满结束。',
      '第二段加粗文字。',
      '姓名 单位',
      '保留',
      '换行',
    ]);
  });

  it('refuses a file over 1 MB before reading it, and other kinds of file', async () => {
    let read = false;
    const big = new File(['x'], 'big.txt', { type: 'text/plain' });
    Object.defineProperty(big, 'size', { value: MAX_FILE_BYTES + 1 });
    Object.defineProperty(big, 'arrayBuffer', { value: () => ((read = true), Promise.resolve(new ArrayBuffer(0))) });
    expect(await readCaseFile(big)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(read).toBe(false);
    expect(await readCaseFile(new File(['%PDF'], 'scan.pdf'))).toEqual({ ok: false, problem: 'kind' });
    expect(await readCaseFile(new File(['  \n '], 'blank.txt'))).toEqual({ ok: false, problem: 'empty' });
    expect(await readCaseFile(new File(['<html><body><script>x</script></body></html>'], 'blank.html'))).toEqual({ ok: false, problem: 'empty' });
  });

  it('reads a text file as it is (Windows line ends made plain) and an HTML file as its text', async () => {
    expect(await readCaseFile(new File(['標題\r\n正文問(wèn)'], '001.txt'))).toEqual({ ok: true, kind: 'txt', text: '標題\n正文問(wèn)' });
    expect(await readCaseFile(new File(['<body><h2>标题</h2><p>正文</p></body>'], 'a.html'))).toEqual({ ok: true, kind: 'html', text: '标题\n正文' });
    const exactly = new File(['x'.repeat(MAX_FILE_BYTES)], 'full.txt');
    expect((await readCaseFile(exactly)).ok).toBe(true);
  });
});

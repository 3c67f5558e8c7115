// For the case specs (never imported by the app): a fetch that answers the cases API like the
// server does, recording what was asked.
import { vi } from 'vitest';
import type { CaseDetail, CaseItem, CasePreview } from '../../api/cases';

export function respond(body: unknown, status = 200): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export const NANTONG: CaseItem = {
  id: 3,
  title: '跟岗培育“头雁”南飞强本领',
  source: '南通日报',
  published: '2021-09-24',
  units: [{ id: 12, name: '北联村' }],
  snippet: [
    { text: '…第二批南通市优秀村(社区)党组织书记赴苏州“', hit: false },
    { text: '跟岗培育', hit: true },
    { text: '”工作<b>圆满</b>结束…', hit: false },
  ],
};

export const DETAIL: CaseDetail = {
  id: 3,
  title: NANTONG.title,
  source: '南通日报',
  published: '2021-09-24',
  url: 'https://example.cn/news/1.html',
  paragraphs: ['26日，第二批南通市优秀村（社区）党组织书记赴苏州“跟岗培育”工作圆满结束。', '分两批选派48名优秀村（社区）书记赴苏州。'],
  units: [{ id: 12, name: '北联村' }],
  facts: {
    dates: [
      { text: '2021年09月24日', date: '2021-09-24' },
      { text: '2020年', date: '2020' },
    ],
    numbers: [{ text: '48名', context: '分两批选派48名优秀村（社区）书记赴苏州。' }],
  },
  created_by: 'county',
  created_at: '2026-12-07T05:00:00Z',
  can_edit: true,
};

export const PREVIEW: CasePreview = {
  title: '江苏张家港锻造过硬乡村振兴干部队伍',
  source: '中国组织人事报',
  published: '2021-03-22',
  paragraphs: ['编者按', '习近平总书记指出……', '“薪火计划”打出组合拳', '今年1月初……'],
  dropped: ['欢迎访问【运城党建网】网站!', '国产高清天天在线,国产真实露脸一区二区三区'],
  converted: true,
  pinyin_removed: 12,
  facts: { dates: [], numbers: [] },
  units: [
    { id: 12, name: '北联村' },
    { id: 14, name: '灵湖村' },
  ],
};

export interface Call {
  method: string;
  url: string;
  body: unknown;
}

/**
 * Stubs fetch: `answer(method, url, body)` gives the response, or undefined for the default (the
 * years, an empty page of cases, units: none). Returns the calls made.
 */
export function stubCasesApi(answer: (call: Call) => Response | undefined = () => undefined): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call = { method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined };
      calls.push(call);
      const given = answer(call);
      if (given) return given;
      if (url === '/api/v1/cases/years') return respond({ years: [2022, 2021] });
      if (url.startsWith('/api/v1/cases?')) return respond({ items: [], total: 0, page: 1, size: 20 });
      if (url.startsWith('/api/v1/units')) return respond({ items: [], total: 0, page: 1, size: 50 });
      return respond({ error: { code: 'not_found', message: '' } }, 404);
    }),
  );
  return calls;
}

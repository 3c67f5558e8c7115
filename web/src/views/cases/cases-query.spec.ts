import { describe, expect, it } from 'vitest';
import { around, emptyFilters, fromRouteQuery, queryProblem, searchWords, titleOrRequired, toApiSearch, toRouteQuery } from './cases-query';

describe('case search ↔ URL and API query', () => {
  it('round-trips every value through the page URL', () => {
    const filters = { q: '跟岗培育 头雁', unit: 12, year: 2021, page: 3 };
    const query = toRouteQuery(filters);
    expect(query).toEqual({ q: '跟岗培育 头雁', unit: '12', year: '2021', page: '3' });
    expect(fromRouteQuery(query)).toEqual(filters);
  });

  it('leaves empty values and the first page out of the URL, and asks the API for page 1', () => {
    expect(toRouteQuery(emptyFilters())).toEqual({});
    expect(toRouteQuery({ ...emptyFilters(), q: '   ' })).toEqual({});
    expect(toApiSearch(emptyFilters())).toEqual({ page: 1 });
    expect(toApiSearch({ q: '  跟岗　培育 ', unit: null, year: 2022, page: 1 })).toEqual({ q: '跟岗 培育', year: 2022, page: 1 });
  });

  it('drops what is not a value from the URL', () => {
    const cases: [Record<string, string | string[]>, Partial<ReturnType<typeof emptyFilters>>][] = [
      [{ unit: '-3' }, {}],
      [{ unit: '1.5' }, {}],
      [{ unit: 'abc' }, {}],
      [{ year: '21' }, {}],
      [{ year: '2021x' }, {}],
      [{ page: '0' }, {}],
      [{ page: '2', year: '2022' }, { page: 2, year: 2022 }],
      [{ q: ['跟岗', '培育'] }, { q: '跟岗' }],
      [{ q: `  ${'案'.repeat(150)}` }, { q: '案'.repeat(100) }],
    ];
    for (const [query, expected] of cases) expect(fromRouteQuery(query), JSON.stringify(query)).toEqual({ ...emptyFilters(), ...expected });
  });
});

describe('search words', () => {
  it('splits on any space, the ideographic one too', () => {
    expect(searchWords('跟岗培育')).toEqual(['跟岗培育']);
    expect(searchWords(' 跟岗　培育  头雁 ')).toEqual(['跟岗', '培育', '头雁']);
    expect(searchWords('')).toEqual([]);
  });

  it('says what the server would refuse: over 100 characters, more than 8 words', () => {
    expect(queryProblem('一 二 三 四 五 六 七 八')).toBe('');
    expect(queryProblem('一 二 三 四 五 六 七 八 九')).toBe('cases.queryTooManyWords');
    expect(queryProblem('案'.repeat(100))).toBe('');
    expect(queryProblem('案'.repeat(101))).toBe('cases.queryTooLong');
    expect(queryProblem(`  ${'案'.repeat(100)}  `)).toBe('');
  });
});

describe('a number in its sentence', () => {
  it('splits the sentence around the first place the number stands', () => {
    expect(around('分两批选派48名优秀村书记，共48名', '48名')).toEqual({ before: '分两批选派', match: '48名', after: '优秀村书记，共48名' });
    expect(around('没有这个数', '48名')).toEqual({ before: '没有这个数', match: '', after: '' });
    expect(around('全文', '')).toEqual({ before: '全文', match: '', after: '' });
  });
});

describe("a case's title before it is saved", () => {
  it('is trimmed, or refused under its field when blank', () => {
    const fields: Record<string, string> = {};
    expect(titleOrRequired('  姜堰经验 ', fields, '请填写标题')).toBe('姜堰经验');
    expect(fields).toEqual({});
    expect(titleOrRequired(' 　 ', fields, '请填写标题')).toBeNull();
    expect(fields).toEqual({ title: '请填写标题' });
  });
});

import { describe, expect, it } from 'vitest';
import { buildUrl } from '../../api/http';
import { detailView, emptyFilters, firstPage, fromRouteQuery, newerPage, olderPage, pageRange, summaryOf, toApiFilter, toRouteQuery } from './audit-query';

describe('audit filters ↔ URL and API query', () => {
  it('round-trips every filter through the page URL', () => {
    const filters = { user: 'county', entity: 'ticket', action: 'assign', entity_id: 12, from: '2026-12-01', to: '2026-12-07' };
    const query = toRouteQuery(filters);
    expect(query).toEqual({ user: 'county', entity: 'ticket', action: 'assign', entity_id: '12', from: '2026-12-01', to: '2026-12-07' });
    expect(fromRouteQuery(query)).toEqual(filters);
  });

  it('leaves empty filters out of the URL and the request', () => {
    expect(toRouteQuery(emptyFilters())).toEqual({});
    expect(toApiFilter({ ...emptyFilters(), user: '  admin ' })).toEqual({ user: 'admin' });
    expect(buildUrl('/audit', { before: 0, size: 50, ...toApiFilter({ ...emptyFilters(), entity: 'ticket' }), brief: true })).toBe('/api/v1/audit?before=0&size=50&entity=ticket&brief=1');
  });

  it('drops what is not a filter value from the URL', () => {
    const cases: [Record<string, string | string[]>, Partial<ReturnType<typeof emptyFilters>>][] = [
      [{ entity_id: '-3' }, {}],
      [{ entity_id: '1.5' }, {}],
      [{ entity_id: 'abc' }, {}],
      [{ from: '2026-02-30' }, {}],
      [{ from: '7/12/2026', to: '2026-12-07' }, { to: '2026-12-07' }],
      [{ user: ['town', 'admin'] }, { user: 'town' }],
      [{ user: `  ${'a'.repeat(150)}` }, { user: 'a'.repeat(100) }],
    ];
    for (const [query, expected] of cases) expect(fromRouteQuery(query), JSON.stringify(query)).toEqual({ ...emptyFilters(), ...expected });
  });
});

describe('audit keyset paging', () => {
  it('goes older by the last entry shown and back through the kept cursors', () => {
    let at = firstPage();
    expect(at).toEqual({ before: 0, newer: [] });
    at = olderPage(at, 3700);
    at = olderPage(at, 3650);
    expect(at).toEqual({ before: 3650, newer: [0, 3700] });
    at = newerPage(at);
    expect(at).toEqual({ before: 3700, newer: [0] });
    at = newerPage(at);
    expect(at).toEqual(firstPage());
    expect(newerPage(at)).toEqual(firstPage());
  });

  it('counts which entries a page shows and whether older ones remain', () => {
    expect(pageRange(firstPage(), 50, 50, 120)).toEqual({ first: 1, last: 50, hasOlder: true });
    expect(pageRange({ before: 3650, newer: [0, 3700] }, 20, 50, 120)).toEqual({ first: 101, last: 120, hasOlder: false });
    expect(pageRange({ before: 3700, newer: [0] }, 50, 50, 100)).toEqual({ first: 51, last: 100, hasOlder: false });
    expect(pageRange(firstPage(), 0, 50, 0)).toEqual({ first: 0, last: 0, hasOlder: false });
  });
});

describe('audit detail', () => {
  it('shows a change as its before and after, and other keys apart', () => {
    expect(detailView('{"before":{"name":"灵湖村"},"after":{"name":"灵湖社区"}}')).toEqual({
      kind: 'change',
      before: '{\n  "name": "灵湖村"\n}',
      after: '{\n  "name": "灵湖社区"\n}',
      rest: '',
    });
    const withReason = detailView('{"before":null,"after":[1,2],"reason":"更正"}');
    expect(withReason).toEqual({ kind: 'change', before: 'null', after: '[\n  1,\n  2\n]', rest: '{\n  "reason": "更正"\n}' });
  });

  it('pretty-prints other JSON and keeps text that is not JSON as written', () => {
    expect(detailView('{"from":"new","to":"assigned"}')).toEqual({ kind: 'json', text: '{\n  "from": "new",\n  "to": "assigned"\n}' });
    expect(detailView('{"before":{"a":1}}')).toEqual({ kind: 'json', text: '{\n  "before": {\n    "a": 1\n  }\n}' });
    expect(detailView('[1]')).toEqual({ kind: 'json', text: '[\n  1\n]' });
    expect(detailView('{"changes":[{"a":')).toEqual({ kind: 'text', text: '{"changes":[{"a":' });
  });

  it('writes a brief detail on one line, marking a cut one', () => {
    expect(summaryOf({ detail: '{"a":\n 1}', detail_cut: false })).toBe('{"a": 1}');
    expect(summaryOf({ detail: '{"changes":[', detail_cut: true })).toBe('{"changes":[…');
    expect(summaryOf({ detail: '{}' })).toBe('{}');
  });
});

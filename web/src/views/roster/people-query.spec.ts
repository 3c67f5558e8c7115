import { describe, expect, it } from 'vitest';
import { defaultFilters, fromRouteQuery, sortFromTable, toApiQuery, toExportQuery, toRouteQuery } from './people-query';
import { buildUrl } from '../../api/http';

describe('people filters → query', () => {
  it('sends only what is set, with subtree and paging', () => {
    expect(toApiQuery(defaultFilters())).toEqual({ subtree: 1, page: 1, size: 20 });
  });

  it('builds the full API query from every filter', () => {
    const filters = { ...defaultFilters(), unit: 42, subtree: false, position: ' 书记 ', age_band: '56+', education: 'bachelor', q: '王', page: 3, sort: '-birth_date' as const };
    expect(buildUrl('/people', toApiQuery(filters))).toBe(
      '/api/v1/people?unit=42&subtree=0&position=%E4%B9%A6%E8%AE%B0&age_band=56%2B&education=bachelor&q=%E7%8E%8B&page=3&size=20&sort=-birth_date',
    );
  });

  it('exports the same filters without paging', () => {
    const filters = { ...defaultFilters(), unit: 7, education: 'postgraduate', page: 4, sort: 'name' as const };
    expect(toExportQuery(filters)).toEqual({ unit: 7, subtree: 1, education: 'postgraduate', sort: 'name' });
  });

  it('round-trips through the page URL', () => {
    const filters = { ...defaultFilters(), unit: 9, position: '主任', age_band: '≤35', page: 2, size: 50, sort: 'name' as const };
    const route = toRouteQuery(filters);
    expect(route).toEqual({ unit: '9', position: '主任', age_band: '≤35', page: '2', size: '50', sort: 'name' });
    expect(fromRouteQuery(route)).toEqual(filters);
  });

  it('ignores junk in the URL', () => {
    expect(fromRouteQuery({ unit: 'abc', page: '-3', size: '99999', sort: 'drop table' })).toEqual({ ...defaultFilters(), size: 200 });
  });

  it('maps table sorting to the API sort', () => {
    expect(sortFromTable('name', 'descending')).toBe('-name');
    expect(sortFromTable('age', 'ascending')).toBe('-birth_date');
    expect(sortFromTable('age', null)).toBe('unit');
  });
});

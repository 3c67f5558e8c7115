import { describe, expect, it } from 'vitest';
import { filterQuery, queryChoice, queryId, queryText } from './filter-query';

describe('filter query', () => {
  it('puts the changed filter over the current ones and leaves out empty values', () => {
    expect(filterQuery({ unit: 81, days: undefined, period: 3 }, { period: null })).toEqual({ unit: '81' });
    expect(filterQuery({ unit: null, category: '' }, { category: '学习' })).toEqual({ category: '学习' });
    expect(filterQuery({ unit: 81 }, { unit: undefined })).toEqual({ unit: '81' });
  });

  it('reads one text of a parameter, the first where the address repeats it', () => {
    expect(queryText(' 学习 ')).toBe('学习');
    expect(queryText(['a', 'b'])).toBe('a');
    expect(queryText([])).toBe('');
    expect(queryText(null)).toBe('');
    expect(queryText(undefined)).toBe('');
  });

  it('takes as an id only a whole number above zero', () => {
    expect(queryId('81')).toBe(81);
    expect(queryId(['7', '8'])).toBe(7);
    for (const bad of ['', 'abc', '0', '-3', '1.5', '12abc', '1e3', '99999999999999999999', undefined, null]) expect(queryId(bad), String(bad)).toBeNull();
  });

  it('takes a choice only from its list', () => {
    const states = ['open', 'closed'] as const;
    expect(queryChoice('closed', states)).toBe('closed');
    expect(queryChoice('deleted', states)).toBe('');
    expect(queryChoice(undefined, states)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { filterQuery } from './filter-query';

describe('filter query', () => {
  it('puts the changed filter over the current ones and leaves out empty values', () => {
    expect(filterQuery({ unit: 81, days: undefined, period: 3 }, { period: null })).toEqual({ unit: '81' });
    expect(filterQuery({ unit: null, category: '' }, { category: '学习' })).toEqual({ category: '学习' });
    expect(filterQuery({ unit: 81 }, { unit: undefined })).toEqual({ unit: '81' });
  });
});

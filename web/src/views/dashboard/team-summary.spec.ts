import { describe, expect, it } from 'vitest';
import { sharePercent, summaryValues } from './team-summary';

describe('team summary line', () => {
  it('rounds age and share the way the article reports them', () => {
    expect(summaryValues({ count: 1323, average_age: 39.4, college_share: 0.9405 })).toEqual({ count: 1323, age: 39, share: 94 });
  });
  it('accepts a share already in percent and survives bad numbers', () => {
    expect(sharePercent(94.2)).toBe(94);
    expect(sharePercent(Number.NaN)).toBe(0);
    expect(summaryValues({ count: 0, average_age: 0, college_share: 0 })).toEqual({ count: 0, age: 0, share: 0 });
  });
});

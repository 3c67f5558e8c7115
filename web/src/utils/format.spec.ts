import { describe, expect, it } from 'vitest';
import { amount, dateTime, dayOf, fixed, nameList, percent } from './format';

describe('number formats', () => {
  it('writes missing numbers as a dash', () => {
    expect(fixed(null)).toBe('—');
    expect(percent(undefined)).toBe('—');
    expect(amount(Number.NaN)).toBe('—');
  });
  it('writes amounts with separators and without trailing zeros', () => {
    expect(amount(2557.8)).toBe('2,557.8');
    expect(amount(2309.571)).toBe('2,309.57');
    expect(fixed(1.5)).toBe('1.50');
    expect(percent(0.25)).toBe('25.0%');
  });
});

describe('server instants in China time', () => {
  it('reads a UTC instant as China time, eight hours later', () => {
    expect(dateTime('2026-12-06T19:26:01Z')).toBe('2026-12-07 03:26:01');
    expect(dateTime('2026-12-06T08:00:00Z')).toBe('2026-12-06 16:00:00');
  });
  it('gives the China day, which is the next one after 16:00 UTC', () => {
    expect(dayOf('2026-12-06T15:59:59Z')).toBe('2026-12-06');
    expect(dayOf('2026-12-06T16:00:00Z')).toBe('2026-12-07');
  });
  it('writes a missing or unreadable instant as a dash', () => {
    expect(dateTime(null)).toBe('—');
    expect(dateTime('')).toBe('—');
    expect(dayOf('not a time')).toBe('—');
  });
});

describe('name lists', () => {
  it('splits on either comma, 、 and new lines, and drops blanks', () => {
    expect(nameList('张三，李四、王五,赵六\n 钱七 ,,')).toEqual(['张三', '李四', '王五', '赵六', '钱七']);
    expect(nameList('  ')).toEqual([]);
  });
});

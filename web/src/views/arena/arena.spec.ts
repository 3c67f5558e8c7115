import { describe, expect, it } from 'vitest';
import { clock, markClass, nextOffset, remainingMs, score, sheetProblem, sheetTotal, shouldApply, submissionKey } from './arena';
import type { SheetCriterion } from '../../api/arena';

const sheet: SheetCriterion[] = [
  { key: 'statement', name: '现场陈述', min: 0, max: 40, weight: 40, pre_scored: false },
  { key: 'defence', name: '现场答辩', min: 0, max: 10, weight: 10, pre_scored: false },
  { key: 'inspection', name: '实地察看', min: 0, max: 50, weight: 50, pre_scored: true },
];

describe('shouldApply', () => {
  it('applies newer messages and skips repeats', () => {
    expect(shouldApply(null, { seq: 5 }, true)).toBe(true);
    expect(shouldApply(5, { seq: 6 }, false)).toBe(true);
    expect(shouldApply(5, { seq: 5 }, false)).toBe(false);
    expect(shouldApply(5, { seq: 4 }, false)).toBe(false);
  });
  it('follows a server whose contest went back (first message of a connection)', () => {
    expect(shouldApply(9, { seq: 3 }, true)).toBe(true);
  });
});

describe('timer', () => {
  it('counts down while running and shows overtime', () => {
    const timer = { running: true, started_at_ms: 1_000_000, elapsed_ms: 60_000, allowed_s: 480 };
    expect(remainingMs(timer, 1_030_000)).toBe(390_000);
    expect(clock(390_000)).toBe('06:30');
    expect(clock(-1_500)).toBe('-00:02');
    expect(remainingMs({ ...timer, running: false }, 9_999_999)).toBe(420_000);
  });
  it('estimates the server clock offset from the fastest message', () => {
    let offset = nextOffset(null, 1000, 1010);
    offset = nextOffset(offset, 2000, 2003);
    expect(offset).toBe(-3);
  });
});

describe('scores', () => {
  it('formats without trailing zeros', () => {
    expect(score(44.5)).toBe('44.5');
    expect(score(41)).toBe('41');
    expect(score(88.456)).toBe('88.46');
    expect(score(null)).toBe('—');
  });
  it('marks dropped and absent seats', () => {
    expect(markClass('dropped_high')).toBe('dropped');
    expect(markClass('recused')).toBe('absent');
    expect(markClass('counted')).toBe('');
  });
  it('totals a sheet like the server (weights equal to maxima count as points)', () => {
    expect(sheetTotal(sheet, { statement: 36.5, defence: 8 })).toBeCloseTo(44.5);
  });
  it('names the first problem of a sheet', () => {
    expect(sheetProblem(sheet, { statement: 36, defence: 8 })).toBeNull();
    expect(sheetProblem(sheet, { statement: 36 })).toEqual({ key: 'defence', kind: 'missing' });
    expect(sheetProblem(sheet, { statement: 41, defence: 8 })).toEqual({ key: 'statement', kind: 'range' });
    expect(sheetProblem(sheet, { statement: 30.125, defence: 8 })).toEqual({ key: 'statement', kind: 'decimals' });
  });
});

describe('submissionKey', () => {
  it('keeps one key per sheet across retries', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const a = submissionKey(storage, 1, 3, 7, 0);
    expect(submissionKey(storage, 1, 3, 7, 0)).toBe(a);
    expect(submissionKey(storage, 1, 3, 8, 0)).not.toBe(a);
    expect(a.startsWith('3-7-')).toBe(true);
  });
});

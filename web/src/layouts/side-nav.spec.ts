import { describe, expect, it } from 'vitest';
import { nextEntryIndex, sideKeyAction } from './side-nav';

describe('side menu keys', () => {
  it.each([
    // count, current, key, expected
    [5, 0, 'ArrowDown', 1],
    [5, 4, 'ArrowDown', 0],
    [5, 0, 'ArrowUp', 4],
    [5, 3, 'ArrowUp', 2],
    [5, -1, 'ArrowDown', 0],
    [5, -1, 'ArrowUp', 4],
    [5, 2, 'Home', 0],
    [5, 2, 'End', 4],
    [5, 2, 'Enter', null],
    [5, 2, 'a', null],
    [0, 0, 'ArrowDown', null],
  ] as const)('moves from %i of %i with %s', (count, current, key, expected) => {
    expect(nextEntryIndex(count, current, key)).toBe(expected);
  });

  it('opens a closed group with ArrowRight and closes an open one with ArrowLeft', () => {
    expect(sideKeyAction('ArrowRight', { group: true, open: false, inGroup: false })).toBe('open');
    expect(sideKeyAction('ArrowRight', { group: true, open: true, inGroup: false })).toBeNull();
    expect(sideKeyAction('ArrowLeft', { group: true, open: true, inGroup: false })).toBe('close');
    expect(sideKeyAction('ArrowLeft', { group: true, open: false, inGroup: false })).toBeNull();
  });

  it('goes up from a page of a group to the group with ArrowLeft, and not from a top-level page', () => {
    expect(sideKeyAction('ArrowLeft', { group: false, open: false, inGroup: true })).toBe('parent');
    expect(sideKeyAction('ArrowLeft', { group: false, open: false, inGroup: false })).toBeNull();
    expect(sideKeyAction('ArrowRight', { group: false, open: false, inGroup: true })).toBeNull();
  });
});

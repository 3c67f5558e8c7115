import { describe, expect, it, vi } from 'vitest';
import { ariaSortOf, enhanceSortableHeaders } from './sortable-headers';

describe('sortable headers', () => {
  it.each([
    [['is-sortable', 'ascending'], 'ascending'],
    [['is-sortable', 'descending'], 'descending'],
    [['is-sortable'], 'none'],
  ] as const)('%s → aria-sort %s', (classes, sort) => {
    expect(ariaSortOf([...classes])).toBe(sort);
  });

  it('makes a sortable header a Tab stop that Enter and Space click, and leaves other headers', () => {
    const root = document.createElement('table');
    root.innerHTML = '<thead><tr><th class="is-sortable descending">姓名</th><th>性别</th></tr></thead>';
    document.body.appendChild(root);
    enhanceSortableHeaders(root);
    enhanceSortableHeaders(root); // idempotent: one listener
    const [sortable, plain] = Array.from(root.querySelectorAll('th'));
    expect(sortable.tabIndex).toBe(0);
    expect(sortable.getAttribute('aria-sort')).toBe('descending');
    expect(plain.hasAttribute('tabindex')).toBe(false);
    const click = vi.fn();
    sortable.addEventListener('click', click);
    sortable.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    sortable.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    sortable.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(click).toHaveBeenCalledTimes(2);
  });
});

// Keyboard moves of the side menu (side-nav.vue) as pure functions. The menu is a list of links
// and group buttons, each a Tab stop; the arrow keys are a shortcut among them (the disclosure
// navigation pattern of the WAI-ARIA Authoring Practices, not an ARIA menu).

/** Index of the entry to focus after `key` on entry `current` of `count`, or null for keys the menu leaves alone. */
export function nextEntryIndex(count: number, current: number, key: string): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** What ArrowRight/ArrowLeft do on an entry: open or close a group, or go up to the group of a link. */
export function sideKeyAction(key: string, entry: { group: boolean; open: boolean; inGroup: boolean }): 'open' | 'close' | 'parent' | null {
  if (key === 'ArrowRight' && entry.group && !entry.open) return 'open';
  if (key === 'ArrowLeft' && entry.group && entry.open) return 'close';
  if (key === 'ArrowLeft' && !entry.group && entry.inGroup) return 'parent';
  return null;
}

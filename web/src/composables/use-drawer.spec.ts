import { describe, expect, it } from 'vitest';
import { useDrawer } from './use-drawer';

describe('useDrawer', () => {
  it('opens empty and loading, then shows the answer', async () => {
    const drawer = useDrawer<string>();
    drawer.data.value = 'the previous subject';
    let during: [boolean, boolean, string | null] = [false, false, ''];
    await drawer.show(async () => {
      during = [drawer.open.value, drawer.loading.value, drawer.data.value];
      return '得分说明';
    });
    expect(during).toEqual([true, true, null]);
    expect(drawer.data.value).toBe('得分说明');
    expect(drawer.open.value).toBe(true);
    expect(drawer.loading.value).toBe(false);
  });

  it('closes again when the request fails', async () => {
    const drawer = useDrawer<string>();
    await drawer.show(() => Promise.reject(new Error('403')));
    expect(drawer.open.value).toBe(false);
    expect(drawer.data.value).toBeNull();
    expect(drawer.loading.value).toBe(false);
  });
});

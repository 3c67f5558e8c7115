import { describe, expect, it, vi } from 'vitest';
import { useRemoteOptions } from './use-remote-options';

describe('useRemoteOptions', () => {
  it('searches the trimmed query and keeps what it found, loading only meanwhile', async () => {
    const find = vi.fn(async (q: string) => [`${q}1`, `${q}2`]);
    const { options, loading, search } = useRemoteOptions(find);
    const running = search('  张 ');
    expect(loading.value).toBe(true);
    await running;
    expect(find).toHaveBeenCalledWith('张');
    expect(options.value).toEqual(['张1', '张2']);
    expect(loading.value).toBe(false);
  });

  it('keeps the options on a blank query, or lists the first ones when asked to', async () => {
    const find = vi.fn(async (q: string) => [q || 'first']);
    const keep = useRemoteOptions(find);
    await keep.search('李');
    await keep.search('   ');
    expect(keep.options.value).toEqual(['李']);
    expect(find).toHaveBeenCalledTimes(1);
    const list = useRemoteOptions(find, { searchBlank: true });
    await list.search('');
    expect(list.options.value).toEqual(['first']);
  });

  it('leaves no options when the search fails', async () => {
    const { options, loading, search } = useRemoteOptions(async (q: string) => (q === 'x' ? Promise.reject(new Error('offline')) : [q]));
    await search('王');
    await search('x');
    expect(options.value).toEqual([]);
    expect(loading.value).toBe(false);
  });
});

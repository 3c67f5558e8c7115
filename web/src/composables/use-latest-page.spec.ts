import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { useLatestPage } from './use-latest-page';

/** A request the test answers when it likes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useLatestPage', () => {
  it('shows the newest request\'s answer even when an older one answers last', async () => {
    const answers = [deferred<{ items: string[]; total: number }>(), deferred<{ items: string[]; total: number }>()];
    let asked = 0;
    const list = useLatestPage(() => answers[asked++].promise);
    const first = list.load();
    const second = list.load();
    expect(list.loading.value).toBe(true);
    answers[1].resolve({ items: ['新'], total: 1 });
    await second;
    answers[0].resolve({ items: ['旧', '旧'], total: 2 });
    await first;
    expect(list.items.value).toEqual(['新']);
    expect(list.total.value).toBe(1);
    expect(list.loading.value).toBe(false);
  });

  it('empties the list and keeps the refusal\'s message; the next load clears it', async () => {
    let fail = true;
    const list = useLatestPage(async () => {
      if (fail) throw new ApiError(422, 'invalid', '年份应为四位数字', 'year');
      return { items: [1], total: 1 };
    });
    await list.load();
    expect(list.refused.value).toBe('年份应为四位数字');
    expect(list.items.value).toEqual([]);
    fail = false;
    await list.load();
    expect(list.refused.value).toBe('');
    expect(list.items.value).toEqual([1]);
  });

  it('words a failure without a message (the network) generally', async () => {
    const list = useLatestPage(async () => {
      throw new TypeError('boom');
    });
    await list.load();
    expect(list.refused.value).toBe('操作失败');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ElMessage } from 'element-plus';
import { useExport } from './use-export';

describe('useExport', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is busy while the file downloads and says when it arrived', async () => {
    const success = vi.spyOn(ElMessage, 'success').mockImplementation(() => ({ close: () => {} }) as never);
    const { exporting, run } = useExport();
    let finish: () => void = () => {};
    const running = run(() => new Promise<void>((resolve) => (finish = resolve)), '已导出');
    expect(exporting.value).toBe(true);
    finish();
    await running;
    expect(exporting.value).toBe(false);
    expect(success).toHaveBeenCalledWith('已导出');
  });

  it('leaves a refusal to the http client and is ready again', async () => {
    const success = vi.spyOn(ElMessage, 'success').mockImplementation(() => ({ close: () => {} }) as never);
    const { exporting, run } = useExport();
    await run(() => Promise.reject(new Error('403')), '已导出');
    expect(exporting.value).toBe(false);
    expect(success).not.toHaveBeenCalled();
  });
});

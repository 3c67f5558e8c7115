import { afterEach, describe, expect, it, vi } from 'vitest';
import { ElMessage } from 'element-plus';
import { useExport } from './use-export';

describe('useExport', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is busy while the file downloads and says when it arrived', async () => {
    const success = vi.spyOn(ElMessage, 'success').mockImplementation(() => ({ close: () => {} }) as never);
    let finish: () => void = () => {};
    const download = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { exporting, run } = useExport(download, () => '已导出');
    const running = run();
    expect(download).toHaveBeenCalledOnce();
    expect(exporting.value).toBe(true);
    finish();
    await running;
    expect(exporting.value).toBe(false);
    expect(success).toHaveBeenCalledWith('已导出');
  });

  it('leaves a refusal to the http client and is ready again', async () => {
    const success = vi.spyOn(ElMessage, 'success').mockImplementation(() => ({ close: () => {} }) as never);
    const { exporting, run } = useExport(() => Promise.reject(new Error('403')), () => '已导出');
    await run();
    expect(exporting.value).toBe(false);
    expect(success).not.toHaveBeenCalled();
  });
});

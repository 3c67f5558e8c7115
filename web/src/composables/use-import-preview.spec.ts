import { afterEach, describe, expect, it, vi } from 'vitest';
import { ElMessage } from 'element-plus';
import { ApiError } from '../api/http';
import { useImportPreview } from './use-import-preview';

/** A file input's change event with `file` chosen. */
function chosen(file: File): Event {
  const input = { files: [file], value: 'C:\\fakepath\\' + file.name };
  return { target: input } as unknown as Event;
}

describe('useImportPreview', () => {
  afterEach(() => vi.restoreAllMocks());

  it('previews the chosen file, then writes the same file on confirm and hands the result on', async () => {
    const send = vi.fn(async (_file: File, dryRun: boolean) => ({ dry_run: dryRun }));
    const done = vi.fn();
    const p = useImportPreview(send, done);
    const file = new File(['x'], '细则.xlsx');
    await p.onFile(chosen(file));
    expect(send).toHaveBeenLastCalledWith(file, true);
    expect(p.previewOpen.value).toBe(true);
    expect(p.preview.value?.result).toEqual({ dry_run: true });
    expect(done).not.toHaveBeenCalled();
    await p.confirm();
    expect(send).toHaveBeenLastCalledWith(file, false);
    expect(done).toHaveBeenCalledWith({ dry_run: false });
    expect(p.previewOpen.value).toBe(false);
    expect(p.preview.value).toBeNull();
  });

  it('lists a refused file’s bad rows and keeps the dialog open with the reason when the write is refused', async () => {
    const rows = [{ sheet: '积分细则', row: 3, field: '分值', message: '分值应为数' }];
    const send = vi.fn(async (_file: File, dryRun: boolean) => {
      if (dryRun && send.mock.calls.length === 1) throw new ApiError(422, 'invalid', '预检未通过', undefined, rows);
      if (!dryRun) throw new ApiError(409, 'conflict', '已有关闭的考核周期');
      return { dry_run: dryRun };
    });
    const done = vi.fn();
    vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close: () => {} }) as never);
    const p = useImportPreview(send, done);
    const file = new File(['x'], '细则.xlsx');
    await p.onFile(chosen(file));
    expect(p.rejected.value?.rows).toEqual(rows);
    expect(p.previewOpen.value).toBe(false);
    await p.onFile(chosen(file));
    expect(p.rejected.value).toBeNull();
    expect(p.previewOpen.value).toBe(true);
    await p.confirm();
    expect(p.error.value).toBe('已有关闭的考核周期');
    expect(p.previewOpen.value).toBe(true);
    expect(done).not.toHaveBeenCalled();
  });
});

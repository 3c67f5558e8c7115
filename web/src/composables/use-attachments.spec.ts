import { describe, expect, it, vi } from 'vitest';
import { ElMessage } from 'element-plus';
import { stubFetch } from '../api/fetch-stub';
import { photoAttachment } from '../api/attachment-fixtures';
import { useAttachments } from './use-attachments';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('useAttachments', () => {
  const fetchMock = stubFetch({ items: [photoAttachment(7, 1000)] });

  it("reads the record's files, and after removing one reads them again", async () => {
    const success = vi.spyOn(ElMessage, 'success').mockImplementation(() => ({ close: () => {} }) as never);
    const files = useAttachments('ticket', () => 3);
    await files.loadFiles();
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/attachments?owner=ticket&owner_id=3');
    expect(files.files.value.map((f) => f.id)).toEqual([7]);
    await files.removeFile(files.files.value[0]);
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/attachments/7');
    expect(fetchMock.mock.calls[1][1].method).toBe('DELETE');
    expect(fetchMock.mock.calls).toHaveLength(3);
    expect(success).toHaveBeenCalledTimes(1);
  });

  it('has no files when they cannot be read, and shows the refusal of a removal', async () => {
    const error = vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close: () => {} }) as never);
    fetchMock.mockImplementation(async () => json({ error: { code: 'forbidden', message: '只能删除自己上传的文件' } }, 403));
    const files = useAttachments('declaration', () => 45);
    files.files.value = [photoAttachment(7, 1000)];
    await files.loadFiles();
    expect(files.files.value).toEqual([]);
    await files.removeFile(photoAttachment(7, 1000));
    expect(error).toHaveBeenCalledWith('只能删除自己上传的文件');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from './fetch-stub';
import { attachmentsApi, uploadAll, type Attachment } from './attachments';
import { photoAttachment } from './attachment-fixtures';

const photo: Attachment = photoAttachment(7, 1000);

describe('attachments api', () => {
  const fetchMock = stubFetch({ items: [photo] });

  it('lists an owner\'s files and removes one with the CSRF header', async () => {
    const { items } = await attachmentsApi.list('declaration', 45);
    expect(items[0].name).toBe('现场.jpg');
    await attachmentsApi.remove(7);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/attachments?owner=declaration&owner_id=45');
    const [url, init] = fetchMock.mock.calls[1];
    expect(url).toBe('/api/v1/attachments/7');
    expect(init.method).toBe('DELETE');
    expect(init.headers['X-CSRF-Token']).toBe('tok');
  });

  it('gives the rendition urls of an image and the original of a document', () => {
    expect(attachmentsApi.fileUrl(photo, 'thumb')).toBe('/api/v1/attachments/7/file?variant=thumb');
    expect(attachmentsApi.fileUrl(photo, 'display')).toBe('/api/v1/attachments/7/file?variant=display');
    const pdf = { ...photo, image: false, thumb_url: undefined, display_url: undefined };
    expect(attachmentsApi.fileUrl(pdf, 'thumb')).toBe('/api/v1/attachments/7/file');
  });
});

/** Plays the server for XMLHttpRequest uploads: refuses files whose name starts with "bad". */
class FakeXhr {
  static sent: { url: string; name: string }[] = [];
  url = '';
  status = 0;
  statusText = '';
  responseText = '';
  withCredentials = false;
  headers: Record<string, string> = {};
  upload: Record<string, unknown> = {};
  onload?: () => void;
  onerror?: () => void;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(file: File) {
    FakeXhr.sent.push({ url: this.url, name: decodeURIComponent(this.headers['X-Filename']) });
    if (file.name.startsWith('bad')) {
      this.status = 422;
      this.responseText = JSON.stringify({ error: { code: 'invalid', message: '不支持的文件类型', field: 'file' } });
    } else {
      this.status = 201;
      this.responseText = JSON.stringify({ ...photo, name: file.name });
    }
    this.onload?.();
  }
}

describe('uploadAll', () => {
  beforeEach(() => {
    FakeXhr.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('uploads each file to the owner and event, and collects the refusals with their names', async () => {
    const files = [new File(['x'], '一.jpg', { type: 'image/jpeg' }), new File(['y'], 'bad.jpg', { type: 'image/jpeg' })];
    const { stored, errors } = await uploadAll('ticket', 3, files, 12);
    expect(stored.map((a) => a.name)).toEqual(['一.jpg']);
    expect(errors).toEqual(['bad.jpg：不支持的文件类型']);
    expect(FakeXhr.sent).toEqual([
      { url: '/api/v1/attachments?owner=ticket&owner_id=3&sub_id=12', name: '一.jpg' },
      { url: '/api/v1/attachments?owner=ticket&owner_id=3&sub_id=12', name: 'bad.jpg' },
    ]);
  });
});

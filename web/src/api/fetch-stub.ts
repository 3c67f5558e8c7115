// For the api specs (never imported by the app): the client's fetch replaced by a mock.
import { afterEach, beforeEach, expect, vi, type Mock } from 'vitest';
import { configureHttp, setCsrfToken } from './http';

/**
 * What the client names a downloaded file: runs `download` with the next response `response` and
 * URL.createObjectURL stubbed (no file is made; checked to be asked for once).
 */
export async function downloadedName(fetchMock: Mock, download: () => Promise<string>, response = new Response('xlsx', { status: 200 })): Promise<string> {
  const made = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
  fetchMock.mockImplementationOnce(async () => response);
  try {
    const name = await download();
    expect(made).toHaveBeenCalledOnce();
    return name;
  } finally {
    made.mockRestore();
  }
}

/** A 200 JSON response. */
const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

/**
 * Call inside a describe block: before each test fetch is a mock answering 200 with `body`, the
 * CSRF token is "tok" and the client's hooks are mocks (`notify` if given); after it, all is put
 * back. Returns the fetch mock, whose calls the tests read.
 */
export function stubFetch(body: unknown = { items: [] }, notify: Mock = vi.fn()): Mock {
  const fetchMock = vi.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => ok(body));
    vi.stubGlobal('fetch', fetchMock);
    configureHttp({ notify, onUnauthorized: vi.fn() });
    setCsrfToken('tok');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken('');
  });
  return fetchMock;
}

/**
 * XMLHttpRequest (what `upload` sends with) replaced by one that answers 200 with `body` at once;
 * returns the "METHOD url" of each request, in order. Put back by stubFetch's afterEach.
 */
export function stubUpload(body: unknown): string[] {
  const opened: string[] = [];
  class Xhr {
    upload = {};
    status = 200;
    responseText = JSON.stringify(body);
    onload?: () => void;
    withCredentials = false;
    open(method: string, url: string) {
      opened.push(`${method} ${url}`);
    }
    setRequestHeader() {}
    send() {
      this.onload?.();
    }
  }
  vi.stubGlobal('XMLHttpRequest', Xhr);
  return opened;
}

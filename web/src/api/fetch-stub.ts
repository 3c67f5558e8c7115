// For the api specs (never imported by the app): the client's fetch replaced by a mock.
import { afterEach, beforeEach, vi, type Mock } from 'vitest';
import { configureHttp, setCsrfToken } from './http';

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

// The one HTTP client of the app: a fetch wrapper (and an XHR upload with progress) that
// - sends the session cookie and, on every non-GET request, the X-CSRF-Token header;
// - turns the server's `{"error":{code,message,field}}` bodies into ApiError values;
// - on 401 calls the configured handler (the router sends the user to the login page);
// - on 403/404/5xx/network failures notifies a friendly, translated message unless the
//   caller asked to handle it itself (`quiet`).
// Every failure is thrown as ApiError; the app's global handlers swallow ApiError so that a
// refused request never crashes a page.

export const API_BASE = '/api/v1';

export interface RowError {
  sheet: string;
  row: number;
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly rows?: RowError[];

  constructor(status: number, code: string, message: string, field?: string, rows?: RowError[]) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field || undefined;
    this.rows = rows;
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** Do not notify the user; the caller shows the failure itself. */
  quiet?: boolean;
  /** Do not redirect on 401 (the login request itself). */
  noAuthRedirect?: boolean;
  /** Return the raw Response (downloads). */
  raw?: boolean;
}

export interface HttpHooks {
  onUnauthorized: () => void;
  notify: (kind: 'error' | 'warning', messageKey: string, serverMessage?: string) => void;
}

let csrfToken = '';
let hooks: HttpHooks = {
  onUnauthorized: () => {},
  notify: () => {},
};

export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? '';
}

export function getCsrfToken(): string {
  return csrfToken;
}

export function configureHttp(next: Partial<HttpHooks>): void {
  hooks = { ...hooks, ...next };
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/api/') || path.startsWith('http') ? path : API_BASE + path;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

/** Message key for a failed status; the friendly text lives in the locale files. */
export function messageKeyFor(status: number, code: string): string {
  if (status === 0) return 'errors.network';
  if (code === 'csrf') return 'errors.csrf';
  if (status === 403) return 'errors.forbidden';
  if (status === 404) return 'errors.notFound';
  if (status === 409) return 'errors.conflict';
  if (status === 413) return 'errors.tooLarge';
  if (status >= 500) return 'errors.server';
  return 'errors.unknown';
}

async function parseError(response: Response): Promise<ApiError> {
  let code = 'unknown';
  let message = response.statusText || '';
  let field: string | undefined;
  let rows: RowError[] | undefined;
  try {
    const data = await response.json();
    if (data && typeof data === 'object' && data.error) {
      code = data.error.code ?? code;
      message = data.error.message ?? message;
      field = data.error.field;
    }
    if (data && Array.isArray(data.rows)) rows = data.rows;
  } catch {
    // not JSON (proxy page, empty body): keep the status text
  }
  return new ApiError(response.status, code, message, field, rows);
}

/** Shared reaction to a failed request: redirect on 401, notify otherwise. Returns the error. */
export function handleFailure(error: ApiError, options: Pick<RequestOptions, 'quiet' | 'noAuthRedirect'>): ApiError {
  if (error.status === 401) {
    if (!options.noAuthRedirect) {
      setCsrfToken('');
      hooks.onUnauthorized();
    }
    return error;
  }
  // 422 validation errors are shown next to the form item by the caller.
  if (!options.quiet && error.status !== 422) {
    hooks.notify(error.status === 403 || error.status === 404 ? 'warning' : 'error', messageKeyFor(error.status, error.code), error.message);
  }
  return error;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (options.body instanceof Blob || typeof options.body === 'string') {
      body = options.body as BodyInit;
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw handleFailure(new ApiError(0, 'network', 'network error'), options);
  }
  if (!response.ok) throw handleFailure(await parseError(response), options);
  if (options.raw) return response as unknown as T;
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: Query, options: RequestOptions = {}) => request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options: RequestOptions = {}) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options: RequestOptions = {}) => request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options: RequestOptions = {}) => request<T>('DELETE', path, options),
};

export interface UploadOptions extends RequestOptions {
  onProgress?: (percent: number) => void;
  /** Called when the body is fully sent and the server is processing it. */
  onUploaded?: () => void;
}

/**
 * Sends a file as the raw request body with XMLHttpRequest, which (unlike fetch) reports
 * upload progress. Same CSRF, 401 and error handling as request().
 */
export function upload<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, options.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', file.type || contentTypeFor(file.name));
    // Header values must be ISO-8859-1; Chinese file names are percent-encoded.
    xhr.setRequestHeader('X-Filename', encodeURIComponent(file.name));
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    for (const [key, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && options.onProgress) options.onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.upload.onload = () => options.onUploaded?.();
    xhr.onerror = () => reject(handleFailure(new ApiError(0, 'network', 'network error'), options));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      const body = (data ?? {}) as { error?: { code?: string; message?: string; field?: string }; rows?: RowError[] };
      const error = new ApiError(xhr.status, body.error?.code ?? 'unknown', body.error?.message ?? xhr.statusText, body.error?.field, body.rows);
      reject(handleFailure(error, options));
    };
    xhr.send(file);
  });
}

export function contentTypeFor(name: string): string {
  return name.toLowerCase().endsWith('.csv')
    ? 'text/csv'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}

/** File name from a Content-Disposition header (RFC 5987 filename* first). */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // malformed: try the plain parameter
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Downloads a GET resource as a file (keeps 401/403 handling, unlike a bare link). */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  const response = await request<Response>('GET', path, { query, raw: true });
  const blob = await response.blob();
  const name = filenameFrom(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

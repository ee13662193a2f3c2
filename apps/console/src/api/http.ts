// One way to call the services: same origin, `/api/<service>/…` (the console server proxies it), the signed-in
// user's bearer token, and every error answer turned into an ApiError.
import { ApiError } from './problem';

export type ServiceName = 'intake' | 'review' | 'expert-pool' | 'assessment' | 'publication' | 'notification';
/** `/api/<area>/…`: a service, or the console server's own endpoints (`console`, and `dev` outside production). */
export type ApiArea = ServiceName | 'console' | 'dev';

let tokenSource: () => string | null = () => null;
let onUnauthenticated: () => void = () => undefined;

/** The sign-in module tells the API layer where the current token comes from and what to do when it is refused. */
export function setTokenSource(source: () => string | null, unauthenticated: () => void): void {
  tokenSource = source;
  onUnauthenticated = unauthenticated;
}

export function apiUrl(service: ApiArea, path: string, query?: Record<string, string | number | boolean | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `/api/${service}${path}${s ? `?${s}` : ''}`;
}

export function authHeaders(): Record<string, string> {
  const token = tokenSource();
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function parse(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function request<T>(method: string, service: ApiArea, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await fetch(apiUrl(service, path, opts.query), {
    method,
    headers: { accept: 'application/json', ...authHeaders(), ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: opts.signal,
  });
  const body = await parse(res);
  if (!res.ok) {
    if (res.status === 401) onUnauthenticated();
    throw new ApiError(res.status, body, res.headers.get('x-correlation-id'));
  }
  return body as T;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** A multipart upload with progress events (fetch cannot report upload progress; XMLHttpRequest can). */
export function upload<T>(service: ServiceName, path: string, form: FormData, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(service, path));
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else {
        if (xhr.status === 401) onUnauthenticated();
        reject(new ApiError(xhr.status, body, xhr.getResponseHeader('x-correlation-id')));
      }
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

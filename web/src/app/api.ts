import i18n, { currentLang } from '../i18n';

/** Error body shape shared by every endpoint. */
export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
  citation?: { law: string; article: string };
  details?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly citation?: { law: string; article: string };
  readonly details?: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.citation = body.citation;
    this.details = body.details;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request other than the auth probe answers 401 (session expired). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Don't trigger the global 401 handler (used by the auth probe and login). */
  skipAuthRedirect?: boolean;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLang(),
  };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}${buildQuery(opts.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'NETWORK', message: i18n.t('app.networkError') });
  }
  if (!res.ok) {
    let errBody: ApiErrorBody | undefined;
    try {
      const json = (await res.json()) as { error?: ApiErrorBody };
      if (json && typeof json.error === 'object' && json.error) errBody = json.error;
    } catch {
      /* not JSON */
    }
    const err = new ApiError(
      res.status,
      errBody ?? { code: `HTTP_${res.status}`, message: i18n.t('app.requestFailed', { status: res.status }) },
    );
    if (res.status === 401 && !opts.skipAuthRedirect && onUnauthorized) onUnauthorized();
    throw err;
  }
  return res;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function filenameFrom(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition');
  if (cd) {
    const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(cd);
    if (star) {
      try {
        return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
      } catch {
        /* fall through */
      }
    }
    const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(cd);
    if (plain) return plain[1];
  }
  return fallback;
}

/** GETs a file and hands it to the browser as a download. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  const res = await send(path, { query });
  const blob = await res.blob();
  const name = filenameFrom(res, fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** The server prefixes field refusals with `field: `; drop it where the field is shown anyway. */
export function messageWithoutField(e: ApiError): string {
  const prefix = e.field ? `${e.field}: ` : '';
  return prefix && e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}

/** Appends the legal citation unless the message already names it. */
export function messageWithCitation(message: string, e: ApiError, format: (law: string, article: string) => string): string {
  if (!e.citation || message.includes(e.citation.law)) return message;
  return message + format(e.citation.law, e.citation.article);
}

/** Message suitable for display, for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

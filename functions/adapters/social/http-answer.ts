/**
 * What the X, Facebook and LinkedIn adapters share about a call over HTTP: whether a request
 * that got no answer can have reached the platform, how long a 429 asks to wait, and (for the
 * two that use fetch) one JSON call with a timeout.
 */

/** Connection errors that mean the request never reached the server (nothing can have posted). */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** A socket error (Node's `code` on the error or, from fetch, on its cause) that says the request never left. */
export function neverSent(error: unknown): boolean {
  const own = (error as { code?: unknown } | undefined)?.code;
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return [own, cause].some((code) => typeof code === 'string' && NEVER_SENT.has(code));
}

/** `Retry-After` (RFC 9110 §10.2.3): seconds, or an HTTP date. */
export function retryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  const retryAfter = value?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const at = Date.parse(retryAfter);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** The call got no usable answer: it never left (`sent` false), or it left and the answer never came (or broke off). */
export class NoAnswerError extends Error {
  constructor(
    message: string,
    readonly sent: boolean,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'NoAnswerError';
  }
}

/** An HTTP answer: its status, headers, and body (parsed JSON; the text when it is not JSON, e.g. a proxy's HTML page). */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * One request with a deadline for the whole exchange (headers and body). Resolves with any HTTP
 * answer, error statuses included, for the adapter to read; throws `NoAnswerError` when there
 * was none.
 */
export async function fetchAnswer(fetchFn: typeof fetch, url: string, init: RequestInit, timeoutMs: number): Promise<HttpAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetchFn(url, { ...init, signal });
  } catch (error) {
    throw noAnswer(error);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw noAnswer(error);
  }
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      // A cut or malformed JSON body: keep the text; the status decides.
    }
  }
  return { status: response.status, headers: response.headers, body };
}

function noAnswer(error: unknown): NoAnswerError {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new NoAnswerError('no answer in time', true, { cause: error });
  }
  const code = (error as { cause?: { code?: string } } | undefined)?.cause?.code;
  const message = `${error instanceof Error ? error.message : String(error)}${code ? ` (${code})` : ''}`;
  return new NoAnswerError(message, !neverSent(error), { cause: error });
}

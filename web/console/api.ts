/**
 * The admin API seen from the console: the bearer token from sessionStorage (gone when the tab
 * closes), and errors turned into `ApiError` with the server's per-field messages.
 */
export interface FieldError { field: string; message: string }
interface ErrorBody { error?: { code?: string; message?: string; fields?: FieldError[] } }

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly code?: string, readonly fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'blue-heart-console-token';

export interface Claims { username?: string; 'cognito:groups'?: string[]; exp?: number }

export const token = (): string | null => sessionStorage.getItem(TOKEN_KEY);
export const keepToken = (value: string): void => sessionStorage.setItem(TOKEN_KEY, value);
export const dropToken = (): void => sessionStorage.removeItem(TOKEN_KEY);

export function claims(value: string): Claims {
  try {
    return JSON.parse(atob(value.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Claims;
  } catch {
    return {};
  }
}

export const signedIn = (): boolean => {
  const value = token();
  return Boolean(value) && (claims(value!).exp ?? 0) * 1000 > Date.now();
};

let onSignedOut: () => void = () => undefined;
/** What to do when the server says the session is over (the console shows the sign-in form). */
export const whenSignedOut = (handler: () => void): void => {
  onSignedOut = handler;
};

export async function api(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token()}` } });
  if (response.status === 401) {
    dropToken();
    onSignedOut();
    throw new ApiError('Your session has ended; sign in again.', 401);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as ErrorBody;
    throw new ApiError(body.error?.message ?? `The server answered ${response.status}.`, response.status, body.error?.code, body.error?.fields ?? []);
  }
  return response;
}

/** A JSON call: `send('PUT', path, body)`; GET when there is no body. */
export async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method };
  if (body !== undefined) Object.assign(init, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await (await api(path, init)).json()) as T;
}

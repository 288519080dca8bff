/**
 * The console's behaviour. Every value from the API is written with textContent: pledge data
 * is user input. The access token lives in sessionStorage (gone when the tab closes).
 */
interface Summary {
  id: string; status: string; review: string; country: string; emailDomain?: string; ipHash?: string; suspectReasons: string[]; createdAt: string;
}
interface ApiError { error?: { message?: string } }

const TOKEN_KEY = 'blue-heart-console-token';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const statusBox = $('status');

function say(message: string): void {
  statusBox.textContent = message;
  statusBox.hidden = false;
}

function claims(token: string): { username?: string; 'cognito:groups'?: string[]; exp?: number } {
  try {
    return JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return {};
  }
}

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    show();
    throw new Error('Your session has ended; sign in again.');
  }
  if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as ApiError).error?.message ?? `The server answered ${response.status}.`);
  return response;
}

function show(): void {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const signedIn = Boolean(token) && (claims(token!).exp ?? 0) * 1000 > Date.now();
  $('sign-in').hidden = signedIn;
  for (const id of ['review', 'wall', 'export', 'who']) $(id).hidden = !signedIn;
  if (signedIn) {
    const c = claims(token!);
    document.querySelector('[data-bind="username"]')!.textContent = c.username ?? '';
    document.querySelector('[data-bind="roles"]')!.textContent = (c['cognito:groups'] ?? []).join(', ');
    void loadWall();
  }
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const response = await fetch('/auth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(Object.fromEntries(form)) });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!body.access_token) return say(body.error_description ?? 'Sign-in failed.');
  sessionStorage.setItem(TOKEN_KEY, body.access_token);
  statusBox.hidden = true;
  show();
  $('main').focus();
});

$('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  show();
});

const toIso = (local: string) => new Date(local).toISOString();
const toLocalInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
$<HTMLInputElement>('from').value = toLocalInput(new Date(Date.now() - 24 * 3_600_000));
$<HTMLInputElement>('to').value = toLocalInput(new Date(Date.now() + 60_000));

function currentFilter(): Record<string, string> {
  const form = new FormData($('review-form') as HTMLFormElement);
  const filter: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string' && value !== '') filter[key] = value;
  filter.from = toIso(filter.from!);
  filter.to = toIso(filter.to!);
  return filter;
}

function cell(row: HTMLTableRowElement, text: string): void {
  row.insertCell().textContent = text;
}

async function search(): Promise<void> {
  const response = await api(`/api/admin/pledges?${new URLSearchParams(currentFilter())}`);
  const { pledges } = (await response.json()) as { pledges: Summary[] };
  const rows = $('review-rows');
  rows.replaceChildren();
  for (const pledge of pledges) {
    const row = (rows as HTMLTableSectionElement).insertRow();
    cell(row, pledge.createdAt.replace('T', ' ').slice(0, 19));
    cell(row, pledge.status);
    cell(row, pledge.review);
    cell(row, pledge.country);
    cell(row, pledge.emailDomain ?? '—');
    cell(row, pledge.ipHash ?? '—');
    cell(row, pledge.suspectReasons.join(', ') || '—');
  }
  $('review-caption').textContent = `${pledges.length} pledge(s) match.`;
  for (const id of ['restore', 'invalidate']) ($(id) as HTMLButtonElement).disabled = pledges.length === 0;
}

$('review-form').addEventListener('submit', (event) => {
  event.preventDefault();
  search().catch((error: Error) => say(error.message));
});

for (const action of ['restore', 'invalidate'] as const) {
  $(action).addEventListener('click', async () => {
    const { limit: _limit, ...filter } = currentFilter();
    if (!confirm(`${action === 'restore' ? 'Restore' : 'Invalidate'} every pledge that matches? The counters change at once.`)) return;
    try {
      const response = await api('/api/admin/pledges/review', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, filter }) });
      const outcome = (await response.json()) as { matched: number; changed: number };
      say(`${outcome.changed} of ${outcome.matched} matching pledge(s) ${action === 'restore' ? 'restored' : 'invalidated'}.`);
      await search();
    } catch (error) {
      say((error as Error).message);
    }
  });
}

async function loadWall(): Promise<void> {
  const { entries } = (await (await fetch('/api/pledges/wall?limit=50', { cache: 'no-store' })).json()) as { entries: { id: string; firstName: string; country: string }[] };
  const list = $('wall-entries');
  list.replaceChildren();
  for (const entry of entries) {
    const item = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = `${entry.firstName} · ${entry.country}`;
    const hide = document.createElement('button');
    hide.type = 'button';
    hide.className = 'button button-secondary';
    hide.textContent = 'Hide';
    hide.setAttribute('aria-label', `Hide ${entry.firstName} from the wall`);
    hide.addEventListener('click', async () => {
      try {
        await api(`/api/admin/pledges/${entry.id}/wall`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hidden: true }) });
        item.remove();
        say(`${entry.firstName} is no longer on the wall.`);
      } catch (error) {
        say((error as Error).message);
      }
    });
    item.append(label, hide);
    list.append(item);
  }
  if (entries.length === 0) list.textContent = 'Nobody is on the wall yet.';
}

$('export-csv').addEventListener('click', async () => {
  try {
    const blob = await (await api('/api/admin/pledges/export.csv')).blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `blue-heart-pledges-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  } catch (error) {
    say((error as Error).message);
  }
});

show();

/**
 * The Pledges area: review held-back pledges in bulk, moderate the public wall, export the
 * confirmed pledges as CSV.
 */
import { api } from './api.js';
import { $, el, errorMessage, say, toLocalInput } from './dom.js';

interface Summary {
  id: string; status: string; review: string; country: string; emailDomain?: string; ipHash?: string; suspectReasons: string[]; createdAt: string;
}

const toIso = (local: string) => new Date(local).toISOString();

function currentFilter(): Record<string, string> {
  const form = new FormData($<HTMLFormElement>('review-form'));
  const filter: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string' && value !== '') filter[key] = value;
  filter.from = toIso(filter.from!);
  filter.to = toIso(filter.to!);
  return filter;
}

async function search(): Promise<void> {
  const response = await api(`/api/admin/pledges?${new URLSearchParams(currentFilter())}`);
  const { pledges } = (await response.json()) as { pledges: Summary[] };
  const rows = $<HTMLTableSectionElement>('review-rows');
  rows.replaceChildren();
  for (const pledge of pledges) {
    const row = rows.insertRow();
    for (const text of [
      pledge.createdAt.replace('T', ' ').slice(0, 19), pledge.status, pledge.review, pledge.country,
      pledge.emailDomain ?? '—', pledge.ipHash ?? '—', pledge.suspectReasons.join(', ') || '—',
    ]) row.insertCell().textContent = text;
  }
  $('review-caption').textContent = `${pledges.length} pledge(s) match.`;
  for (const id of ['restore', 'invalidate']) $<HTMLButtonElement>(id).disabled = pledges.length === 0;
}

export async function loadWall(): Promise<void> {
  const { entries } = (await (await fetch('/api/pledges/wall?limit=50', { cache: 'no-store' })).json()) as { entries: { id: string; firstName: string; country: string }[] };
  const list = $('wall-entries');
  list.replaceChildren();
  for (const entry of entries) {
    const hide = el('button', { type: 'button', class: 'button button-secondary', 'aria-label': `Hide ${entry.firstName} from the wall` }, 'Hide');
    const item = el('li', {}, el('span', {}, `${entry.firstName} · ${entry.country}`), hide);
    hide.addEventListener('click', async () => {
      try {
        await api(`/api/admin/pledges/${entry.id}/wall`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hidden: true }) });
        item.remove();
        say(`${entry.firstName} is no longer on the wall.`);
      } catch (error) {
        say(errorMessage(error));
      }
    });
    list.append(item);
  }
  if (entries.length === 0) list.textContent = 'Nobody is on the wall yet.';
}

export function setUpPledges(): void {
  $<HTMLInputElement>('from').value = toLocalInput(new Date(Date.now() - 24 * 3_600_000));
  $<HTMLInputElement>('to').value = toLocalInput(new Date(Date.now() + 60_000));

  $('review-form').addEventListener('submit', (event) => {
    event.preventDefault();
    search().catch((error: unknown) => say(errorMessage(error)));
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
        say(errorMessage(error));
      }
    });
  }

  $('export-csv').addEventListener('click', async () => {
    try {
      const blob = await (await api('/api/admin/pledges/export.csv')).blob();
      const link = el('a', { href: URL.createObjectURL(blob), download: `blue-heart-pledges-${new Date().toISOString().slice(0, 10)}.csv` });
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      say(errorMessage(error));
    }
  });
}

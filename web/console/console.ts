/**
 * The console's entry point (bundled by web/builder/extras.ts): sign-in, the section nav
 * (Campaigns · Pledges) and the set-up of each area. Every value from the API is written with
 * textContent or value: pledge data and campaign drafts are user input.
 */
import { claims, dropToken, keepToken, signedIn, token, whenSignedOut } from './api.js';
import { $, errorMessage, hush, say } from './dom.js';
import { loadCampaigns, setUpCampaigns } from './campaign-editor.js';
import { loadWall, setUpPledges } from './pledges.js';

const AREAS = ['campaigns', 'pledges'] as const;
type Area = (typeof AREAS)[number];
const isArea = (value: string): value is Area => (AREAS as readonly string[]).includes(value);
let area: Area = isArea(location.hash.slice(1)) ? (location.hash.slice(1) as Area) : 'campaigns';

/** Campaigns and pledges are managers' work (admins may do everything). */
const mayManage = (): boolean => {
  const groups = signedIn() ? (claims(token()!)['cognito:groups'] ?? []) : [];
  return groups.includes('manager') || groups.includes('admin');
};

function showArea(): void {
  const on = signedIn() && mayManage();
  for (const name of AREAS) {
    $(name).hidden = !on || name !== area;
    const link = $(`nav-${name}`);
    if (name === area) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function show(): void {
  const on = signedIn();
  $('sign-in').hidden = on;
  $('who').hidden = !on;
  $('console-nav').hidden = !on || !mayManage();
  showArea();
  if (!on) return;
  const c = claims(token()!);
  document.querySelector('[data-bind="username"]')!.textContent = c.username ?? '';
  document.querySelector('[data-bind="roles"]')!.textContent = (c['cognito:groups'] ?? []).join(', ');
  if (!mayManage()) {
    // Finance tools (reconciliation, reports) come with their own release; nothing here is theirs.
    say('Campaigns and pledges are for campaign managers. Your role has no tools in this console yet.');
    return;
  }
  loadWall().catch((error: unknown) => say(errorMessage(error)));
  loadCampaigns().catch((error: unknown) => say(errorMessage(error)));
}

addEventListener('hashchange', () => {
  const name = location.hash.slice(1);
  if (!isArea(name)) return;
  area = name;
  showArea();
});

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const response = await fetch('/auth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(Object.fromEntries(form)) });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!body.access_token) return say(body.error_description ?? 'Sign-in failed.');
  keepToken(body.access_token);
  hush();
  show();
  $('main').focus();
});

$('sign-out').addEventListener('click', () => {
  dropToken();
  show();
});

whenSignedOut(show);
setUpPledges();
setUpCampaigns();
show();

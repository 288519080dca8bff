/**
 * The console's entry point (bundled by web/builder/extras.ts): sign-in, the section nav
 * (Campaigns · Messages · Pledges for managers, Finance for finance staff) and the set-up of each area.
 * Every value from the API is written with textContent or value: pledge data, campaign drafts
 * and donors' names are user input.
 */
import { claims, dropToken, keepToken, signedIn, token, whenSignedOut } from './api.js';
import { $, errorMessage, hush, say } from './dom.js';
import { finishSignIn, signOutEverywhere, startSignIn } from './sign-in.js';
import { loadCampaigns, setUpCampaigns } from './campaign-editor.js';
import { isFinanceHash, leaveFinance, resetFinance, setUpFinance, showFinance } from './finance.js';
import { loadMessages, resetMessages, setUpMessages } from './messages.js';
import { loadAccounts, resetAccounts, setUpAccounts } from './messages-accounts.js';
import { loadWall, setUpPledges } from './pledges.js';

const AREAS = ['campaigns', 'messages', 'pledges', 'finance'] as const;
type Area = (typeof AREAS)[number];
const areaOf = (hash: string): Area | undefined =>
  isFinanceHash(hash) ? 'finance' : (AREAS as readonly string[]).includes(hash) ? (hash as Area) : undefined;
let requested: Area | undefined = areaOf(location.hash.slice(1));

const groups = (): string[] => (signedIn() ? (claims(token()!)['cognito:groups'] ?? []) : []);
/** Campaigns and pledges are managers' work (admins may do everything there). */
const mayManage = (): boolean => groups().includes('manager') || groups().includes('admin');
/** Money follows separation of duties: the finance API lets in the finance role only, not admins. */
const mayFinance = (): boolean => groups().includes('finance');
const allowedAreas = (): Area[] => AREAS.filter((name) => (name === 'finance' ? mayFinance() : mayManage()));

/** The area asked for (link or hash) when the user may see it, else their first one. */
function currentArea(): Area | undefined {
  const allowed = allowedAreas();
  return requested && allowed.includes(requested) ? requested : allowed[0];
}

function showArea(): void {
  const allowed = allowedAreas();
  const area = currentArea();
  for (const name of AREAS) {
    $(name).hidden = name !== area;
    const link = $(`nav-${name}`);
    link.parentElement!.hidden = !allowed.includes(name);
    if (name === area) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (area === 'finance') showFinance(location.hash.slice(1));
  else leaveFinance();
}

function show(): void {
  const on = signedIn();
  $('sign-in').hidden = on;
  $('who').hidden = !on;
  $('console-nav').hidden = !on || allowedAreas().length === 0;
  if (!on) {
    resetFinance();
    resetMessages();
    resetAccounts();
  }
  showArea();
  if (!on) return;
  const c = claims(token()!);
  document.querySelector('[data-bind="username"]')!.textContent = c.username ?? '';
  document.querySelector('[data-bind="roles"]')!.textContent = (c['cognito:groups'] ?? []).join(', ');
  if (allowedAreas().length === 0) {
    say('Your role has no tools in this console: campaigns and pledges are for campaign managers, the finance area for finance staff.');
    return;
  }
  if (!mayManage()) return;
  loadWall().catch((error: unknown) => say(errorMessage(error)));
  loadCampaigns().catch((error: unknown) => say(errorMessage(error)));
  loadMessages().catch((error: unknown) => say(errorMessage(error)));
  loadAccounts().catch((error: unknown) => say(errorMessage(error)));
}

addEventListener('hashchange', () => {
  const name = areaOf(location.hash.slice(1));
  if (!name) return;
  requested = name;
  showArea();
});

$('sign-in-button').addEventListener('click', () => {
  startSignIn().catch((error: unknown) => say(errorMessage(error)));
});

$('sign-out').addEventListener('click', () => {
  dropToken();
  hush();
  show();
  signOutEverywhere().catch(() => undefined);
});

/** Back from the hosted sign-in (`?code&state`): exchange the code, then show the areas. */
async function arrive(): Promise<void> {
  try {
    const accessToken = await finishSignIn();
    if (accessToken) {
      keepToken(accessToken);
      // The area asked for before the round trip is back in the address.
      requested = areaOf(location.hash.slice(1)) ?? requested;
      $('main').focus();
    }
  } catch (error) {
    say(errorMessage(error));
  }
  show();
}

whenSignedOut(show);
setUpPledges();
setUpCampaigns();
setUpMessages();
setUpAccounts();
setUpFinance();
void arrive();

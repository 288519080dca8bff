/**
 * Messages · Organisation accounts: the accounts that post every campaign's messages. Connect one
 * (the form's fields follow the platform), reconnect one whose credential expired (or to replace
 * it), disconnect one after saying what that does, and the audit log. Credentials go from the
 * form to the API and nowhere else: the fields are emptied once sent, and no answer carries one.
 */
import { api, send } from './api.js';
import { $, el, errorMessage, say, utc } from './dom.js';
import { busy, clearFieldErrors, formValues } from './finance-forms.js';
import {
  CONNECT_RULES, STATUS_WORDS, connectBody, describeAccount, describeAuditEntry, fieldsFor, platformName,
  type AccountAuditEntry, type OptionalField, type OrganisationAccountView, type Platform,
} from './messages-accounts-rules.js';

const BASE = '/api/admin/social/accounts';
/** Dispatched on `document` after a connect, reconnect or disconnect: the Reach part shows the targets afresh. */
export const ACCOUNTS_CHANGED = 'organisation-accounts-changed';
const changed = () => document.dispatchEvent(new Event(ACCOUNTS_CHANGED));
let acting: OrganisationAccountView | null = null;
/** The accounts as last listed, for a Reconnect asked for elsewhere in the area. */
let listed: OrganisationAccountView[] = [];

export async function loadAccounts(): Promise<void> {
  const [{ accounts }, { entries }] = await Promise.all([
    send<{ accounts: OrganisationAccountView[] }>('GET', BASE),
    send<{ entries: AccountAuditEntry[] }>('GET', `${BASE}/history`),
  ]);
  listed = accounts;
  $('accounts-rows').replaceChildren(...accounts.map(row));
  const expired = accounts.filter((account) => account.status === 'expired').length;
  $('accounts-caption').textContent = accounts.length
    ? `Connected: ${accounts.length}. ${expired ? `Expired, posting nothing until reconnected: ${expired}.` : 'All of them post every campaign’s messages.'}`
    : 'The organisation has no connected accounts yet: messages go out from supporters’ accounts only.';
  $('accounts-history').replaceChildren(...entries.slice(0, 20).map((entry) => el('li', {}, describeAuditEntry(entry, utc(entry.at)))));
}

function row(account: OrganisationAccountView): HTMLTableRowElement {
  const name = describeAccount(account);
  const reconnect = el('button', { type: 'button', class: `button button-small ${account.status === 'expired' ? 'button-primary' : 'button-secondary'}`, 'aria-label': `Reconnect ${name}` }, 'Reconnect');
  const disconnect = el('button', { type: 'button', class: 'button button-danger button-small', 'aria-label': `Disconnect ${name}` }, 'Disconnect');
  reconnect.addEventListener('click', () => askReconnect(account));
  disconnect.addEventListener('click', () => askDisconnect(account));
  const who = el('td', {}, `${utc(account.connectedAt)} by ${account.connectedBy}`);
  if (account.reconnectedAt) who.append(el('span', { class: 'hint block' }, `Reconnected ${utc(account.reconnectedAt)} by ${account.reconnectedBy ?? ''}`));
  const status = el('td', {}, el('span', { class: `badge ${account.status === 'expired' ? 'badge-discrepancies' : 'badge-clean'}` }, STATUS_WORDS[account.status]));
  if (account.expiredAt) status.append(el('span', { class: 'hint block' }, `Refused by ${platformName(account.platform)} ${utc(account.expiredAt)}`));
  return el(
    'tr',
    { 'data-id': account.id, 'data-status': account.status },
    el('th', { scope: 'row' }, account.handle, el('span', { class: 'hint block' }, [platformName(account.platform), account.accountRef].filter(Boolean).join(' · '))),
    el('td', { class: 'numeric' }, account.followers.toLocaleString('en')),
    el('td', {}, `${account.language.toUpperCase()} · ${account.timeZone}`),
    status,
    who,
    el('td', {}, el('span', { class: 'row-actions' }, reconnect, disconnect)),
  );
}

/** Shows the fields a platform takes (and disables the others, so they are not sent); labels and hints follow it. */
function showFieldsOf(form: HTMLFormElement, platform: Platform): void {
  const shown = fieldsFor(platform);
  for (const wrapper of form.querySelectorAll<HTMLElement>('[data-only]')) {
    const on = shown[wrapper.dataset.only as OptionalField];
    wrapper.hidden = !on;
    for (const input of wrapper.querySelectorAll<HTMLInputElement>('input')) input.disabled = !on;
  }
}

function followPlatform(): void {
  const form = $<HTMLFormElement>('account-connect-form');
  const platform = $<HTMLSelectElement>('account-platform').value as Platform;
  const rule = CONNECT_RULES[platform];
  showFieldsOf(form, platform);
  $('account-handle-label').textContent = rule.handleLabel;
  $('account-handle-hint').textContent = `e.g. ${rule.handleExample}`;
  if (rule.server) {
    $('account-server-label').textContent = rule.server.label;
    $('account-server-hint').textContent = rule.server.hint;
  }
  $('account-secret-label').textContent = rule.credential;
  $('account-secret-hint').textContent = `${rule.credentialHint} Checked with the network now, then stored encrypted; nobody can read it back.`;
}

function emptySecrets(form: HTMLFormElement): void {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = '';
}

function askDisconnect(account: OrganisationAccountView): void {
  acting = account;
  $<HTMLFormElement>('account-reconnect-form').hidden = true;
  const form = $<HTMLFormElement>('account-disconnect-form');
  $('account-disconnect-title').textContent = `Disconnect ${describeAccount(account)}?`;
  $('account-disconnect-confirm').textContent = `Disconnect ${account.handle}`;
  form.hidden = false;
  $('account-disconnect-title').focus();
}

function askReconnect(account: OrganisationAccountView): void {
  acting = account;
  $<HTMLFormElement>('account-disconnect-form').hidden = true;
  const form = $<HTMLFormElement>('account-reconnect-form');
  const rule = CONNECT_RULES[account.platform];
  clearFieldErrors(form);
  emptySecrets(form);
  showFieldsOf(form, account.platform);
  $('account-reconnect-title').textContent = `Reconnect ${describeAccount(account)}`;
  $('account-reconnect-hint').textContent = `${account.status === 'expired' ? `${platformName(account.platform)} refused its credential: it posts nothing until a new one is given. ` : 'Replaces its credential. '}${rule.credentialHint}`;
  $('reconnect-secret-label').textContent = `New ${rule.credential.toLowerCase()}`;
  form.hidden = false;
  $('account-reconnect-title').focus();
}

/**
 * Opens the reconnect form of one of the organisation's accounts, as its row's Reconnect does:
 * for the Reach part's list of expired accounts, before a message's moment.
 */
export async function reconnectOrganisationAccount(id: string): Promise<void> {
  try {
    if (!listed.some((account) => account.id === id)) await loadAccounts();
    const account = listed.find((candidate) => candidate.id === id);
    if (account) askReconnect(account);
    else say('That account is no longer connected: a manager may have disconnected it.');
  } catch (error) {
    say(errorMessage(error));
  }
}

function closePanels(): void {
  acting = null;
  $<HTMLFormElement>('account-disconnect-form').hidden = true;
  $<HTMLFormElement>('account-reconnect-form').hidden = true;
  emptySecrets($<HTMLFormElement>('account-reconnect-form'));
}

export function setUpAccounts(): void {
  const connect = $<HTMLFormElement>('account-connect-form');
  $<HTMLInputElement>('account-timeZone').value = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  $('account-time-zones').replaceChildren(...zones.map((zone) => el('option', { value: zone })));
  $('account-platform').addEventListener('change', followPlatform);
  followPlatform();

  connect.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(connect, [$<HTMLButtonElement>('account-connect')], async () => {
      const account = await send<OrganisationAccountView>('POST', BASE, connectBody(formValues(connect)));
      emptySecrets(connect);
      for (const name of ['handle', 'server', 'pageId', 'authorUrn']) (connect.elements.namedItem(name) as HTMLInputElement).value = '';
      await loadAccounts();
      changed();
      say(`${describeAccount(account)} is connected (${account.followers.toLocaleString('en')} followers): it posts every campaign’s messages from now on.`);
    });
  });

  const reconnect = $<HTMLFormElement>('account-reconnect-form');
  reconnect.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!acting) return;
    const account = acting;
    void busy(reconnect, [$<HTMLButtonElement>('account-reconnect-confirm')], async () => {
      await send('POST', `${BASE}/${account.id}/reconnect`, formValues(reconnect));
      closePanels();
      await loadAccounts();
      changed();
      say(`${describeAccount(account)} is reconnected and posts again.`);
    });
  });
  $('account-reconnect-cancel').addEventListener('click', closePanels);

  const disconnect = $<HTMLFormElement>('account-disconnect-form');
  disconnect.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!acting) return;
    const account = acting;
    void busy(disconnect, [$<HTMLButtonElement>('account-disconnect-confirm')], async () => {
      await api(`${BASE}/${account.id}`, { method: 'DELETE' });
      closePanels();
      await loadAccounts();
      changed();
      say(`${describeAccount(account)} is disconnected: its credential is deleted and it posts nothing more.`);
    });
  });
  $('account-disconnect-cancel').addEventListener('click', closePanels);
}

/** Signed out: no account, log or typed credential of the last user stays on the page. */
export function resetAccounts(): void {
  closePanels();
  emptySecrets($<HTMLFormElement>('account-connect-form'));
  listed = [];
  $('accounts-rows').replaceChildren();
  $('accounts-history').replaceChildren();
}

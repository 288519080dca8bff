/**
 * The Reach part of the message editor (markup in messages-report-section.tsx). An approved or
 * scheduled message shows the campaign's expected reach (`GET /api/social/{year}/reach`: the
 * accounts that will post it and their followers, the organisation's and the supporters') and
 * the accounts that cannot (`GET /api/admin/messages/{year}/targets`: expired ones per owner and
 * platform, and the organisation's expired accounts, each with a Reconnect that opens its form in
 * the Accounts part), so they are seen, and reconnected, before it is scheduled. From
 * the moment on it shows the delivery report (`GET …/report`): totals per platform and kind,
 * expected against delivered reach, each failure and skip with its reason, each post's link (emails
 * have none: they are counted in the totals); the CSV of every target through the console's
 * download helper.
 *
 * While the message is sending, the report and the message refresh every few seconds; a new
 * status is handed to the editor (`onChange`). The timer lives only while the report is on
 * screen: another message, another area, signing out stop it, and coming back to the Messages
 * area starts it again. Answers for a message no longer shown are dropped.
 */
import { api, send } from './api.js';
import { $, el, errorMessage, say, utc } from './dom.js';
import { busy, download } from './finance-forms.js';
import { ACCOUNTS_CHANGED, reconnectOrganisationAccount } from './messages-accounts.js';
import type { SocialMessage } from './messages-rules.js';
import {
  describeExpiredAccount, describeOrganisationExpiry, describeShareOnly, describeSupporterExpiry, platformHealthRows, type TargetHealth,
} from './messages-targets-rules.js';
import {
  AUTO_REFRESH_MS, describeProgress, describeReach, errorInWords, expectedRows, figure, reportStage, resultOf, targetLabel, targetPlatform, totalCells, totalRows,
  type CampaignReach, type DeliveryReport, type ReportedDelivery,
} from './messages-report-rules.js';

interface Shown {
  year: number;
  message: SocialMessage;
  onChange: (next: SocialMessage) => void;
}

let shown: Shown | undefined;
/** Bumped whenever what is shown changes: a late answer about an earlier message is dropped. */
let generation = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

const path = (s: Shown) => `/api/admin/messages/${s.year}/${s.message.id}`;
const onScreen = (): boolean => !$('messages').hidden && !$('message-editor').hidden && !$('message-report').hidden;

function stopTimer(): void {
  clearTimeout(timer);
  timer = undefined;
}

/** Shows the part that fits the message's status (or none), and loads it. */
export function showReport(year: number, message: SocialMessage | undefined, onChange: (next: SocialMessage) => void): void {
  stopTimer();
  generation++;
  const stage = message && reportStage(message.status);
  shown = message && stage ? { year, message, onChange } : undefined;
  for (const id of ['message-expected-rows', 'message-expected-foot', 'message-health-rows', 'message-health-expired', 'message-totals-rows', 'message-totals-foot', 'message-problems-rows', 'message-posts-rows']) $(id).replaceChildren();
  for (const id of ['message-report-progress', 'message-report-reach', 'message-report-refreshed', 'message-health-supporters', 'message-health-share', 'message-health-organisation']) $(id).textContent = '';
  $('message-report').hidden = !shown;
  $('message-expected').hidden = stage !== 'expected';
  $('message-delivery').hidden = stage !== 'report';
  if (!shown) return;
  $('message-report-title').textContent = stage === 'expected' ? 'Expected reach' : 'Delivery report';
  void (stage === 'expected' ? loadExpected() : refresh());
}

export const hideReport = (): void => showReport(0, undefined, () => undefined);

async function loadExpected(): Promise<void> {
  const ticket = generation;
  try {
    // The public figure (cached for a minute by browsers): revalidated, so a lending made meanwhile shows.
    const [reach, health] = await Promise.all([
      api(`/api/social/${shown!.year}/reach`, { cache: 'no-cache' }).then((response) => response.json() as Promise<CampaignReach>),
      send<TargetHealth>('GET', `/api/admin/messages/${shown!.year}/targets`),
    ]);
    if (ticket !== generation) return;
    renderHealth(health);
    $('message-expected-rows').replaceChildren(...expectedRows(reach).map((row) => el('tr', {}, el('th', { scope: 'row' }, row.label), numeric(row.accounts), numeric(row.followers))));
    $('message-expected-foot').replaceChildren(
      el('tr', {}, el('th', { scope: 'row' }, 'Expected reach'), numeric(figure(reach.supporters + reach.organisationAccounts)), numeric(figure(reach.expectedReach))),
    );
  } catch (error) {
    if (ticket === generation) say(errorMessage(error));
  }
}

/** Who cannot post it: the supporters' expired accounts (counted), per platform, and the organisation's (each with Reconnect). */
function renderHealth(health: TargetHealth): void {
  $('message-health-supporters').textContent = describeSupporterExpiry(health);
  const shareOnly = describeShareOnly(health);
  $('message-health-share').textContent = shareOnly ?? '';
  $('message-health-share').hidden = !shareOnly;
  $('message-health-rows').replaceChildren(...platformHealthRows(health).map((row) => el('tr', {}, el('th', { scope: 'row' }, row.label), numeric(row.active), numeric(row.expired))));
  $('message-health-organisation').textContent = describeOrganisationExpiry(health);
  $('message-health-expired').replaceChildren(
    ...health.expiredOrganisationAccounts.map((account) => {
      const reconnect = el('button', { type: 'button', class: 'button button-primary button-small', 'aria-label': `Reconnect ${account.handle} in Organisation accounts` }, 'Reconnect');
      reconnect.addEventListener('click', () => void reconnectOrganisationAccount(account.id));
      return el('li', { 'data-id': account.id }, el('span', {}, describeExpiredAccount(account, utc)), ' ', reconnect);
    }),
  );
}

/** The message and its report afresh; again in a few seconds while it is sending and on screen. */
async function refresh(): Promise<void> {
  stopTimer();
  const ticket = generation;
  const s = shown;
  if (!s) return;
  try {
    const [message, report] = await Promise.all([send<SocialMessage>('GET', path(s)), send<DeliveryReport>('GET', `${path(s)}/report`)]);
    if (ticket !== generation) return;
    renderReport(message, report);
    if (message.version !== s.message.version) {
      s.message = message;
      s.onChange(message);
    }
  } catch (error) {
    if (ticket === generation) say(errorMessage(error));
  } finally {
    if (ticket === generation) keepRefreshing();
  }
}

function keepRefreshing(): void {
  stopTimer();
  if (shown?.message.status !== 'sending' || !onScreen()) return;
  timer = setTimeout(() => {
    timer = undefined;
    if (!onScreen()) return;
    // A background tab skips the request but keeps its turn.
    if (document.hidden) keepRefreshing();
    else void refresh();
  }, AUTO_REFRESH_MS);
}

const numeric = (text: string) => el('td', { class: 'numeric' }, text);
const finished = (delivery: ReportedDelivery) => (delivery.finishedAt ? utc(delivery.finishedAt) : '');
const listed = (shownCount: number, total: number, what: string) =>
  total === 0 ? `${what}: none` : shownCount < total ? `${what}: ${figure(total)} (the first ${figure(shownCount)}; the CSV has every one)` : `${what}: ${figure(total)}`;

function postLink(url: string | undefined): Node {
  // Only web links: the URL comes from a social network's answer.
  if (!url || !/^https?:\/\//i.test(url)) return document.createTextNode(url ?? '');
  return el('a', { href: url, target: '_blank', rel: 'noopener' }, url, el('span', { class: 'visually-hidden' }, ' (opens in a new tab)'));
}

function renderReport(message: SocialMessage, report: DeliveryReport): void {
  const { summary } = report;
  const sending = message.status === 'sending';
  $('message-report-progress').textContent = describeProgress(message.status, summary);
  $('message-report-reach').textContent = describeReach(summary);
  $('message-report-refreshed').textContent = `Updated ${utc(new Date().toISOString())}${sending ? ` · refreshes every ${AUTO_REFRESH_MS / 1000} seconds while sending` : ''}.`;
  $('message-report-refresh').hidden = !sending;

  $('message-totals-rows').replaceChildren(...totalRows(summary).map((row) => el('tr', {}, el('th', { scope: 'row' }, row.label), ...totalCells(row.totals).map(numeric))));
  $('message-totals-foot').replaceChildren(el('tr', {}, el('th', { scope: 'row' }, 'All targets'), ...totalCells(summary).map(numeric)));

  const problems = report.problems as ReportedDelivery[];
  $('message-problems-caption').textContent = listed(problems.length, summary.failed + summary.skipped, 'Failed and skipped');
  $('message-problems-rows').replaceChildren(
    ...problems.map((d) =>
      el('tr', {}, el('td', {}, targetLabel(d.target)), el('td', {}, targetPlatform(d.target)), el('td', {}, d.target.language), el('td', {}, resultOf(d)), el('td', {}, errorInWords(d.error)), numeric(figure(d.attempts)), el('td', {}, finished(d))),
    ),
  );

  const posts = report.posts as ReportedDelivery[];
  $('message-posts-caption').textContent = listed(posts.length, summary.published.posts, 'Posts');
  $('message-posts-rows').replaceChildren(
    ...posts.map((d) =>
      el('tr', {}, el('td', {}, targetLabel(d.target)), el('td', {}, targetPlatform(d.target)), el('td', {}, d.target.language), el('td', { class: 'post-link' }, postLink(d.postUrl)), numeric(figure(d.reach ?? d.target.followers)), el('td', {}, finished(d))),
    ),
  );
}

export function setUpReport(): void {
  const refreshButton = $<HTMLButtonElement>('message-report-refresh');
  refreshButton.addEventListener('click', () => void busy($('message-delivery'), [refreshButton], refresh));
  const csv = $<HTMLButtonElement>('message-report-csv');
  csv.addEventListener('click', () => {
    const s = shown;
    if (!s) return;
    void busy($('message-delivery'), [csv], async () => {
      const saved = await download(await api(`${path(s)}/report.csv`), `blue-heart-message-${s.message.id}-deliveries.csv`);
      say(`${saved} downloaded.`);
    });
  });
  // An organisation account connected, reconnected or disconnected: who will post it changed.
  document.addEventListener(ACCOUNTS_CHANGED, () => {
    if (shown && reportStage(shown.message.status) === 'expected') void loadExpected();
  });
  // Another area: the timer stops. Back in the Messages area: a sending message's report refreshes
  // again. After console.ts has shown the area, whichever listener runs first.
  addEventListener('hashchange', () =>
    setTimeout(() => {
      if (!onScreen()) stopTimer();
      else if (shown?.message.status === 'sending' && timer === undefined) void refresh();
    }),
  );
}

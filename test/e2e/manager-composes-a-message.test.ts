import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserAndPlatform, signInToConsole } from '../support/browser.js';

const TITLE = 'World Day: morning message';
/** With "\n\n#BlueHeart" appended when posted: 12 more. 273 + 12 = 285 on X, 5 over its 280. */
const TOO_LONG = `Every child deserves freedom. ${'a'.repeat(273 - 30)}`;
const FITS = TOO_LONG.slice(0, 268);

/**
 * Maria composes a coordinated message for X: the live counter says it is 5 over the limit
 * (counted on the text as posted, hashtag included) and the API says so at the field when she
 * submits it anyway; she shortens it, saves and submits. She may not approve her own message and
 * the button says why. Her colleague approves it and schedules it for 09:00 local time
 * everywhere; the history lists every step.
 */
describe('a manager composes a message and another approves it', () => {
  const session = useBrowserAndPlatform();
  const year = new Date().getUTCFullYear();
  const nextYear = `${year + 1}-07-30`;

  const signIn = async (username: string) => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${session.platform.url}/console/#messages`);
    await signInToConsole(page, username);
    await expect.poll(() => page.isVisible('#messages')).toBe(true);
    expect(await page.inputValue('#messages-year')).toBe(String(year));
    return page;
  };
  const axe = async (page: Page) =>
    (await new AxeBuilder({ page }).include('#main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`,
    );
  const text = '#message-variants [data-field="text"]';
  const count = '#message-variants .count';

  it('composes, counts live, submits; another manager approves and schedules', async () => {
    const maria = await signIn('manager@blueheart.local');
    expect(await maria.getAttribute('#nav-messages', 'aria-current')).toBe('page');

    await maria.click('#new-message');
    await expect.poll(() => maria.evaluate(() => document.activeElement?.id)).toBe('message-editor-title');
    expect(await maria.isDisabled('#message-submit')).toBe(true);
    expect(await maria.textContent('#message-submit-why')).toBe('Save the message first.');
    await maria.fill('#message-title', TITLE);
    await maria.selectOption('#variant-language', 'en');
    await maria.selectOption('#variant-platform', 'x');
    await maria.click('#add-variant');
    await expect.poll(() => maria.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.field)).toBe('text');
    await maria.fill('#message-variants [data-field="hashtags"]', '#BlueHeart');
    await maria.fill(text, TOO_LONG);

    // Live: counted on the text as posted (with the hashtag), over in red with how far.
    await expect.poll(() => maria.textContent(count)).toBe('285 / 280 weighted characters · 5 over the limit');
    expect(await maria.getAttribute(count, 'class')).toContain('count-over');
    expect(await maria.textContent('#message-variants .post-preview')).toBe(`${TOO_LONG}\n\n#BlueHeart`);
    await expect.poll(() => maria.textContent('#message-count-status')).toContain('English · X: 285 / 280');
    expect(await axe(maria)).toEqual([]);

    // Saved anyway, the API refuses to send it to review and says which field.
    await maria.click('#message-save');
    await expect.poll(() => maria.textContent('#status')).toBe('Message saved as a draft.');
    await expect.poll(() => maria.isDisabled('#message-submit')).toBe(false);
    await maria.click('#message-submit');
    await expect.poll(() => maria.evaluate(() => document.activeElement?.id)).toBe('message-errors');
    expect(await maria.getAttribute(text, 'aria-invalid')).toBe('true');
    const describedBy = (await maria.getAttribute(text, 'aria-describedby'))!.split(' ');
    expect(await maria.textContent(`#${describedBy.at(-1)}`)).toContain('5 over the limit of 280');
    expect(await maria.textContent('#message-error-list')).toContain('English · X text');
    expect(await axe(maria)).toEqual([]);

    // Fixed: within the limit, saved, submitted.
    await maria.fill(text, FITS);
    await expect.poll(() => maria.textContent(count)).toBe('280 / 280 weighted characters · 0 left');
    expect(await maria.getAttribute(count, 'class')).not.toContain('count-over');
    expect(await maria.isDisabled('#message-submit')).toBe(true);
    expect(await maria.textContent('#message-submit-why')).toBe('Save your changes first.');
    await maria.click('#message-save');
    await expect.poll(() => maria.textContent('#status')).toBe('Message saved.');
    expect(await maria.getAttribute(text, 'aria-invalid')).toBeNull();
    await maria.click('#message-submit');
    await expect.poll(() => maria.textContent('#message-state')).toContain('In review');

    // Her own submission: Approve is disabled, and says why.
    expect(await maria.isDisabled('#message-approve')).toBe(true);
    expect(await maria.textContent('#message-approve-why')).toBe('You submitted this message: another manager must approve it.');
    expect(await maria.getAttribute('#message-approve', 'aria-describedby')).toBe('message-approve-why');
    expect(await maria.isDisabled('#message-schedule-submit')).toBe(true);
    expect(await maria.textContent('#messages-rows')).toContain('In review');
    expect(await axe(maria)).toEqual([]);

    // Her colleague opens it from the list, approves it and schedules it for 09:00 everywhere.
    const ahmed = await signIn('manager2@blueheart.local');
    await expect.poll(() => ahmed.textContent('#messages-rows')).toContain(TITLE);
    await ahmed.click(`#messages-rows button[aria-label="Open “${TITLE}”"]`);
    await expect.poll(() => ahmed.evaluate(() => document.activeElement?.id)).toBe('message-editor-title');
    expect(await ahmed.inputValue(text)).toBe(FITS);
    expect(await ahmed.textContent(count)).toBe('280 / 280 weighted characters · 0 left');
    expect(await ahmed.isDisabled('#message-submit')).toBe(true);
    await ahmed.click('#message-approve');
    await expect.poll(() => ahmed.textContent('#message-state')).toContain('Approved');
    expect(await ahmed.isDisabled('#message-approve')).toBe(true);
    await ahmed.check('#schedule-kind-local');
    await ahmed.fill('#message-schedule-date', nextYear);
    await ahmed.fill('#message-schedule-time', '09:00');
    await ahmed.click('#message-schedule-submit');
    await expect.poll(() => ahmed.textContent('#message-state')).toContain('Scheduled');
    expect(await ahmed.textContent('#message-state')).toContain(`${nextYear} at 09:00 local time everywhere`);
    await expect.poll(() => ahmed.textContent('#messages-rows')).toContain(`Scheduled${nextYear} at 09:00 local time everywhere`);

    await expect.poll(() => ahmed.locator('#message-history li').count()).toBe(5);
    const history = await ahmed.locator('#message-history li').allTextContents();
    const steps = ['Scheduled', 'Approved', 'Submitted for review', 'Edited', 'Created'];
    for (const step of steps) expect(history.some((line) => line.includes(step))).toBe(true);
    expect(history[0]).toContain('manager2@blueheart.local');
    expect(history[0]).toContain('Scheduled (Approved → Scheduled)');
    expect(history.at(-1)).toContain('manager@blueheart.local · Created');
    expect(await axe(ahmed)).toEqual([]);

    await ahmed.context().close();

    // Maria, back in her list, cancels it with a reason: nothing can change it any more.
    await maria.click('#messages-year-form button[type="submit"]');
    await expect.poll(() => maria.textContent('#messages-rows')).toContain('Scheduled');
    await maria.click(`#messages-rows button[aria-label="Open “${TITLE}”"]`);
    await expect.poll(() => maria.textContent('#message-state')).toContain('Scheduled');
    expect(await maria.textContent('#message-approve-why')).toBe('Only a message in review can be approved. This one is scheduled.');
    expect(await maria.inputValue('#message-schedule-date')).toBe(nextYear);
    expect(await maria.isChecked('#schedule-kind-local')).toBe(true);
    await maria.fill('#message-reason', 'The date moved');
    await maria.click('#message-cancel');
    await expect.poll(() => maria.textContent('#message-state')).toContain('Cancelled');
    expect(await maria.isDisabled('#message-save')).toBe(true);
    expect(await maria.isDisabled(text)).toBe(true);
    expect(await maria.textContent('#message-save-why')).toBe('A message that is cancelled can no longer be changed.');
    await expect.poll(() => maria.textContent('#message-history li:first-child')).toContain('Reason: The date moved');
    expect(await axe(maria)).toEqual([]);
    await maria.context().close();
  });
});

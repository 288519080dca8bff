import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { realPng } from '../integration/social/media-site.js';
import { signInToConsole, useBrowserAndPlatform } from '../support/browser.js';

const TITLE = 'World Day: with the Blue Heart';

/**
 * Maria attaches the campaign's Blue Heart image to a message. On Bluesky the picker offers only
 * what Bluesky takes (the poster is over its 1 MB, the guide is a PDF) and counts her choice
 * against its 4; the alt text comes pre-filled from the kit in Spanish and she rewords it; the
 * preview shows the image. On Mastodon in French the kit has no text alternative: saving without
 * one is refused at that field, she writes it, and the message saves with both.
 */
describe('a manager attaches an image from the media kit to a message', () => {
  const session = useBrowserAndPlatform();
  const year = new Date().getUTCFullYear();
  const variants = '#message-variants > fieldset';

  /** The media kit, as a manager leaves it in Campaigns: the files uploaded, then the draft saved with their titles and alt texts. */
  async function mediaKit(): Promise<{ heart: string }> {
    const { url, identity } = session.platform;
    const token = await identity.issueToken('manager@blueheart.local');
    const api = async <T>(method: string, path: string, body: unknown): Promise<T> => {
      const response = await fetch(`${url}/api/admin/campaigns/${year}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
      return (await response.json()) as T;
    };
    const upload = async (fileName: string, contentType: string, bytes: Uint8Array) => {
      const { item, upload: ticket } = await api<{ item: Record<string, unknown>; upload: { url: string; headers: Record<string, string> } }>('POST', '/media', { fileName, contentType, bytes: bytes.length });
      expect((await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: Buffer.from(bytes) })).status).toBeLessThan(300);
      return item;
    };
    const heart = await upload('Blue Heart.png', 'image/png', realPng(1200, 675, 20_000));
    const poster = await upload('Poster.png', 'image/png', realPng(300, 400, 1_200_000));
    const guide = await upload('Guide.pdf', 'application/pdf', new TextEncoder().encode('%PDF-1.7 a guide'));
    await api('PUT', '', {
      summary: { en: 'Every victim deserves protection.' }, keyMessages: [], callsToAction: [], hashtags: ['#EndHumanTrafficking'], links: [], partners: [],
      mediaKit: [
        { ...heart, title: { en: 'Blue Heart' }, alt: { en: 'A blue heart held in two hands', es: 'Un corazón azul entre dos manos' } },
        { ...poster, title: { en: 'Poster' }, alt: { en: 'The World Day poster' } },
        { ...guide, title: { en: 'Guide' } },
      ],
    });
    return { heart: String(heart.id) };
  }

  const axe = async (page: Page) =>
    (await new AxeBuilder({ page }).include('#main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`,
    );

  it('picks the image per variant with its alt text, within the network’s limit, and sees it in the preview', async () => {
    const { heart } = await mediaKit();
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const maria = await context.newPage();
    maria.on('dialog', (dialog) => void dialog.accept());
    await maria.goto(`${session.platform.url}/console/#messages`);
    await signInToConsole(maria, 'manager@blueheart.local');
    await expect.poll(() => maria.isVisible('#messages')).toBe(true);

    await maria.click('#new-message');
    await maria.fill('#message-title', TITLE);
    await maria.selectOption('#variant-language', 'es');
    await maria.selectOption('#variant-platform', 'bluesky');
    await maria.click('#add-variant');
    const bluesky = maria.locator(variants).nth(0);
    await bluesky.locator('[data-field="text"]').fill('Hoy es el Día Mundial contra la Trata de Personas.');

    // What Bluesky takes, and how many: the poster is too large for it, the guide a PDF.
    const picker = bluesky.locator('.media-picker');
    expect(await picker.locator('legend').textContent()).toBe(`Media from the ${year} media kit`);
    expect(await picker.locator('.hint').first().textContent()).toBe('Bluesky takes up to 4 in a post: PNG, JPEG, WebP, each up to 1 MB.');
    expect(await picker.locator('.media-choice').count()).toBe(1);
    expect(await picker.locator('.media-choice .media-title').textContent()).toBe('Blue Heart');
    expect(await picker.textContent()).toContain('Not offered for Bluesky: “Poster” (is 1.2 MB; Bluesky takes PNG files up to 1 MB); “Guide” (Bluesky takes PNG, JPEG, WebP in a post, not PDF).');
    expect(await picker.locator('.media-count').textContent()).toBe('0 of 4 chosen.');

    // Chosen: counted, its alt text pre-filled from the kit in Spanish, the image in the preview.
    await picker.getByRole('checkbox', { name: /Blue Heart/ }).check();
    await expect.poll(() => picker.locator('.media-count').textContent()).toBe('1 of 4 chosen.');
    const alt = picker.locator(`[data-alt-for="${heart}"]`);
    expect(await alt.inputValue()).toBe('Un corazón azul entre dos manos');
    expect(await alt.getAttribute('lang')).toBe('es');
    await alt.fill('Dos manos sostienen un corazón azul');
    const previewImage = bluesky.locator('.post-preview-media img');
    await expect.poll(() => previewImage.getAttribute('alt')).toBe('Dos manos sostienen un corazón azul');
    expect(await previewImage.getAttribute('src')).toMatch(new RegExp(`^/media/${year}/blue-heart-[a-z0-9]+\\.png$`));
    await expect.poll(() => previewImage.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1200);
    expect(await axe(maria)).toEqual([]);

    // In French on Mastodon the kit has no text alternative: saving without one is refused at that field.
    await maria.selectOption('#variant-language', 'fr');
    await maria.selectOption('#variant-platform', 'mastodon');
    await maria.click('#add-variant');
    const mastodon = maria.locator(variants).nth(1);
    await mastodon.locator('[data-field="text"]').fill("Aujourd'hui, Journée mondiale contre la traite des personnes.");
    await mastodon.locator('.media-picker').getByRole('checkbox', { name: /Blue Heart/ }).check();
    const french = mastodon.locator(`[data-alt-for="${heart}"]`);
    expect(await french.inputValue()).toBe('');
    expect(await maria.textContent(`#${await french.getAttribute('aria-describedby')}`)).toBe('The media kit has no text alternative in French: write one.');
    expect(await mastodon.locator('.media-picker').textContent()).toContain('Poster');
    await maria.click('#message-save');
    await expect.poll(() => maria.evaluate(() => document.activeElement?.id)).toBe('message-errors');
    expect(await french.getAttribute('aria-invalid')).toBe('true');
    expect(await maria.textContent('#message-error-list')).toContain('French · Mastodon alt text is required for “Blue Heart”');
    await maria.locator('#message-errors').screenshot({ path: join(tmpdir(), 'manager-attaches-an-image-refused.png') });

    await french.fill('Deux mains tiennent un cœur bleu');
    await maria.click('#message-save');
    await expect.poll(() => maria.textContent('#status')).toBe('Message saved as a draft.');
    expect(await french.getAttribute('aria-invalid')).toBeNull();
    await maria.locator('#message-variants').screenshot({ path: join(tmpdir(), 'manager-attaches-an-image.png') });

    // Opened again: both chosen, with the alt text she wrote.
    await maria.click(`#messages-rows button[aria-label="Open “${TITLE}”"]`);
    await expect.poll(() => maria.locator(`${variants} .media-choice input:checked`).count()).toBe(2);
    expect(await maria.locator(variants).nth(0).locator(`[data-alt-for="${heart}"]`).inputValue()).toBe('Dos manos sostienen un corazón azul');
    expect(await maria.locator(variants).nth(1).locator(`[data-alt-for="${heart}"]`).inputValue()).toBe('Deux mains tiennent un cœur bleu');
    expect(await axe(maria)).toEqual([]);
    await context.close();
  });
});

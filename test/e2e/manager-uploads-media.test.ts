import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useBrowserAndPlatform, signInToConsole } from '../support/browser.js';

/** A valid 2 × 2 blue PNG, built in memory. */
function tinyPng(): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = table[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = [0, 0x0b, 0x4f, 0x9c, 0x0b, 0x4f, 0x9c];
  const pixels = deflateSync(Buffer.from([...row, ...row]));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Maria uploads the 2027 poster to the media kit, gives it a title and a text alternative,
 * saves and publishes; a visitor finds it on the campaign's page and downloads it. A file of a
 * type the media kit does not take is refused before anything is sent.
 */
describe('a manager uploads media to a campaign', () => {
  const session = useBrowserAndPlatform();

  it('uploads an image, titles it, publishes; the campaign page lists and serves it', async () => {
    const { url } = session.platform;
    const png = tinyPng();
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (dialog) => void dialog.accept());
    const uploads: string[] = [];
    const uploadAuthorization: Array<string | undefined> = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/admin/campaigns/2027/media')) uploads.push(request.url());
      if (request.url().includes('/api/admin/media-uploads/')) uploadAuthorization.push(request.headers().authorization);
    });

    await page.goto(`${url}/console/`);
    await signInToConsole(page, 'manager@blueheart.local');
    await expect.poll(() => page.isVisible('#campaigns')).toBe(true);
    await page.fill('#new-year', '2027');
    await page.click('#new-campaign-form button[type="submit"]');
    await expect.poll(() => page.isVisible('#campaign-editor')).toBe(true);
    await page.fill('#campaign-theme-en', 'Leave no child behind');
    await page.fill('#campaign-summary-en', 'Children are a third of detected victims.');
    expect(await page.textContent('#media-kit-empty')).toContain('No files in the media kit yet.');
    expect(await page.getAttribute('#media-file', 'accept')).toContain('image/png');
    expect(await page.textContent('label[for="media-file"]')).toBe('Upload a file');

    // A type the media kit does not take: refused in the page, the API never asked.
    await page.setInputFiles('#media-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('campaign-errors');
    expect(await page.textContent('#campaign-errors')).toContain('notes.txt cannot go in a media kit');
    expect(await page.getAttribute('#media-file', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#media-upload-status')).toBe('notes.txt was not uploaded.');
    expect(uploads).toEqual([]);
    expect(uploadAuthorization).toEqual([]);
    await page.locator('#campaign-errors').screenshot({ path: join(tmpdir(), 'manager-uploads-media-refused.png') });

    // The image: uploaded with progress, then a row with its preview, kind and size.
    await page.setInputFiles('#media-file', { name: 'Blue Heart poster.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => page.textContent('#media-upload-status')).toContain('Blue Heart poster.png uploaded as media file 1');
    expect(uploads).toHaveLength(1);
    expect(uploadAuthorization).toEqual([undefined]); // the storage URL never gets the bearer token
    expect(await page.isVisible('#campaign-errors')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('campaign-mediaKit-0-title-en');
    const row = page.locator('#grid-media tr[data-media-id]');
    const file = (await row.getAttribute('data-media-file'))!;
    expect(file).toMatch(/^blue-heart-poster-[0-9a-f]{8}\.png$/);
    expect(await row.textContent()).toContain(`Image · ${png.length} bytes`);
    await expect.poll(() => page.locator('#grid-media img.media-thumb').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);
    expect(await page.getAttribute('#grid-media img.media-thumb', 'src')).toBe(`/media/2027/${file}`);

    // No English alt yet: a warning, tied to the input; the title is required to save.
    expect(await page.isVisible('#campaign-mediaKit-0-alt-warning')).toBe(true);
    expect(await page.getAttribute('#campaign-mediaKit-0-alt-en', 'aria-describedby')).toContain('campaign-mediaKit-0-alt-warning');
    await page.click('#save-draft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('campaign-errors');
    expect(await page.textContent('#campaign-errors')).toContain('Title of media file 1 (English)');
    expect(await page.getAttribute('#campaign-mediaKit-0-title-en', 'aria-invalid')).toBe('true');

    // The storage refuses a PDF (its link expired): the server's message shows in the summary.
    await page.route('**/api/admin/media-uploads/**', (route) =>
      route.fulfill({ status: 410, contentType: 'application/json', body: JSON.stringify({ error: { code: 'expired_token', message: 'This link has expired.' } }) }), { times: 1 });
    await page.setInputFiles('#media-file', { name: 'press kit.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect.poll(() => page.textContent('#media-upload-status')).toBe('press kit.pdf was not uploaded.');
    expect(await page.textContent('#campaign-errors')).toContain('The upload link expired');
    expect(await page.locator('#grid-media tr[data-media-id]').count()).toBe(1);

    // Again, stored this time; a PDF has no text alternative. Removed from the draft again.
    await page.setInputFiles('#media-file', { name: 'press kit.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect.poll(() => page.textContent('#media-upload-status')).toContain('press kit.pdf uploaded as media file 2');
    expect(await page.locator('#grid-media tr[data-media-id]').count()).toBe(2);
    expect(await page.locator('#campaign-mediaKit-1-alt-en').count()).toBe(0);
    await page.click('#grid-media button[aria-label^="Remove media file 2"]');
    expect(await page.locator('#grid-media tr[data-media-id]').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('media-file');

    await page.fill('#campaign-mediaKit-0-title-en', 'Campaign poster');
    await page.fill('#campaign-mediaKit-0-alt-en', 'A blue heart on a white background');
    expect(await page.isVisible('#campaign-mediaKit-0-alt-warning')).toBe(false);
    await page.selectOption('#campaign-mediaKit-0-language', 'en');
    // The translation status counts the media texts like the others.
    await page.check('#show-lang-fr');
    expect(await page.textContent('#translation-status [data-lang="fr"]')).toContain('Title of media file 1');
    await page.fill('#campaign-mediaKit-0-title-fr', 'Affiche de la campagne');
    await page.click('#save-draft');
    await expect.poll(() => page.textContent('#status')).toBe('Draft saved.');
    expect(await page.textContent('#translation-status [data-lang="fr"]')).not.toContain('Title of media file 1');
    expect(await page.inputValue('#campaign-mediaKit-0-title-fr')).toBe('Affiche de la campagne');
    expect(await page.inputValue('#campaign-mediaKit-0-language')).toBe('en');
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = (await page.locator('#media-kit-title').boundingBox())!;
    const bottom = (await page.locator('.upload-field').boundingBox())!;
    await page.screenshot({ path: join(tmpdir(), 'manager-uploads-media.png'), fullPage: true, clip: { x: 0, y: top.y - 10, width: 1280, height: bottom.y + bottom.height - top.y + 60 } });

    await page.click('#publish');
    await expect.poll(() => page.textContent('#status')).toContain('Published');
    await page.close();

    const visitor = await session.browser.newPage();
    expect((await visitor.goto(`${url}/en/campaigns/2027/`))?.status()).toBe(200);
    const item = visitor.locator('.media-item', { hasText: 'Campaign poster' });
    expect(await item.count()).toBe(1);
    expect(await item.locator('a[download]').getAttribute('href')).toBe(`/media/2027/${file}`);
    expect(await item.locator('img').getAttribute('alt')).toBe('A blue heart on a white background');
    const french = await visitor.goto(`${url}/fr/campaigns/2027/`);
    expect(french?.status()).toBe(200);
    expect(await visitor.textContent('main')).toContain('Affiche de la campagne');
    const served = await fetch(`${url}/media/2027/${file}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
    await visitor.close();
  });
});

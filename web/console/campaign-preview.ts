/**
 * Preview of a draft as the public page. The console's CSP (`frame-ancestors 'none'` on every
 * page, `default-src 'self'`) rules out an <iframe>, and a plain link cannot carry the bearer
 * token. So: open an empty window during the click (pop-up blockers allow that), fetch the HTML
 * with the token, and write it into that window. An about:blank window opened by the console
 * shares its origin and its CSP, so the page's own /assets stylesheet and scripts load as
 * 'self'. (A blob: URL would be opaque to root-relative /assets links.)
 */
import { api } from './api.js';

export async function openPreview(path: string, unsavedChanges: boolean): Promise<void> {
  const preview = window.open('', '_blank');
  if (!preview) throw new Error('The browser blocked the preview window: allow pop-ups for the console.');
  preview.document.title = 'Preview · loading';
  preview.document.body.textContent = unsavedChanges ? 'Loading the preview of the last saved draft (your unsaved changes are not in it)…' : 'Loading the preview…';
  try {
    const html = await (await api(path)).text();
    preview.document.open();
    preview.document.write(html);
    preview.document.close();
    preview.document.title = `Preview · ${preview.document.title}`;
  } catch (error) {
    preview.close();
    throw error;
  }
}

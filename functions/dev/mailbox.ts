import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { readMailbox } from './ses-local.js';

const linkify = (text: string) =>
  text
    .split(/(https?:\/\/[^\s<>"]+)/g)
    .map((part, i) => (i % 2 === 1 ? html`<a href="${part}">${part}</a>` : html`${part}`));

/**
 * The local mailbox: every email the platform sent through the embedded SES, newest first.
 * (aws-ses-v2-local has its own viewer too; this one lives on the platform's port.)
 */
export function mailboxApp(sesEndpoint: string) {
  const app = new Hono();
  app.get('/', async (c) => {
    const emails = (await readMailbox(sesEndpoint)).reverse();
    return c.html(html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local mailbox · Blue Heart Platform</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="stylesheet" href="/mailbox/mailbox.css"></head>
<body><main><h1>Local mailbox</h1><p>${emails.length} email(s) sent through the embedded SES (<a href="/mailbox/store.json">JSON</a>). Newest first.</p>
${emails.map(
  (email) => html`<article class="email"><h2>${email.subject}</h2>
<p class="meta">To ${email.destination.to.join(', ')} · from ${email.from} · ${new Date(email.at * 1000).toISOString()} · <a href="/mailbox/${email.messageId}/html">HTML version</a></p>
<pre>${linkify(email.body.text ?? '')}</pre></article>`,
)}</main></body></html>`);
  });
  app.get('/mailbox.css', (c) =>
    c.body(MAILBOX_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }),
  );
  app.get('/store.json', async (c) => c.json({ emails: await readMailbox(sesEndpoint) }));
  app.get('/:id/html', async (c) => {
    const email = (await readMailbox(sesEndpoint)).find((e) => e.messageId === c.req.param('id'));
    if (!email) return c.text('No such email', 404);
    // The email's own markup, sandboxed: no scripts, no requests, inline styles only.
    return c.html(raw(email.body.html ?? ''), 200, {
      'Content-Security-Policy': "sandbox allow-top-navigation-by-user-activation; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    });
  });
  return app;
}

const MAILBOX_CSS = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f6fa;color:#1a1a1a}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
.email{background:#fff;border:1px solid #d5dbe5;border-radius:6px;padding:1rem 1.25rem;margin-block:1rem}
.email h2{margin:0 0 .25rem;font-size:1.1rem}.meta{color:#4a5568;font-size:.9rem;margin:0 0 .5rem}
pre{white-space:pre-wrap;word-break:break-word;font-family:inherit}a{color:#0b4f9c}`;

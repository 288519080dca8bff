/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** The shell of the stand-in's pages: no external assets, readable without CSS. */
export function page(input: { title: string; lang: string; body: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f8fa; color: #1a1f36; }
  main { max-width: 28rem; margin: 2rem auto; background: #fff; padding: 1.5rem; border-radius: 8px; box-shadow: 0 1px 3px #0002; }
  .banner { background: #fff4d6; color: #5c3c00; padding: .5rem 1rem; text-align: center; font-weight: 600; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; border: 1px solid #8792a2; border-radius: 4px; }
  input[aria-invalid="true"] { border-color: #b3093c; }
  button { margin-top: 1.5rem; width: 100%; font: inherit; font-weight: 600; padding: .75rem; color: #fff; background: #0a4fa8; border: 0; border-radius: 4px; cursor: pointer; }
  button:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
  .error { color: #b3093c; font-weight: 600; }
  .amount { font-size: 2rem; font-weight: 700; margin: .25rem 0 1rem; }
  details { margin-top: 1.5rem; font-size: .9rem; }
</style>
</head>
<body>
<p class="banner" role="note">Test mode — local stand-in</p>
<main>
${input.body}
</main>
</body>
</html>`;
}

import type { Api } from '../openapi.js';

/**
 * The OpenAPI 3.1 document and a human-readable page for it. The page loads Swagger UI from
 * the site's own /api-docs/ (built by web/builder/extras.ts; no CDN: the CSP allows only 'self').
 */
export function mountDocs(app: Api): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Blue Heart Platform API',
      version: '1.0.0',
      description:
        'Public endpoints for the Blue Heart Campaign (pledges, counters, the wall) and console endpoints for campaign managers. Errors are `{ error: { code, message, fields? } }`.',
      license: { name: 'Apache-2.0' },
    },
  });
  app.get('/api/docs', (c) =>
    c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Blue Heart Platform API</title><link rel="stylesheet" href="/api-docs/swagger-ui.css"></head>
<body><noscript><p>This page needs JavaScript. The API document itself is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></noscript>
<div id="swagger-ui" data-url="/api/openapi.json"></div>
<script src="/api-docs/swagger-ui-bundle.js"></script><script src="/api-docs/init.js"></script></body></html>`,
    ),
  );
}

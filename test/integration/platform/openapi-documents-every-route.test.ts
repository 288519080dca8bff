import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../support/test-platform.js';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: { content: Record<string, unknown> } }>>;
}

describe('the OpenAPI document', () => {
  let platform: TestPlatform;
  let document: OpenApiDocument;

  beforeAll(async () => {
    platform = await createTestPlatform();
    document = (await (await platform.request('/api/openapi.json')).json()) as OpenApiDocument;
  });

  it('is OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('documents every API route the app answers', () => {
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)),
    );
    const served = platform.app.routes
      .filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL' && !['/api/openapi.json', '/api/docs'].includes(route.path))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`);
    expect(served.length).toBeGreaterThan(10);
    for (const route of served) expect(documented, route).toContain(route);
  });

  it('describes the pledge body from the same schema the API validates with, for JSON and forms', () => {
    const post = document.paths['/api/pledges']?.post;
    expect(Object.keys(post?.requestBody?.content ?? {})).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    expect(Object.keys(post?.responses ?? {})).toEqual(expect.arrayContaining(['202', '400', '413', '415']));
  });

  it('serves a readable docs page', async () => {
    const page = await platform.request('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api-docs/swagger-ui-bundle.js');
  });
});

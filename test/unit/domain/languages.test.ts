import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from '../../../functions/domain/shared/languages.js';

describe('Accept-Language negotiation', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['es-MX,es;q=0.9,en;q=0.8', 'es'],
    ['de-DE,de;q=0.9,fr;q=0.5', 'fr'],
    ['en;q=0.2, ar;q=0.9', 'ar'],
    ['zh-Hans-CN', 'zh'],
    ['pt-BR', 'pt'],
    ['ru;q=0, fr;q=0.1', 'fr'],
    ['*', 'en'],
    ['garbage;;;q=x', 'en'],
  ])('%j → %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });
});

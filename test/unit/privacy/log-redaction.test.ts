import { describe, expect, it } from 'vitest';
import { describeError, redactPersonalData } from '../../../functions/adapters/log/logger.js';

/** A provider's error message is the one place personal data could slip into a log line. */
describe('what an error may say in a log', () => {
  it("keeps an address's first letter and domain only, as SES's refusal would quote it", () => {
    const error = new Error('Email address is not verified. The following identities failed the check in region EU-WEST-1: Ana.Maria+pledge@example.org');
    const described = describeError(error);
    expect(described.detail).toBe('Email address is not verified. The following identities failed the check in region EU-WEST-1: A***@example.org');
    expect(String(described.stack)).not.toContain('Ana.Maria');
    expect(String(described.stack)).toContain('A***@example.org');
  });

  it('drops the values of tokens, codes and secrets in quoted URLs, and bearer tokens', () => {
    expect(redactPersonalData('fetch failed: https://site.example/api/privacy/erasure?token=eyJwIjoiZXJhc3VyZSJ9.c2ln&lang=fr')).toBe(
      'fetch failed: https://site.example/api/privacy/erasure?token=…&lang=fr',
    );
    expect(redactPersonalData('POST /oauth/token code=abc123 client_secret=s3cr3t')).toBe('POST /oauth/token code=… client_secret=…');
    expect(redactPersonalData('Authorization: Bearer eyJhbGciOi.x.y')).toBe('Authorization: Bearer …');
  });

  it('leaves ordinary messages alone, and redacts what is thrown that is not an Error', () => {
    expect(describeError(new Error('The gift for charge ch_123 is not in the ledger yet.'))).toMatchObject({ detail: 'The gift for charge ch_123 is not in the ledger yet.' });
    expect(describeError('refused: bob@example.org')).toEqual({ error: 'refused: b***@example.org' });
  });
});

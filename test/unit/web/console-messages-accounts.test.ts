import { describe, expect, it } from 'vitest';
import { connectBody, describeAuditEntry, fieldsFor } from '../../../web/console/messages-accounts-rules.js';

describe('the console’s organisation-account form', () => {
  it('asks each platform for what its adapter needs', () => {
    expect(fieldsFor('mastodon')).toEqual({ server: true, pageId: false, authorUrn: false, xKeys: false });
    expect(fieldsFor('bluesky')).toEqual({ server: true, pageId: false, authorUrn: false, xKeys: false });
    expect(fieldsFor('facebook')).toEqual({ server: false, pageId: true, authorUrn: false, xKeys: false });
    expect(fieldsFor('linkedin')).toEqual({ server: false, pageId: false, authorUrn: true, xKeys: false });
    expect(fieldsFor('x')).toEqual({ server: false, pageId: false, authorUrn: false, xKeys: true });
    expect(fieldsFor('threads')).toEqual({ server: false, pageId: false, authorUrn: false, xKeys: false });
  });

  it('sends only the fields the platform takes, trimmed, empty ones left out', () => {
    const typed = { platform: 'facebook', handle: ' Blue Heart ', server: 'mastodon.social', pageId: '104857600123456', authorUrn: 'urn:li:person:1', secret: 'page-token', appKey: 'k', language: 'fr', timeZone: 'Europe/Paris' };
    expect(connectBody(typed)).toEqual({ platform: 'facebook', handle: 'Blue Heart', pageId: '104857600123456', secret: 'page-token', language: 'fr', timeZone: 'Europe/Paris' });
    expect(connectBody({ ...typed, platform: 'x', accessSecret: 's', appSecret: 'a' })).toEqual({
      platform: 'x', handle: 'Blue Heart', secret: 'page-token', accessSecret: 's', appKey: 'k', appSecret: 'a', language: 'fr', timeZone: 'Europe/Paris',
    });
    expect(connectBody({ platform: 'mastodon', handle: '@a@b.org', server: ' ', secret: 't' })).toEqual({ platform: 'mastodon', handle: '@a@b.org', secret: 't' });
  });

  it('says who changed which account', () => {
    const entry = { id: '1', at: '2026-07-01T10:00:00Z', by: 'manager@blueheart.local', action: 'account.disconnect', accountId: 'a', platform: 'facebook', handle: 'Blue Heart', before: null, after: null } as const;
    expect(describeAuditEntry(entry, '2026-07-01 10:00 UTC')).toBe('2026-07-01 10:00 UTC · manager@blueheart.local · Disconnected Blue Heart on Facebook Page');
  });
});

import { describe, expect, it } from 'vitest';
import { addressKind, isPublicAddress } from '../../../functions/adapters/social/public-address.js';
import { resolveInstance } from '../../../functions/domain/social/mastodon-connect/mastodon-instance.js';

const publicOnly = { local: {} };
const withSandbox = { local: { 'mastodon.sandbox.example': 'http://127.0.0.1:4123/' } };

describe('the Mastodon instance a supporter names', () => {
  it('is a public https origin, however it is typed', () => {
    for (const typed of ['mastodon.social', ' Mastodon.Social ', 'https://mastodon.social', 'https://mastodon.social/', '@ana@mastodon.social', 'ana@mastodon.social', 'mastodon.social.']) {
      expect(resolveInstance(typed, publicOnly), typed).toEqual({ host: 'mastodon.social', origin: 'https://mastodon.social' });
    }
    expect(resolveInstance('social.example.org', publicOnly)).toEqual({ host: 'social.example.org', origin: 'https://social.example.org' });
  });

  it('is never plain http, an IP address, localhost, an internal name, another port, a path or credentials', () => {
    for (const typed of [
      '', 'http://mastodon.social', 'ftp://mastodon.social', '127.0.0.1', 'https://10.0.0.8', '169.254.169.254', '[::1]', 'https://[fd00::1]',
      'localhost', 'https://localhost', 'api.localhost', 'printer.local', 'metadata.internal', 'mastodon.social:8443', 'https://mastodon.social/admin',
      'https://mastodon.social?x=1', 'https://user:pw@mastodon.social', 'mastodon', 'mastodon.social@evil.example@x', 'javascript:alert(1)', 'mastodon .social',
    ]) {
      expect(resolveInstance(typed, publicOnly), typed).toBeUndefined();
    }
  });

  it('knows the named local stand-ins only where the policy names them (local and test stages)', () => {
    expect(resolveInstance('mastodon.sandbox.example', withSandbox)).toEqual({ host: 'mastodon.sandbox.example', origin: 'http://127.0.0.1:4123', local: true });
    expect(resolveInstance('@ana@mastodon.sandbox.example', withSandbox)).toMatchObject({ origin: 'http://127.0.0.1:4123', local: true });
    // Elsewhere the same name is just a public name (which will not resolve), never the local origin.
    expect(resolveInstance('mastodon.sandbox.example', publicOnly)).toEqual({ host: 'mastodon.sandbox.example', origin: 'https://mastodon.sandbox.example' });
    // The local origin itself is not a name anyone can type.
    expect(resolveInstance('http://127.0.0.1:4123', withSandbox)).toBeUndefined();
    expect(resolveInstance('constructor', withSandbox)).toBeUndefined();
  });
});

describe('the addresses our server may call', () => {
  it('refuses loopback, private, link-local, shared, reserved and mapped ranges', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fd12:3456::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['1.1.1.1', '172.32.0.1', '151.101.1.140', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it('calls a name public only when every address it resolves to is', async () => {
    const resolver = (answers: Record<string, string[]>) =>
      (async (host: string) => {
        const found = answers[host];
        if (!found) throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
        return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
      }) as unknown as Parameters<typeof addressKind>[1];
    const dns = resolver({ 'mastodon.social': ['151.101.1.140', '2a04:4e42::396'], 'rebind.example': ['151.101.1.140', '10.0.0.5'], 'empty.example': [] });
    expect(await addressKind('mastodon.social', dns)).toBe('public');
    expect(await addressKind('rebind.example', dns)).toBe('private');
    expect(await addressKind('nowhere.example', dns)).toBe('unknown');
    expect(await addressKind('empty.example', dns)).toBe('unknown');
  });
});

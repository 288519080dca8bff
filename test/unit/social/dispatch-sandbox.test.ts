import { describe, expect, it } from 'vitest';
import { SandboxNetworks, sandboxFollowers } from '../../../functions/adapters/social/sandbox-network.js';
import { SocialError } from '../../../functions/domain/social/ports.js';

const post = (clientRef: string, text = 'Blue Heart') => ({ text, media: [], clientRef });

describe('the sandbox network', () => {
  it('honours clientRef as an idempotency key, like Mastodon’s Idempotency-Key', async () => {
    const sandbox = new SandboxNetworks();
    const ana = sandbox.connect('mastodon', '@ana@m.example', 120);
    const mastodon = sandbox.network('mastodon');
    const first = await mastodon.publish({ handle: ana.handle, token: ana.token }, post('bh-1'));
    const again = await mastodon.publish({ handle: ana.handle, token: ana.token }, post('bh-1'));
    expect(again).toEqual(first);
    expect(sandbox.audit(['bh-1'])).toMatchObject({ posts: 1, duplicateRefs: 0, missing: 0 });
    expect(await mastodon.followers({ handle: ana.handle, token: ana.token })).toBe(120);
  });

  it('without dedupe posts whatever it is sent, and the audit counts the duplicates and the losses', async () => {
    const sandbox = new SandboxNetworks({ dedupe: false });
    const ana = sandbox.connect('bluesky', 'ana.bsky.social');
    const bluesky = sandbox.network('bluesky');
    await bluesky.publish({ handle: ana.handle, token: ana.token }, post('bh-1'));
    await bluesky.publish({ handle: ana.handle, token: ana.token }, post('bh-1'));
    expect(sandbox.audit(['bh-1', 'bh-2'])).toMatchObject({ posts: 2, duplicateRefs: 1, duplicateTexts: 1, missing: 1, examples: { duplicated: ['bh-1'], missing: ['bh-2'] } });
    expect(await bluesky.findPost({ handle: ana.handle, token: ana.token }, post('bh-1', 'other text'))).toMatchObject({ postId: '2' });
    expect(await bluesky.findPost({ handle: ana.handle, token: ana.token }, post('bh-9', 'other text'))).toBeUndefined();
  });

  it('stores the post before a timeout it injects, so the caller cannot know it posted', async () => {
    const sandbox = new SandboxNetworks({ failures: { timeoutAfterStore: 1 }, timeoutMs: 1 });
    const ana = sandbox.connect('mastodon', '@ana@m.example');
    const error = await sandbox.network('mastodon').publish({ handle: ana.handle, token: ana.token }, post('bh-1')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SocialError);
    expect((error as SocialError).kind).toBe('uncertain');
    expect(sandbox.postsOf('mastodon', ana.handle)).toHaveLength(1);
  });

  it('answers 429 with Retry-After and 503 before storing anything', async () => {
    const limited = new SandboxNetworks({ failures: { rateLimited: 1 }, retryAfterMs: 2_000 });
    const ana = limited.connect('mastodon', '@ana@m.example');
    await expect(limited.network('mastodon').publish({ handle: ana.handle, token: ana.token }, post('bh-1'))).rejects.toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 2_000, status: 429 } });
    const down = new SandboxNetworks({ failures: { unavailable: 1 } });
    const bo = down.connect('mastodon', '@bo@m.example');
    await expect(down.network('mastodon').publish({ handle: bo.handle, token: bo.token }, post('bh-1'))).rejects.toMatchObject({ kind: 'unavailable' });
    expect(limited.posts().length + down.posts().length).toBe(0);
  });

  it('refuses an expired token and a text over its limit', async () => {
    const sandbox = new SandboxNetworks({ maxLength: 10 });
    const ana = sandbox.connect('mastodon', '@ana@m.example');
    await expect(sandbox.network('mastodon').publish({ handle: ana.handle, token: ana.token }, post('bh-1', 'x'.repeat(11)))).rejects.toMatchObject({ kind: 'rejected' });
    sandbox.expireToken('mastodon', ana.handle);
    await expect(sandbox.network('mastodon').publish({ handle: ana.handle, token: ana.token }, post('bh-1'))).rejects.toMatchObject({ kind: 'auth' });
    const reconnected = sandbox.connect('mastodon', ana.handle);
    expect(reconnected.token).not.toBe(ana.token);
    expect(reconnected.followers).toBe(ana.followers);
  });

  it('gives each handle a stable follower count, most of them small', () => {
    expect(sandboxFollowers('ana.bsky.social')).toBe(sandboxFollowers('ana.bsky.social'));
    const counts = Array.from({ length: 1_000 }, (_, i) => sandboxFollowers(`user${i}.bsky.social`)).sort((a, b) => a - b);
    expect(counts[0]).toBeGreaterThanOrEqual(20);
    expect(counts[999]).toBeLessThanOrEqual(50_020);
    expect(counts[500]).toBeLessThan(5_000);
  });
});

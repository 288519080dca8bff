import { describe, expect, it } from 'vitest';
import { BlueskyNetwork } from '../../../functions/adapters/social/bluesky-network.js';
import { facebookPageCredential, FacebookNetwork } from '../../../functions/adapters/social/facebook-network.js';
import { linkedInCredential, LinkedInNetwork } from '../../../functions/adapters/social/linkedin-network.js';
import { MastodonNetwork } from '../../../functions/adapters/social/mastodon-network.js';
import { XNetwork, xOAuth1Credential } from '../../../functions/adapters/social/x-network.js';
import { dispatchNetworks } from '../../../functions/config/social-dispatch.js';

/** Which network the dispatcher posts through, per stage and platform. */
describe('dispatchNetworks', () => {
  it('posts through the real adapters on AWS: Mastodon and Bluesky, and X, Facebook Pages and LinkedIn for the organisation; Threads has none', () => {
    const network = dispatchNetworks('prod');
    expect(network('mastodon')).toBeInstanceOf(MastodonNetwork);
    expect(network('bluesky')).toBeInstanceOf(BlueskyNetwork);
    expect(network('x')).toBeInstanceOf(XNetwork);
    expect(network('facebook')).toBeInstanceOf(FacebookNetwork);
    expect(network('linkedin')).toBeInstanceOf(LinkedInNetwork);
    expect(network('threads')).toBeUndefined();
  });

  it("offers sandbox accounts on X, Facebook and LinkedIn locally, taking each adapter's credential as it is sealed", async () => {
    const network = dispatchNetworks('test');
    const accounts = [
      { platform: 'x' as const, handle: '@BlueHeartUN', token: xOAuth1Credential({ appKey: 'k'.repeat(25), appSecret: 's'.repeat(50), accessToken: `1-${'a'.repeat(40)}`, accessSecret: 'b'.repeat(45) }) },
      { platform: 'facebook' as const, handle: 'Blue Heart Campaign', token: facebookPageCredential({ pageId: '104729381234567', pageAccessToken: `EAA${'p'.repeat(40)}` }) },
      { platform: 'linkedin' as const, handle: 'Blue Heart Campaign', token: linkedInCredential({ author: 'urn:li:organization:2414183', accessToken: `AQX${'l'.repeat(40)}` }) },
    ];
    for (const { platform, ...credentials } of accounts) {
      const sandbox = network(platform)!;
      expect(await sandbox.followers(credentials)).toBeGreaterThan(0);
      const post = { text: `World Day 2026 on ${platform}`, media: [], clientRef: `msg-1:org-${platform}` };
      const published = await sandbox.publish(credentials, post);
      expect(await sandbox.findPost(credentials, post)).toEqual(published);
      await expect(sandbox.publish({ ...credentials, token: 'another token' }, post)).rejects.toMatchObject({ kind: 'auth' });
    }
  });
});

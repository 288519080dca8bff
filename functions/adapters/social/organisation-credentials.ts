import type { CredentialFormat } from '../../domain/social/organisation-accounts.js';
import { facebookPageCredential } from './facebook-network.js';
import { linkedInCredential } from './linkedin-network.js';
import { xOAuth1Credential } from './x-network.js';

/**
 * What a manager typed, as each adapter reads its credential once sealed: a Facebook Page's id
 * with its Page token, a LinkedIn author URN with its token, X's OAuth 1.0a keys (or an OAuth 2.0
 * token alone); Mastodon, Bluesky and Threads take the secret as it is. The sandbox (`npm start`)
 * takes any string, so the same format is checked and sealed there.
 */
export const adapterCredential: CredentialFormat = (platform, { secret, accountRef, xKeys }) => {
  switch (platform) {
    case 'facebook':
      return facebookPageCredential({ pageId: accountRef ?? '', pageAccessToken: secret });
    case 'linkedin':
      return linkedInCredential({ author: accountRef ?? '', accessToken: secret });
    case 'x':
      return xKeys ? xOAuth1Credential({ ...xKeys, accessToken: secret }) : secret;
    default:
      return secret;
  }
};

import { hkdfSync } from 'node:crypto';
import { LocalTokenBox } from './token-box.js';

/**
 * The box for what the API seals and must open again itself: Mastodon client secrets (every
 * token exchange needs one) and a connecting supporter's email between the start and the
 * callback. Not the social token box: on AWS that one is a KMS key the API may only encrypt
 * with (only the worker opens lent credentials). This one is keyed from the app secret, which
 * only the API holds (HKDF-SHA256, its own `info`, so it shares no key with anything else).
 */
export const connectBox = (appSecret: string): LocalTokenBox =>
  new LocalTokenBox(Buffer.from(hkdfSync('sha256', appSecret, 'blue-heart-platform', 'mastodon-connect-box/v1', 32)));

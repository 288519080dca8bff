import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../../../functions/config/env.js';

const valid = {
  TABLE_NAME: 'blue-heart',
  SES_FROM_ADDRESS: 'campaign@example.org',
  PUBLIC_URL: 'https://blueheart.example.org/',
  APP_SECRET: 'x'.repeat(32),
  AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
  AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/.well-known/jwks.json',
  AUTH_AUDIENCE: 'client',
};

describe('configuration', () => {
  it('accepts a complete environment and normalises the public URL', () => {
    expect(loadEnv(valid).PUBLIC_URL).toBe('https://blueheart.example.org');
  });

  it('names every missing or bad value in one readable error', () => {
    try {
      loadEnv({ ...valid, TABLE_NAME: undefined, SES_FROM_ADDRESS: 'not-an-address', APP_SECRET: undefined });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems, message } = error as ConfigError;
      expect(problems).toHaveLength(2);
      expect(message).toMatch(/TABLE_NAME/);
      expect(message).toMatch(/SES_FROM_ADDRESS: must be an email address/);
    }
  });

  it('requires the app secret one way or the other', () => {
    expect(() => loadEnv({ ...valid, APP_SECRET: undefined })).toThrow(/APP_SECRET or APP_SECRET_ARN/);
    expect(() => loadEnv({ ...valid, APP_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });
});

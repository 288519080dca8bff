import { describe, expect, it } from 'vitest';
import { assertDeployable, readConfig } from '../../infra/config.js';

const read = (context: Record<string, unknown>) => readConfig((key) => context[key]);

describe('CDK context', () => {
  it('defaults to a bundled dev stage', () => {
    expect(read({})).toMatchObject({ stage: 'dev', bundling: true, logLevel: 'info', webAssetPath: 'web/dist' });
  });

  it('reads -c values, which arrive as strings', () => {
    expect(read({ stage: 'test', bundling: 'false', domainName: '' })).toMatchObject({ stage: 'test', bundling: false, domainName: undefined });
  });

  it('lists every bad value at once', () => {
    expect(() => read({ stage: 'local', senderAddress: 'nobody', alarmEmail: 'ops' })).toThrow(/stage:[\s\S]*senderAddress:[\s\S]*alarmEmail:/);
  });

  it('reads the finance mailbox (optional) and the reporting currency (usd unless set, lower-cased)', () => {
    expect(read({}).financeEmail).toBeUndefined();
    expect(read({}).reportingCurrency).toBe('usd');
    expect(read({ financeEmail: 'finance@blueheart.example.net', reportingCurrency: 'EUR' })).toMatchObject({
      financeEmail: 'finance@blueheart.example.net',
      reportingCurrency: 'eur',
    });
    const blank = read({ financeEmail: '', reportingCurrency: '' });
    expect([blank.financeEmail, blank.reportingCurrency]).toEqual([undefined, 'usd']);
    expect(() => read({ financeEmail: 'finance', reportingCurrency: 'euro' })).toThrow(/financeEmail:[\s\S]*reportingCurrency:/);
  });

  it('wants a us-east-1 certificate with a custom domain', () => {
    expect(() => read({ domainName: 'blueheart.example.net' })).toThrow(/certificateArn: certificateArn is required/);
  });

  it('refuses prod with the placeholder sender, or without the real bundle', () => {
    expect(() => read({ stage: 'prod' })).toThrow(/senderAddress: set senderAddress to a real address/);
    const prod = read({ stage: 'prod', senderAddress: 'pledges@blueheart.example.net', bundling: 'false' });
    expect(() => assertDeployable(prod)).toThrow(/refused on prod/);
    expect(() => assertDeployable({ ...prod, bundling: true })).not.toThrow();
  });
});

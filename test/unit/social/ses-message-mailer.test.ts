import { describe, expect, it } from 'vitest';
import { SendRate } from '../../../functions/adapters/ses/send-rate.js';
import { sendEmailInput, sesError } from '../../../functions/adapters/ses/ses-message-mailer.js';
import { SocialError } from '../../../functions/domain/social/ports.js';

/** An error as the AWS SDK throws it: a name, a message, the HTTP status in $metadata. */
const sdkError = (name: string, status: number | undefined, message = 'refused') => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
const networkError = (code: string) => Object.assign(new Error(`connect ${code} 1.2.3.4:443`), { code });

describe("SES's errors, as the dispatcher needs them", () => {
  it('waits a second when over the sending rate, and an hour when the daily quota is spent', () => {
    expect(sesError(sdkError('TooManyRequestsException', 429))).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 1_000 } });
    expect(sesError(sdkError('Throttling', 400, 'Maximum sending rate exceeded.'))).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 1_000 } });
    expect(sesError(sdkError('LimitExceededException', 400, 'Daily message quota exceeded.'))).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 3_600_000 } });
  });

  it('tells refused credentials, a refused email and a paused account apart', () => {
    expect(sesError(sdkError('UnrecognizedClientException', 403)).kind).toBe('auth');
    expect(sesError(sdkError('AccessDeniedException', 403)).kind).toBe('auth');
    const rejected = sesError(sdkError('MessageRejected', 400, 'Email address is not verified.'));
    expect(rejected).toMatchObject({ kind: 'rejected', message: 'SES refused the email (MessageRejected): Email address is not verified.' });
    expect(sesError(sdkError('SendingPausedException', 400)).kind).toBe('unavailable');
    expect(sesError(sdkError('ServiceUnavailable', 503)).kind).toBe('unavailable');
  });

  it('counts a connection never made as nothing sent, and anything after the request left as uncertain', () => {
    expect(sesError(networkError('ECONNREFUSED')).kind).toBe('unavailable');
    expect(sesError(Object.assign(new Error('Socket timed out without establishing a connection within 3000 ms'), { name: 'TimeoutError' })).kind).toBe('unavailable');
    expect(sesError(Object.assign(new Error('Connection timed out after 15000 ms'), { name: 'TimeoutError' })).kind).toBe('uncertain');
    expect(sesError(networkError('ECONNRESET')).kind).toBe('uncertain');
    expect(sesError(sdkError('InternalFailure', 500)).kind).toBe('uncertain');
    expect(sesError(new Error('anything else'))).toBeInstanceOf(SocialError);
  });
});

describe('the request for one email', () => {
  const email = { to: 'grace@example.org', subject: 'S', text: 'T', html: '<p>H</p>', language: 'en' as const };

  it('carries List-Unsubscribe (RFC 8058 one-click) when the email has an unsubscribe link, and the delivery as a tag', () => {
    const input = sendEmailInput({ ...email, unsubscribeUrl: 'https://b.example/api/pledges/unsubscribe?token=t' }, { from: 'news@b.example', configurationSet: 'cs' }, 'bh-m1-p1');
    expect(input).toMatchObject({ FromEmailAddress: 'news@b.example', Destination: { ToAddresses: ['grace@example.org'] }, ConfigurationSetName: 'cs', EmailTags: [{ Name: 'delivery', Value: 'bh-m1-p1' }] });
    expect(input.Content?.Simple?.Headers).toEqual([
      { Name: 'List-Unsubscribe', Value: '<https://b.example/api/pledges/unsubscribe?token=t>' },
      { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
    ]);
    const plain = sendEmailInput(email, { from: 'news@b.example' }, 'not a tag value!');
    expect(plain.Content?.Simple?.Headers).toBeUndefined();
    expect(plain.EmailTags).toBeUndefined();
  });
});

describe("a worker's sending rate", () => {
  function paced(perSecond: number) {
    let now = 0;
    const waits: number[] = [];
    const rate = new SendRate(perSecond, {
      maxWaitMs: 2_000,
      now: () => now,
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
    });
    return { rate, waits, advance: (ms: number) => (now += ms) };
  }

  it('spaces sends evenly, makes a near turn wait, and refuses a far one before anything is sent', async () => {
    const { rate, waits, advance } = paced(2);
    for (let i = 0; i < 5; i++) await rate.take();
    expect(waits).toEqual([500, 1_000, 1_500, 2_000]);
    const refused = await rate.take().catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 3_000 } });
    // The refused send took no turn: once the queue has gone by, the next one goes at once.
    advance(2_500);
    await rate.take();
    expect(waits).toHaveLength(4);
    expect(() => new SendRate(0)).toThrow(RangeError);
  });
});

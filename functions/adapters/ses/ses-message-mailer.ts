import { SESv2Client, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import type { OutgoingEmail } from '../../domain/pledges/ports.js';
import type { TrackedMailer } from '../../domain/social/email-channel.js';
import { SocialError } from '../../domain/social/ports.js';
import { traced } from '../aws/traced-client.js';
import type { SesSettings } from './ses-mailer.js';
import { SendRate } from './send-rate.js';

/**
 * The coordinated messages' mail (functions/domain/social/email-channel.ts) through SES v2: one
 * SendEmail per delivery, with List-Unsubscribe (RFC 8058 one-click) when the email has an
 * unsubscribe link, SES's message id back, at most `perSecond` emails a second from this process,
 * and SES's errors as the dispatcher needs them.
 */
export interface SesMessageMailerOptions {
  /** This process's share of the account's sending rate (SES: 14 a second by default out of the sandbox). */
  perSecond: number;
  rate?: SendRate;
}

/**
 * A client that never retries on its own: a SendEmail retried after a timeout or a 5xx may send
 * the email twice, so the dispatcher decides (it retries only what was refused before sending).
 * Connecting is bounded apart from answering: a connection never made sent nothing.
 */
export function createSesMessageClient(settings: Pick<SesSettings, 'region' | 'endpoint'>): SESv2Client {
  return traced(
    new SESv2Client({
      region: settings.region,
      maxAttempts: 1,
      requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: 15_000 },
      ...(settings.endpoint ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    }),
  );
}

const CONNECT_TIMEOUT_MS = 3_000;

export class SesMessageMailer implements TrackedMailer {
  private readonly rate: SendRate;

  constructor(
    private readonly client: SESv2Client,
    private readonly settings: Pick<SesSettings, 'from' | 'configurationSet'>,
    options: SesMessageMailerOptions,
  ) {
    this.rate = options.rate ?? new SendRate(options.perSecond);
  }

  async send(email: OutgoingEmail, clientRef: string): Promise<{ id: string }> {
    await this.rate.take();
    let answer;
    try {
      answer = await this.client.send(new SendEmailCommand(sendEmailInput(email, this.settings, clientRef)));
    } catch (error) {
      throw sesError(error);
    }
    if (!answer.MessageId) throw new SocialError('uncertain', 'SES answered without a message id');
    return { id: answer.MessageId };
  }
}

/** SES's request for one email; the delivery's reference rides along as a message tag (for tracing in SES's events). */
export function sendEmailInput(email: OutgoingEmail, settings: Pick<SesSettings, 'from' | 'configurationSet'>, clientRef?: string): SendEmailCommandInput {
  return {
    FromEmailAddress: settings.from,
    Destination: { ToAddresses: [email.to] },
    ConfigurationSetName: settings.configurationSet,
    Content: {
      Simple: {
        Subject: { Data: email.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        Headers: email.unsubscribeUrl
          ? [
              { Name: 'List-Unsubscribe', Value: `<${email.unsubscribeUrl}>` },
              { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
            ]
          : undefined,
      },
    },
    // Tag values take [A-Za-z0-9_-] only: clientRefs are `bh-<message id>-<target id>` of those.
    EmailTags: clientRef && /^[A-Za-z0-9_-]{1,256}$/.test(clientRef) ? [{ Name: 'delivery', Value: clientRef }] : undefined,
  };
}

/** An hour: SES's daily quota is a rolling 24 hours, so some of it comes back every hour. */
const QUOTA_WAIT_MS = 3_600_000;
const THROTTLE_WAIT_MS = 1_000;

const AUTH = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'AccessDeniedException', 'AccessDenied', 'ExpiredTokenException', 'InvalidSignatureException', 'SignatureDoesNotMatch']);
const REFUSED = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'BadRequestException', 'NotFoundException', 'ValidationException']);
/** Refused before anything is sent, and likely to pass later. */
const PAUSED = new Set(['SendingPausedException', 'AccountSuspendedException', 'ServiceUnavailable', 'ServiceUnavailableException']);
/** No connection was made: nothing can have been sent. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** What an SES error means for the delivery (never the address: the message goes into the report). */
export function sesError(error: unknown): SocialError {
  const e = (error ?? {}) as SdkError;
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  const said = `SES ${name || 'error'}${e.message ? `: ${e.message}` : ''}`;
  if (name === 'TooManyRequestsException' || name === 'Throttling' || name === 'ThrottlingException' || name === 'LimitExceededException' || status === 429) {
    const quota = /daily|quota|24/i.test(e.message ?? '');
    return new SocialError('rate_limited', said, { retryAfterMs: quota ? QUOTA_WAIT_MS : THROTTLE_WAIT_MS, status, cause: error });
  }
  if (AUTH.has(name) || status === 401 || status === 403) return new SocialError('auth', said, { status, cause: error });
  if (REFUSED.has(name)) return new SocialError('rejected', `SES refused the email (${name})${e.message ? `: ${e.message}` : ''}`, { status, cause: error });
  if (PAUSED.has(name) || status === 503) return new SocialError('unavailable', said, { status, cause: error });
  if (NOT_CONNECTED.has(e.code ?? '') || (name === 'TimeoutError' && /without establishing a connection/i.test(e.message ?? ''))) {
    return new SocialError('unavailable', `SES could not be reached (${e.code ?? name})`, { cause: error });
  }
  // A 5xx, a reset connection, a timeout: the request left and may have been sent.
  return new SocialError('uncertain', said, { status, cause: error });
}

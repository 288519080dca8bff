import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { AppError } from '../../domain/shared/errors.js';
import { traced } from '../aws/traced-client.js';
import type { Mailer, OutgoingEmail } from '../../domain/pledges/ports.js';

export interface SesSettings {
  region: string;
  /** Set for the local SES stand-in; unset on AWS. */
  endpoint?: string | undefined;
  from: string;
  configurationSet?: string | undefined;
}

export function createSesClient(settings: Pick<SesSettings, 'region' | 'endpoint'>): SESv2Client {
  return traced(
    new SESv2Client({
      region: settings.region,
      ...(settings.endpoint
        ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    }),
  );
}

/** Sends through SES v2. Throttling and outages become retryable `unavailable` errors. */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly settings: SesSettings,
  ) {}

  async send(email: OutgoingEmail): Promise<void> {
    const headers = email.unsubscribeUrl
      ? [
          { Name: 'List-Unsubscribe', Value: `<${email.unsubscribeUrl}>` },
          { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
        ]
      : undefined;
    try {
      await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.settings.from,
          Destination: { ToAddresses: [email.to] },
          ConfigurationSetName: this.settings.configurationSet,
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
              Headers: headers,
            },
          },
        }),
      );
    } catch (error) {
      throw new AppError('unavailable', 'The email could not be sent just now; please try again in a minute.', {
        cause: error,
        retryable: true,
      });
    }
  }
}

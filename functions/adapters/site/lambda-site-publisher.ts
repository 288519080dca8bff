import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { Campaign } from '../../domain/campaigns/campaign.js';
import type { PublishResult, SitePublisher } from '../../domain/campaigns/ports.js';
import { AppError } from '../../domain/shared/errors.js';
import { traced } from '../aws/traced-client.js';
import { currentLogKeys } from '../log/log-context.js';

export interface LambdaSitePublisherOptions {
  functionName: string;
  client?: LambdaClient;
}

const unavailable = (cause?: unknown) =>
  new AppError('unavailable', 'The site could not be published just now; publish again in a minute.', { cause, retryable: true });

/**
 * The API's publisher on AWS: runs the publish function (functions/handlers/publish-site.ts) and
 * waits for it. The campaigns are not sent: the function re-reads what is live from the table,
 * so a publish always writes the stored truth, whoever triggered it and in whatever order.
 */
export class LambdaSitePublisher implements SitePublisher {
  private readonly client: LambdaClient;

  constructor(private readonly options: LambdaSitePublisherOptions) {
    // The API function stops at 15 s: give up before that and say "publish again", rather than
    // time out. No retry: a slow publish is still running, and the next publish redoes it anyway.
    this.client = options.client ?? traced(new LambdaClient({ maxAttempts: 1, requestHandler: { requestTimeout: 12_000 } }));
  }

  async publishSite(_liveCampaigns: Campaign[]): Promise<PublishResult> {
    let response;
    try {
      // The caller's correlation id (a request's, a scheduled run's) travels with the invoke, so the publish's log lines carry it too.
      const { correlationId } = currentLogKeys();
      const payload = typeof correlationId === 'string' ? { Payload: new TextEncoder().encode(JSON.stringify({ correlationId })) } : {};
      response = await this.client.send(new InvokeCommand({ FunctionName: this.options.functionName, InvocationType: 'RequestResponse', ...payload }));
    } catch (error) {
      throw unavailable(error);
    }
    const body = response.Payload ? new TextDecoder().decode(response.Payload) : '';
    if (response.FunctionError || response.StatusCode !== 200) throw unavailable(new Error(`${response.FunctionError ?? response.StatusCode}: ${body.slice(0, 500)}`));
    return parseResult(body);
  }
}

function parseResult(body: string): PublishResult {
  try {
    const value = JSON.parse(body) as Partial<PublishResult>;
    if (typeof value.files === 'number' && typeof value.ms === 'number') return { files: value.files, ms: value.ms };
  } catch (error) {
    throw unavailable(error);
  }
  throw unavailable(new Error(`unexpected publish result: ${body.slice(0, 200)}`));
}

import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export interface OriginSecretsOptions {
  client?: SecretsManagerClient;
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number;
  /** A reload asked for sooner than this after the last read answers the values already read. */
  minReloadMs?: number;
  /** Values older than this are read again on the next request, so a retired value stops working. */
  maxAgeMs?: number;
}

/**
 * CloudFront's X-Origin-Verify value, from the Secrets Manager secret the distribution reads it
 * from (ORIGIN_VERIFY_SECRET_ARN): the current version and, when there is one, the previous
 * version, because CloudFront's edges change over to a rotated value over some minutes
 * (docs/deploy.md). Read once at cold start (`load`), again after `maxAgeMs`, and when a request
 * presents a value it does not know (`reload`, at most once per `minReloadMs`: a flood of wrong
 * values costs one read a minute). A reload that fails keeps the values already read.
 */
export class SecretsManagerOriginSecrets {
  private readonly client: SecretsManagerClient;
  private readonly now: () => number;
  private readonly minReloadMs: number;
  private readonly maxAgeMs: number;
  private current: readonly string[] = [];
  private readAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly secretId: string,
    options: OriginSecretsOptions = {},
  ) {
    this.client = options.client ?? new SecretsManagerClient({});
    this.now = options.now ?? Date.now;
    this.minReloadMs = options.minReloadMs ?? 60_000;
    this.maxAgeMs = options.maxAgeMs ?? 15 * 60_000;
  }

  /** The first read, at cold start: a secret that cannot be read fails the start, loudly. */
  async load(): Promise<this> {
    this.current = await this.read();
    this.readAt = this.now();
    return this;
  }

  async values(): Promise<readonly string[]> {
    return this.now() - this.readAt >= this.maxAgeMs ? this.reload() : this.current;
  }

  async reload(): Promise<readonly string[]> {
    if (this.now() - this.readAt < this.minReloadMs) return this.current;
    this.readAt = this.now();
    try {
      this.current = await this.read();
    } catch {
      // Secrets Manager unreachable: the values read last still hold (CloudFront sends one of them).
    }
    return this.current;
  }

  private async read(): Promise<string[]> {
    const [current, previous] = await Promise.all([this.version('AWSCURRENT'), this.version('AWSPREVIOUS')]);
    if (!current) throw new Error('ORIGIN_VERIFY_SECRET_ARN: the secret has no current value');
    return previous ? [current, previous] : [current];
  }

  private async version(stage: 'AWSCURRENT' | 'AWSPREVIOUS'): Promise<string | undefined> {
    try {
      const { SecretString } = await this.client.send(new GetSecretValueCommand({ SecretId: this.secretId, VersionStage: stage }));
      return SecretString || undefined;
    } catch (error) {
      // A secret never rotated has no AWSPREVIOUS version.
      if (stage === 'AWSPREVIOUS' && error instanceof ResourceNotFoundException) return undefined;
      throw error;
    }
  }
}

import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { SecretsManagerOriginSecrets } from '../../../functions/adapters/secrets-manager/origin-secrets.js';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:OriginVerifySecret-AbCdEf';

interface Version {
  id: string;
  value: string;
  stages: string[];
}

/**
 * A Secrets Manager client whose middleware stack answers instead of the network (deserialize
 * step: the request as it would leave, serialized and signed), in Secrets Manager's JSON 1.1
 * shapes: GetSecretValue by staging label, ResourceNotFoundException for a label no version
 * has. `versions` can be changed between calls (a rotation); `down` makes every call fail.
 */
function interceptedSecretsManager(versions: Version[]) {
  const client = new SecretsManagerClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 });
  const state = { versions, down: false, calls: [] as { target: string; body: Record<string, unknown> }[] };
  client.middlewareStack.add(
    () => async (args) => {
      const request = args.request as { headers: Record<string, string>; body: string | Uint8Array };
      const body = JSON.parse(typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('utf8')) as Record<string, unknown>;
      const target = request.headers['x-amz-target'] ?? '';
      state.calls.push({ target, body });
      const reply = (statusCode: number, payload: unknown) => ({
        response: { statusCode, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: new TextEncoder().encode(JSON.stringify(payload)) },
      });
      if (state.down) return reply(500, { __type: 'InternalServiceError', Message: 'An error occurred on the server side.' });
      if (target !== 'secretsmanager.GetSecretValue' || body.SecretId !== SECRET_ARN) return reply(400, { __type: 'ResourceNotFoundException', Message: "Secrets Manager can't find the specified secret." });
      const version = state.versions.find((v) => v.stages.includes(String(body.VersionStage ?? 'AWSCURRENT')));
      if (!version) return reply(400, { __type: 'ResourceNotFoundException', Message: `Secrets Manager can't find the specified secret value for staging label: ${String(body.VersionStage)}` });
      return reply(200, { ARN: SECRET_ARN, Name: 'OriginVerifySecret', VersionId: version.id, SecretString: version.value, VersionStages: version.stages, CreatedDate: 1_780_000_000 });
    },
    { step: 'deserialize', priority: 'low', name: 'answerLikeSecretsManager' },
  );
  return { client, state };
}

const FIRST = { id: 'a1b2c3d4-0000-0000-0000-000000000001', value: 'first-value-of-sixty-four-characters-0000000000000000000000000000', stages: ['AWSCURRENT'] };
const SECOND = { id: 'a1b2c3d4-0000-0000-0000-000000000002', value: 'second-value-of-sixty-four-characters-000000000000000000000000000', stages: ['AWSCURRENT'] };

/** A clock the test moves, in milliseconds. */
const clock = () => {
  const state = { now: 1_000_000 };
  return { now: () => state.now, advance: (ms: number) => (state.now += ms) };
};

describe('SecretsManagerOriginSecrets', () => {
  it('reads the current version, and no previous one of a secret never rotated, by the ARN it was given', async () => {
    const { client, state } = interceptedSecretsManager([FIRST]);
    const secrets = await new SecretsManagerOriginSecrets(SECRET_ARN, { client }).load();
    expect(await secrets.values()).toEqual([FIRST.value]);
    expect(state.calls.map((call) => call.body).sort((a, b) => String(a.VersionStage).localeCompare(String(b.VersionStage)))).toEqual([
      { SecretId: SECRET_ARN, VersionStage: 'AWSCURRENT' },
      { SecretId: SECRET_ARN, VersionStage: 'AWSPREVIOUS' },
    ]);
  });

  it('reads the current and the previous version after a rotation', async () => {
    const { client } = interceptedSecretsManager([{ ...SECOND }, { ...FIRST, stages: ['AWSPREVIOUS'] }]);
    expect(await (await new SecretsManagerOriginSecrets(SECRET_ARN, { client }).load()).values()).toEqual([SECOND.value, FIRST.value]);
  });

  it('fails the cold start when the secret cannot be read, or has no value', async () => {
    const unreadable = interceptedSecretsManager([FIRST]);
    unreadable.state.down = true;
    await expect(new SecretsManagerOriginSecrets(SECRET_ARN, { client: unreadable.client }).load()).rejects.toThrow();
    const empty = interceptedSecretsManager([{ ...FIRST, value: '' }]);
    await expect(new SecretsManagerOriginSecrets(SECRET_ARN, { client: empty.client }).load()).rejects.toThrow(/no current value/);
  });

  it('reads again on reload, at most once a minute, whatever the number of wrong values presented', async () => {
    const { client, state } = interceptedSecretsManager([FIRST]);
    const time = clock();
    const secrets = await new SecretsManagerOriginSecrets(SECRET_ARN, { client, now: time.now }).load();
    state.versions = [SECOND, { ...FIRST, stages: ['AWSPREVIOUS'] }];
    time.advance(30_000);
    for (let i = 0; i < 50; i++) expect(await secrets.reload()).toEqual([FIRST.value]);
    expect(state.calls).toHaveLength(2);
    time.advance(30_000);
    expect(await secrets.reload()).toEqual([SECOND.value, FIRST.value]);
    expect(await secrets.reload()).toEqual([SECOND.value, FIRST.value]);
    expect(state.calls).toHaveLength(4);
  });

  it('reads again when its values are 15 minutes old, so a retired previous value stops working', async () => {
    const { client, state } = interceptedSecretsManager([SECOND, { ...FIRST, stages: ['AWSPREVIOUS'] }]);
    const time = clock();
    const secrets = await new SecretsManagerOriginSecrets(SECRET_ARN, { client, now: time.now }).load();
    state.versions = [SECOND];
    time.advance(15 * 60_000 - 1);
    expect(await secrets.values()).toEqual([SECOND.value, FIRST.value]);
    time.advance(1);
    expect(await secrets.values()).toEqual([SECOND.value]);
  });

  it('keeps the values it has when a reload cannot reach Secrets Manager', async () => {
    const { client, state } = interceptedSecretsManager([FIRST]);
    const time = clock();
    const secrets = await new SecretsManagerOriginSecrets(SECRET_ARN, { client, now: time.now }).load();
    state.down = true;
    time.advance(60_000);
    expect(await secrets.reload()).toEqual([FIRST.value]);
    time.advance(15 * 60_000);
    expect(await secrets.values()).toEqual([FIRST.value]);
  });
});

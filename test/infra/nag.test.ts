import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledge, addNagChecks } from '../../infra/nag.js';
import { buildPlatform, cdkJsonContext, removeTempDirs, synthAndReadReport, tempDir, type ValidationOutcome } from './support.js';

afterAll(removeTempDirs);

const PROD_CONTEXT = {
  stage: 'prod',
  senderAddress: 'pledges@blueheart.example.net',
  domainName: 'blueheart.example.net',
  certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc',
  webAclArn: 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/blue-heart/abc',
  alarmEmail: 'ops@blueheart.example.net',
};

function platformReport(context: Record<string, unknown>): ValidationOutcome {
  const { app } = buildPlatform(context);
  addNagChecks(app);
  return synthAndReadReport(app);
}

const summary = (outcome: ValidationOutcome) => outcome.findings.map((f) => `${f.severity} ${f.rule} at ${f.paths.join(', ')}: ${f.description}`);
const acknowledgedRules = (outcome: ValidationOutcome) => [...new Set(outcome.acknowledged.map((a) => a.rule))].sort();

/** Findings every stage acknowledges; each reason is in the code next to the resource. */
const ALWAYS_ACKNOWLEDGED = [
  'AwsSolutions-APIG4',
  'AwsSolutions-CFR1',
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
  'AwsSolutions-IAM5[Action::s3:Abort*]',
  'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
  'AwsSolutions-IAM5[Action::s3:GetBucket*]',
  'AwsSolutions-IAM5[Action::s3:GetObject*]',
  'AwsSolutions-IAM5[Action::s3:List*]',
  'AwsSolutions-IAM5[Resource::*]',
  'AwsSolutions-IAM5[Resource::<SiteBucket397A1860.Arn>/*]',
  'AwsSolutions-IAM5[Resource::<SiteBucket397A1860.Arn>/media/*]',
  'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
  'AwsSolutions-L1',
  'AwsSolutions-SMG4',
  'AwsSolutions-SQS3',
];

describe('cdk-nag AwsSolutions on the platform', () => {
  let dev: ValidationOutcome;
  let prod: ValidationOutcome;
  beforeAll(() => {
    dev = platformReport({});
    prod = platformReport(PROD_CONTEXT);
  });

  it('leaves no unacknowledged error or warning on dev (default certificate, its own WAF)', () => {
    expect(summary(dev)).toEqual([]);
    expect(dev.error).toBeUndefined();
  });

  it('leaves no unacknowledged error or warning on prod (custom domain, WAF, alarm email)', () => {
    expect(summary(prod)).toEqual([]);
    expect(prod.error).toBeUndefined();
  });

  it('acknowledges on the payments stack only what was reviewed for it, where it was reviewed', () => {
    const at = (outcome: ValidationOutcome, stage: string) =>
      [...new Set(outcome.acknowledged.filter((a) => a.acknowledgedAt.startsWith(`BlueHeart-${stage}-Payments/`)).map((a) => `${a.rule} at ${a.acknowledgedAt}`))].sort();
    const reviewed = (stage: string) =>
      [
        // Stripe authenticates by signature, donors are anonymous, portal links are signed: no API Gateway authorizer.
        `AwsSolutions-APIG4 at BlueHeart-${stage}-Payments/WebhookRoute`,
        `AwsSolutions-APIG4 at BlueHeart-${stage}-Payments/CheckoutRoute`,
        `AwsSolutions-APIG4 at BlueHeart-${stage}-Payments/ManageRoute`,
        // Finance staff's Cognito token and group are checked in the app, as on every staff route.
        `AwsSolutions-APIG4 at BlueHeart-${stage}-Payments/FinanceRoute`,
        // Erasure: the emailed link's token (signed, 24 hours) and the admin's Cognito token are checked in the app.
        `AwsSolutions-APIG4 at BlueHeart-${stage}-Payments/ErasureRoute`,
        `AwsSolutions-APIG4 at BlueHeart-${stage}-Payments/AdminPrivacyRoute`,
        // Stripe keys are rolled in Stripe's dashboard, not by a Secrets Manager rotation Lambda.
        `AwsSolutions-SMG4 at BlueHeart-${stage}-Payments/StripeSecret`,
        // The dead-letter queue itself has no dead-letter queue.
        `AwsSolutions-SQS3 at BlueHeart-${stage}-Payments/WebhookDeadLetters`,
        `AwsSolutions-SQS3 at BlueHeart-${stage}-Payments/Job-reconcile-payouts/DeadLetters`,
        // X-Ray only (AppFunction): no resource-level permissions exist for it.
        `AwsSolutions-IAM5[Resource::*] at BlueHeart-${stage}-Payments/Webhook/Role`,
        `AwsSolutions-IAM5[Resource::*] at BlueHeart-${stage}-Payments/Checkout/Role`,
        `AwsSolutions-IAM5[Resource::*] at BlueHeart-${stage}-Payments/Finance/Role`,
        `AwsSolutions-IAM5[Resource::*] at BlueHeart-${stage}-Payments/Privacy/Role`,
        `AwsSolutions-IAM5[Resource::*] at BlueHeart-${stage}-Payments/Job-reconcile-payouts/Job/Role`,
      ].sort();
    expect(at(dev, 'dev')).toEqual(reviewed('dev'));
    expect(at(prod, 'prod')).toEqual(reviewed('prod'));
  });

  it('acknowledges on the social stack only what was reviewed for it, where it was reviewed', () => {
    const at = (outcome: ValidationOutcome, stage: string) =>
      [...new Set(outcome.acknowledged.filter((a) => a.acknowledgedAt.startsWith(`BlueHeart-${stage}-Social/`)).map((a) => `${a.rule} at ${a.acknowledgedAt}`))].sort();
    const reviewed = (stage: string) =>
      [
        // The job's dead-letter queue has none itself (the delivery queue's is a redrive target, which cdk-nag recognises).
        `AwsSolutions-SQS3 at BlueHeart-${stage}-Social/Job-send-due-messages/DeadLetters`,
        `AwsSolutions-SQS3 at BlueHeart-${stage}-Social/Job-check-token-health/DeadLetters`,
        // X-Ray only (AppFunction): no resource-level permissions exist for it.
        `AwsSolutions-IAM5[Resource::*] at BlueHeart-${stage}-Social/Worker/Role`,
        `AwsSolutions-IAM5[Resource::*] at BlueHeart-${stage}-Social/Job-send-due-messages/Job/Role`,
        `AwsSolutions-IAM5[Resource::*] at BlueHeart-${stage}-Social/Job-check-token-health/Job/Role`,
      ].sort();
    expect(at(dev, 'dev')).toEqual(reviewed('dev'));
    expect(at(prod, 'prod')).toEqual(reviewed('prod'));
  });

  it('leaves only the reviewed secrets without a rotation Lambda: the app secret, the Stripe keys, the origin-verify value', () => {
    const unrotated = (outcome: ValidationOutcome) => [...new Set(outcome.acknowledged.filter((a) => a.rule === 'AwsSolutions-SMG4').map((a) => a.acknowledgedAt))].sort();
    for (const [outcome, stage] of [[dev, 'dev'], [prod, 'prod']] as const) {
      // Re-keying, Stripe's dashboard, and a Web deploy naming the new version (docs/deploy.md).
      expect(unrotated(outcome)).toEqual([`BlueHeart-${stage}-Data/AppSecret`, `BlueHeart-${stage}-Payments/StripeSecret`, `BlueHeart-${stage}-Web/OriginVerifySecret`]);
    }
  });

  it('acknowledges only the reviewed findings, each on a resource with a written reason', () => {
    expect(acknowledgedRules(dev)).toEqual([...ALWAYS_ACKNOWLEDGED, 'AwsSolutions-CFR4', 'AwsSolutions-COG2'].sort());
    // With a domain and required MFA, those two findings are fixed rather than acknowledged.
    expect(acknowledgedRules(prod)).toEqual([...ALWAYS_ACKNOWLEDGED].sort());
    for (const ack of [...dev.acknowledged, ...prod.acknowledged]) {
      expect(ack.acknowledgedAt, `${ack.rule} must not be acknowledged for a whole stack`).toContain('/');
      expect(ack.reason.length, `${ack.rule} at ${ack.acknowledgedAt}`).toBeGreaterThan(40);
    }
  });
});

describe('the check itself', () => {
  const openBucketApp = (acknowledgeLogging: boolean) => {
    const app = new App({ outdir: tempDir('nag-proof'), context: cdkJsonContext() });
    const stack = new Stack(app, 'Proof');
    const careless = new s3.Bucket(stack, 'Careless', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
    new s3.Bucket(stack, 'AlsoCareless');
    if (acknowledgeLogging) acknowledge(careless, 'AwsSolutions-S1', 'Proof that an acknowledgement moves exactly this finding aside.');
    addNagChecks(app);
    return synthAndReadReport(app);
  };

  it('reports a bucket without logging or TLS enforcement, and fails the synth', () => {
    const outcome = openBucketApp(false);
    const rules = outcome.findings.map((f) => `${f.severity} ${f.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['error AwsSolutions-S1', 'error AwsSolutions-S10']));
    expect(outcome.findings.find((f) => f.rule === 'AwsSolutions-S1')!.paths).toEqual(['Proof/Careless/Resource', 'Proof/AlsoCareless/Resource']);
    expect(outcome.error?.message).toMatch(/AwsSolutions-S1/);
  });

  it('lets an acknowledgement cover only the construct it was made on', () => {
    const outcome = openBucketApp(true);
    expect(outcome.findings.find((f) => f.rule === 'AwsSolutions-S1')!.paths).toEqual(['Proof/AlsoCareless/Resource']);
    expect(outcome.acknowledged).toEqual([
      expect.objectContaining({ rule: 'AwsSolutions-S1', acknowledgedAt: 'Proof/Careless', paths: ['Proof/Careless/Resource'] }),
    ]);
  });
});

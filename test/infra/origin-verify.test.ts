import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER } from '../../functions/http/middleware/origin-verify.js';
import { ADMIN_PRIVACY_ROUTE, CHECKOUT_ROUTE, ERASURE_ROUTE, FINANCE_ROUTE, MANAGE_ROUTE, WEBHOOK_ROUTE } from '../../infra/stacks/payments-stack.js';
import { buildPlatform, removeTempDirs, type TestPlatform } from './support.js';

afterAll(removeTempDirs);

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
type Statement = { Sid?: string; Action: string | string[]; Resource: unknown };

const idOf = (stack: Stack, construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const resources = (stack: Stack, type: string) => Template.fromStack(stack).findResources(type) as Record<string, Resource>;
const stacksOf = (platform: TestPlatform) => Object.values(platform.platform).filter((stack): stack is Stack => stack !== undefined);
const distributionOf = (platform: TestPlatform) => Object.values(resources(platform.platform.web, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
const apiOrigin = (platform: TestPlatform) => distributionOf(platform).Origins.find((origin: any) => origin.CustomOriginConfig);

/** A version id as Secrets Manager issues them (a UUID). */
const VERSION_ID = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

let dev: TestPlatform;
let prod: TestPlatform;
beforeAll(() => {
  dev = buildPlatform({}, { site: null });
  prod = buildPlatform(
    {
      stage: 'prod',
      senderAddress: 'pledges@blueheart.example.net',
      domainName: 'blueheart.example.net',
      certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc',
      originVerifySecretVersion: VERSION_ID,
    },
    { site: null },
  );
});

describe('CloudFront → API: the X-Origin-Verify header', () => {
  it('is sent to the API origin only, as a dynamic reference to the Web stack’s secret, never a literal', () => {
    const secretId = idOf(dev.platform.web, dev.platform.web.originVerifySecret);
    expect(ORIGIN_VERIFY_HEADER).toBe('X-Origin-Verify');
    expect(apiOrigin(dev).OriginCustomHeaders).toEqual([
      { HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']] } },
    ]);
    const siteOrigin = distributionOf(dev).Origins.find((origin: any) => origin.S3OriginConfig);
    expect(siteOrigin.OriginCustomHeaders).toBeUndefined();
  });

  it('names the version given when rotating, so CloudFormation reads the secret again', () => {
    const secretId = idOf(prod.platform.web, prod.platform.web.originVerifySecret);
    expect(apiOrigin(prod).OriginCustomHeaders[0].HeaderValue).toEqual({
      'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, `:SecretString:::${VERSION_ID}}}`]],
    });
  });

  it('comes from a generated secret (64 plain characters, no value in the template), kept with prod, its ARN an output', () => {
    const secret = resources(dev.platform.web, 'AWS::SecretsManager::Secret')[idOf(dev.platform.web, dev.platform.web.originVerifySecret)]!;
    expect(secret.Properties.GenerateSecretString).toEqual({ PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false });
    expect(secret.Properties.SecretString).toBeUndefined();
    const prodSecret = resources(prod.platform.web, 'AWS::SecretsManager::Secret')[idOf(prod.platform.web, prod.platform.web.originVerifySecret)]!;
    expect(prodSecret.DeletionPolicy).toBe('Retain');
    expect(Template.fromStack(dev.platform.web).toJSON().Outputs.OriginVerifySecretArn.Value).toEqual({ Ref: idOf(dev.platform.web, dev.platform.web.originVerifySecret) });
  });
});

describe('the functions behind HTTP API routes', () => {
  /** Every function an HTTP API route integrates with, by stack, with its environment and role. */
  const routed = (platform: TestPlatform) =>
    stacksOf(platform).flatMap((stack) => {
      const functions = resources(stack, 'AWS::Lambda::Function');
      return Object.values(resources(stack, 'AWS::ApiGatewayV2::Integration')).map((integration) => {
        const [functionId] = integration.Properties.IntegrationUri['Fn::GetAtt'] as [string];
        const fn = functions[functionId]!;
        return { stack, description: fn.Properties.Description as string, env: fn.Properties.Environment.Variables as Record<string, unknown>, roleId: fn.Properties.Role['Fn::GetAtt'][0] as string };
      });
    });

  it('are the HTTP function and the checkout, webhook, finance and erasure functions, and each knows the secret', () => {
    const found = routed(dev);
    expect([...new Set(found.map((fn) => fn.description))].sort()).toEqual(
      [
        'Blue Heart dev: HTTP API',
        `Blue Heart dev: Stripe webhook (${WEBHOOK_ROUTE})`,
        `Blue Heart dev: donation checkout (${CHECKOUT_ROUTE}, ${MANAGE_ROUTE})`,
        `Blue Heart dev: finance reconciliation (${FINANCE_ROUTE})`,
        `Blue Heart dev: erasure on request (${ERASURE_ROUTE}, ${ADMIN_PRIVACY_ROUTE})`,
      ].sort(),
    );
    for (const fn of found) {
      // The Web stack's secret, read as a weak cross-stack reference (Web deploys before Api and Payments).
      expect(JSON.stringify(fn.env.ORIGIN_VERIFY_SECRET_ARN), fn.description).toMatch(/"Fn::GetStackOutput".*BlueHeart-dev-Web.*OriginVerifySecret/);
    }
  });

  it('may read that secret (GetSecretValue, that one ARN); no other role of the platform may, and no other function is told of it', () => {
    const routedRoles = new Set(routed(dev).map((fn) => `${fn.stack.stackName}/${fn.roleId}`));
    const readers = new Set<string>();
    for (const stack of stacksOf(dev)) {
      for (const policy of Object.values(resources(stack, 'AWS::IAM::Policy'))) {
        const statements = (policy.Properties.PolicyDocument.Statement as Statement[]).filter((s) => JSON.stringify(s.Resource).includes('OriginVerifySecret'));
        for (const statement of statements) {
          expect(statement).toMatchObject({ Sid: 'OriginVerifySecret', Action: 'secretsmanager:GetSecretValue' });
          expect(Array.isArray(statement.Resource)).toBe(false);
          for (const role of policy.Properties.Roles as { Ref: string }[]) readers.add(`${stack.stackName}/${role.Ref}`);
        }
      }
      for (const fn of Object.values(resources(stack, 'AWS::Lambda::Function'))) {
        const knows = fn.Properties.Environment?.Variables?.ORIGIN_VERIFY_SECRET_ARN !== undefined;
        expect(knows, String(fn.Properties.Description)).toBe(routedRoles.has(`${stack.stackName}/${fn.Properties.Role['Fn::GetAtt']?.[0]}`));
      }
    }
    expect([...readers].sort()).toEqual([...routedRoles].sort());
  });
});

describe('CORS', () => {
  it('is configured nowhere: not on the HTTP API, not in a CloudFront response headers policy', () => {
    for (const platform of [dev, prod]) {
      for (const api of Object.values(resources(platform.platform.gateway, 'AWS::ApiGatewayV2::Api'))) expect(api.Properties.CorsConfiguration).toBeUndefined();
      for (const policy of Object.values(resources(platform.platform.web, 'AWS::CloudFront::ResponseHeadersPolicy'))) {
        const config = policy.Properties.ResponseHeadersPolicyConfig;
        expect(config.CorsConfig).toBeUndefined();
        for (const header of config.CustomHeadersConfig?.Items ?? []) expect(String(header.Header).toLowerCase()).not.toMatch(/^access-control-/);
      }
    }
  });
});

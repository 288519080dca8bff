import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_TABLE } from '../../functions/adapters/dynamodb/table-definition.js';
import { envSchema } from '../../functions/config/env.js';
import { DIRECTORY_INDEX_FUNCTION_CODE } from '../../infra/constructs/directory-index.js';
import { buildPlatform, removeTempDirs, type TestPlatform } from './support.js';

afterAll(removeTempDirs);

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self' https://checkout.stripe.com; object-src 'none'";
/** CloudFront managed policies, by their fixed ids. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
/** Variables Lambda sets itself, and the ones only the local platform may set. */
const SET_BY_LAMBDA = ['AWS_REGION'];
const LOCAL_ONLY = ['DYNAMODB_ENDPOINT', 'SES_ENDPOINT', 'APP_SECRET', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_URL'];
/** Only the payment functions may read Stripe's keys (payments.test.ts). */
const PAYMENTS_ONLY = ['STRIPE_SECRET_ARN'];
/** Optional in env.ts, and set only when its context value is (`financeEmail`, `managersEmail`). */
const WHEN_CONFIGURED = ['FINANCE_EMAIL', 'MANAGERS_EMAIL'];
/** Only the social dispatch sends to the delivery queue and checks tokens ahead of the moment (social.test.ts). */
const SOCIAL_DISPATCH_ONLY = ['SOCIAL_QUEUE_URL', 'SOCIAL_TOKEN_CHECK_DAYS'];

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const only = (template: Template, type: string): Resource => {
  const found = Object.values(template.findResources(type)) as Resource[];
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
/** The statements of one role's own policies (the stack may hold other roles). */
const roleStatements = (template: Template, stack: Stack, role: iam.IRole): Statement[] => {
  const roleId = stack.getLogicalId(role.node.defaultChild as CfnElement);
  return (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[])
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
};
const httpStatements = (platform: TestPlatform): Statement[] =>
  roleStatements(t(platform, 'api'), platform.platform.api, platform.platform.api.handler.role);

let dev: TestPlatform;
let prod: TestPlatform;
const t = (platform: TestPlatform, stack: keyof TestPlatform['platform']) => {
  const chosen = platform.platform[stack];
  if (!chosen) throw new Error(`This platform has no ${stack} stack`);
  return Template.fromStack(chosen);
};

beforeAll(() => {
  dev = buildPlatform();
  prod = buildPlatform(
    {
      stage: 'prod',
      senderAddress: 'pledges@blueheart.example.net',
      domainName: 'blueheart.example.net',
      certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc',
      financeEmail: 'finance@blueheart.example.net',
      reportingCurrency: 'EUR',
    },
    { site: null },
  );
});

describe('data stack', () => {
  it('builds the table exactly from MAIN_TABLE', () => {
    const table = only(t(dev, 'data'), 'AWS::DynamoDB::Table').Properties;
    expect(table.KeySchema).toEqual([
      { AttributeName: MAIN_TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: MAIN_TABLE.sortKey, KeyType: 'RANGE' },
    ]);
    const keys = [MAIN_TABLE.partitionKey, MAIN_TABLE.sortKey, ...MAIN_TABLE.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    expect(table.AttributeDefinitions).toEqual(expect.arrayContaining(keys.map((AttributeName) => ({ AttributeName, AttributeType: 'S' }))));
    expect(table.AttributeDefinitions).toHaveLength(new Set(keys).size);
    expect(table.GlobalSecondaryIndexes).toEqual(
      MAIN_TABLE.globalSecondaryIndexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection:
          index.projectedAttributes === 'all'
            ? { ProjectionType: 'ALL' }
            : { ProjectionType: 'INCLUDE', NonKeyAttributes: index.projectedAttributes },
      })),
    );
    // Money by month: reconciliation and exports read whole entries from GSI3.
    expect(table.GlobalSecondaryIndexes.find((i: { IndexName: string }) => i.IndexName === 'GSI3')).toEqual({
      IndexName: 'GSI3',
      KeySchema: [
        { AttributeName: 'GSI3PK', KeyType: 'HASH' },
        { AttributeName: 'GSI3SK', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: MAIN_TABLE.timeToLiveAttribute, Enabled: true });
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('encrypts the table with its own rotating KMS key', () => {
    const template = t(dev, 'data');
    const keyId = dev.platform.data.getLogicalId(dev.platform.data.tableKey.node.defaultChild as CfnElement);
    expect((template.findResources('AWS::KMS::Key')[keyId] as Resource).Properties.EnableKeyRotation).toBe(true);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
  });

  it('generates an app secret of 48+ plain characters', () => {
    const secret = only(t(dev, 'data'), 'AWS::SecretsManager::Secret').Properties;
    expect(secret.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(48);
    expect(secret.GenerateSecretString.SecretStringTemplate).toBeUndefined();
  });

  it('deletes dev data with the stack, but protects and retains prod data', () => {
    expect(only(t(dev, 'data'), 'AWS::DynamoDB::Table').DeletionPolicy).toBe('Delete');
    const prodTable = only(t(prod, 'data'), 'AWS::DynamoDB::Table');
    expect(prodTable.DeletionPolicy).toBe('Retain');
    expect(prodTable.Properties.DeletionProtectionEnabled).toBe(true);
    expect(only(t(prod, 'data'), 'AWS::SecretsManager::Secret').DeletionPolicy).toBe('Retain');
    expect(prod.platform.data.terminationProtection).toBe(true);
    expect(dev.platform.data.terminationProtection).toBe(false);
  });
});

describe('api stack', () => {
  const lambdaEnv = (platform: TestPlatform) => {
    const fns = (Object.values(t(platform, 'api').findResources('AWS::Lambda::Function')) as Resource[]).filter((f) =>
      String(f.Properties.Description).endsWith('HTTP API'),
    );
    expect(fns).toHaveLength(1);
    return fns[0]!.Properties.Environment.Variables as Record<string, unknown>;
  };

  it('sets every variable functions/config/env.ts reads on AWS, and none of the local-only ones', () => {
    const env = lambdaEnv(dev);
    const notHere = [...SET_BY_LAMBDA, ...LOCAL_ONLY, ...PAYMENTS_ONLY, ...WHEN_CONFIGURED, ...SOCIAL_DISPATCH_ONLY];
    const required = Object.keys(envSchema.shape).filter((key) => !notHere.includes(key));
    expect(required.length).toBeGreaterThan(5);
    for (const key of required) expect(env, key).toHaveProperty(key);
    for (const key of notHere) expect(env).not.toHaveProperty(key);
    // The literal values must pass the app's own validation.
    envSchema.pick({ STAGE: true, SES_FROM_ADDRESS: true, LOG_LEVEL: true, REPORTING_CURRENCY: true }).parse(env);
    expect(env.REPORTING_CURRENCY).toBe('usd');
    expect(JSON.stringify(env.AUTH_JWKS_URL)).toContain('/.well-known/jwks.json');
    expect(JSON.stringify(env.AUTH_ISSUER)).toContain('https://cognito-idp.');
    // The console's sign-in: the pool's hosted domain (its /oauth2/authorize and /oauth2/token).
    expect(JSON.stringify(env.AUTH_SIGN_IN_URL)).toContain('.auth.');
    expect(JSON.stringify(env.AUTH_SIGN_IN_URL)).toContain('amazoncognito.com');
  });

  it('passes financeEmail and reportingCurrency through as FINANCE_EMAIL and REPORTING_CURRENCY', () => {
    const env = lambdaEnv(prod);
    expect({ FINANCE_EMAIL: env.FINANCE_EMAIL, REPORTING_CURRENCY: env.REPORTING_CURRENCY }).toEqual({
      FINANCE_EMAIL: 'finance@blueheart.example.net',
      REPORTING_CURRENCY: 'eur',
    });
    envSchema.pick({ FINANCE_EMAIL: true, REPORTING_CURRENCY: true }).parse(env);
  });

  it('runs Node 24 on arm64 with tracing and a log group with retention', () => {
    const template = t(dev, 'api');
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
    // No AWS managed policy: only the platform's own (media uploads), which name their resources.
    expect(JSON.stringify(template.findResources('AWS::IAM::Role'))).not.toContain(':iam::aws:policy/');
  });

  it('grants item-level DynamoDB actions on the table and its named indexes only', () => {
    const statements = httpStatements(dev);
    const dynamo = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    const actions = asArray(dynamo[0]!.Action);
    expect([...actions].sort()).toEqual(
      ['BatchGetItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'].map((a) => `dynamodb:${a}`).sort(),
    );
    const resources = JSON.stringify(dynamo[0]!.Resource);
    expect(resources).not.toContain('*');
    for (const index of MAIN_TABLE.globalSecondaryIndexes) expect(resources).toContain(`/index/${index.name}`);
    expect(asArray(dynamo[0]!.Resource)).toHaveLength(1 + MAIN_TABLE.globalSecondaryIndexes.length);
  });

  it('uses no wildcard resource except for X-Ray, which has no resource-level permissions', () => {
    const wildcard = httpStatements(dev).filter((s) => asArray(s.Resource as string).includes('*'));
    expect(wildcard.flatMap((s) => asArray(s.Action)).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });

  it('reads the app secret and the origin-verify secret, uses the table key only via DynamoDB, and sends mail only as the sender', () => {
    const statements = httpStatements(dev);
    const find = (action: string) => statements.filter((s) => asArray(s.Action).includes(action));
    expect(find('secretsmanager:GetSecretValue')).toHaveLength(2);
    for (const read of find('secretsmanager:GetSecretValue')) expect(asArray(read.Resource)).toHaveLength(1);
    expect(JSON.stringify(find('kms:Decrypt')[0]!.Condition)).toContain('kms:ViaService');
    const ses = find('ses:SendEmail');
    expect(ses).toHaveLength(1);
    expect(asArray(ses[0]!.Action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(ses[0]!.Condition).toEqual({ StringEquals: { 'ses:FromAddress': dev.config.senderAddress } });
    expect(JSON.stringify(ses[0]!.Resource)).toContain('configuration-set/');
  });

  it('may only put media uploads into the site bucket, under media/', () => {
    expect(httpStatements(dev).filter((s) => asArray(s.Action).some((a) => a.startsWith('s3:')))).toEqual([]);
    const [policy] = Object.values(t(dev, 'web').findResources('AWS::IAM::ManagedPolicy', { Properties: { Description: Match.stringLikeRegexp('media kit uploads') } })) as {
      Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
    }[];
    const statements = policy!.Properties.PolicyDocument.Statement;
    expect(statements.map((s) => s.Action)).toEqual(['s3:PutObject']);
    expect(JSON.stringify(statements[0]!.Resource)).toMatch(/SiteBucket.*\/media\/\*/);
    const role = Object.values(t(dev, 'api').findResources('AWS::IAM::Role')).find((r) => JSON.stringify(r).includes('MediaUploads'));
    expect(role).toBeDefined();
  });

  it('routes ANY /{proxy+} and ANY /api/{proxy+} to the Lambda', () => {
    const template = t(dev, 'api');
    for (const routeKey of ['ANY /{proxy+}', 'ANY /api/{proxy+}']) template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
  });
});

describe('gateway stack', () => {
  it('throttles and access-logs the $default stage', () => {
    t(dev, 'gateway').hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });
});

describe('web stack', () => {
  it('never prunes media uploads or published campaign pages when the site is deployed', () => {
    const deployments = Object.values(t(dev, 'web').findResources('Custom::CDKBucketDeployment')) as { Properties: { Prune?: boolean; Exclude?: string[] } }[];
    const pruning = deployments.filter((d) => d.Properties.Prune !== false);
    expect(pruning.length).toBe(1);
    expect(pruning[0]!.Properties.Exclude).toEqual(expect.arrayContaining(['media/*', '*/campaigns/*']));
  });

  it('keeps every bucket private, encrypted and reachable over TLS only', () => {
    const template = t(dev, 'web');
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(2);
    for (const [id, bucket] of Object.entries(buckets) as [string, Resource][]) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
    template.hasResourceProperties('AWS::S3::Bucket', { LoggingConfiguration: { DestinationBucketName: Match.anyValue() } });
  });

  it('sends the strict CSP and HSTS on every behavior; only the console may also reach the bucket', () => {
    const template = t(dev, 'web');
    const policies = Object.entries(template.findResources('AWS::CloudFront::ResponseHeadersPolicy')) as [string, any][];
    const headers = (id: string) => policies.find(([logicalId]) => logicalId.startsWith(id))![1].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const site = headers('SecurityHeaders');
    expect(site.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: CSP, Override: true });
    expect(site.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    const consoleCsp = JSON.stringify(headers('ConsoleSecurityHeaders').ContentSecurityPolicy);
    expect(consoleCsp).toContain("connect-src 'self' https://");
    expect(consoleCsp).toContain('SiteBucket');
    // The console exchanges its sign-in code at the hosted sign-in: the default domain of the stage's pool.
    expect(consoleCsp).toContain('"blueheart-dev",{"Ref":"AWS::AccountId"}');
    expect(consoleCsp).toContain('.amazoncognito.com');
    expect(consoleCsp).toContain("script-src 'self'");
    const config = only(template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) expect(behavior.ResponseHeadersPolicyId).toBeDefined();
    const consoleBehavior = config.CacheBehaviors.find((b: any) => b.PathPattern === '/console/*');
    expect(JSON.stringify(consoleBehavior.ResponseHeadersPolicyId)).toContain('ConsoleSecurityHeaders');
    expect(JSON.stringify(config.DefaultCacheBehavior.ResponseHeadersPolicyId)).not.toContain('Console');
  });

  it('lets only the site origin PUT to the bucket (presigned media uploads)', () => {
    const bucket = Object.values(t(dev, 'web').findResources('AWS::S3::Bucket')).find((b: any) => b.Properties.CorsConfiguration) as any;
    expect(bucket.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ['PUT'], AllowedOrigins: ['https://*.cloudfront.net'] }),
    ]);
  });

  it('serves the bucket through OAC with directory indexes, and /api/* from the API uncached', () => {
    const template = t(dev, 'web');
    const config = only(template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Logging).toBeDefined();
    expect(config.Origins.find((o: any) => o.S3OriginConfig).OriginAccessControlId).toBeDefined();
    expect(config.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
    expect(config.CacheBehaviors.map((b: any) => b.PathPattern)).toEqual(['/console/*', '/api/pledges/stats*', '/api/*']);
    const [, stats, api] = config.CacheBehaviors;
    expect(api.CachePolicyId).toBe(CACHING_DISABLED);
    expect(stats.CachePolicyId).not.toBe(CACHING_DISABLED);
    for (const behavior of [stats, api]) expect(behavior.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST_HEADER);
    const honour = only(template, 'AWS::CloudFront::CachePolicy').Properties.CachePolicyConfig;
    expect({ min: honour.MinTTL, def: honour.DefaultTTL }).toEqual({ min: 0, def: 0 });
    expect(honour.MaxTTL).toBeGreaterThan(0);
    const apiOrigin = config.Origins.find((o: any) => o.CustomOriginConfig);
    expect(apiOrigin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
  });

  it('uses TLS 1.2+ for viewers when the site has its own domain', () => {
    const config = only(t(prod, 'web'), 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['blueheart.example.net']);
    expect(config.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
  });

  it('deploys the built site in two syncs and invalidates the distribution', () => {
    const deployments = Object.values(t(dev, 'web').findResources('Custom::CDKBucketDeployment')) as Resource[];
    expect(deployments).toHaveLength(2);
    const pages = deployments.find((d) => d.Properties.Prune === true)!;
    expect(pages.Properties.DistributionPaths).toEqual(['/*']);
    expect(deployments.find((d) => d.Properties.Prune === false)!.Properties.SystemMetadata['cache-control']).toContain('immutable');
  });

  it('leaves the bucket alone, with a warning, when the site was not built', () => {
    t(prod, 'web').resourceCountIs('Custom::CDKBucketDeployment', 0);
    Annotations.fromStack(prod.platform.web).hasWarning('*', Match.stringLikeRegexp('not deployed'));
  });
});

describe('directory index function', () => {
  type Result = { uri?: string; statusCode?: number; headers?: Record<string, { value: string }> };
  const handler = new Function(`${DIRECTORY_INDEX_FUNCTION_CODE}; return handler;`)() as (e: unknown) => Result;
  const rewrite = (uri: string) => handler({ request: { uri, querystring: {}, headers: {} } }).uri;
  const root = (acceptLanguage?: string) =>
    handler({ request: { uri: '/', querystring: {}, headers: acceptLanguage ? { 'accept-language': { value: acceptLanguage } } : {} } });

  it.each([
    [undefined, '/en/'],
    ['es-MX,es;q=0.9,en;q=0.8', '/es/'],
    ['de-DE,de;q=0.9,ar;q=0.5', '/ar/'],
    ['en;q=0.2, fr;q=0.9', '/fr/'],
    ['zh-Hans-CN', '/zh/'],
  ])('/ with Accept-Language %s → 302 %s', (header, location) => {
    const result = root(header);
    expect(result.statusCode).toBe(302);
    expect(result.headers?.location?.value).toBe(location);
  });

  it.each([
    ['/es/pledge/', '/es/pledge/index.html'],
    ['/es/pledge', '/es/pledge/index.html'],
    ['/assets/site.1c05bf9d12.js', '/assets/site.1c05bf9d12.js'],
    ['/favicon.svg', '/favicon.svg'],
    ['/v1.2/notes', '/v1.2/notes/index.html'],
  ])('%s → %s', (uri, expected) => expect(rewrite(uri)).toBe(expected));
});

describe('auth stack', () => {
  it('has the staff groups, admin-only sign-up and a strong password policy', () => {
    const template = t(dev, 'auth');
    for (const group of ['manager', 'finance', 'admin']) template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    const pool = only(template, 'AWS::Cognito::UserPool').Properties;
    expect(pool.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(pool.Policies.PasswordPolicy).toMatchObject({ RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true });
    expect(pool.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
    expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(only(t(prod, 'auth'), 'AWS::Cognito::UserPool').Properties.MfaConfiguration).toBe('ON');
  });

  it('gives the console a public client with the authorization code flow only', () => {
    const template = t(dev, 'auth');
    const client = only(template, 'AWS::Cognito::UserPoolClient').Properties;
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });
});

describe('tags', () => {
  it('tags resources with the project and the stage', () => {
    for (const [platform, stage] of [[dev, 'dev'], [prod, 'prod']] as const) {
      t(platform, 'data').hasResourceProperties('AWS::DynamoDB::Table', {
        Tags: Match.arrayWith([{ Key: 'project', Value: 'blue-heart-platform' }, { Key: 'stage', Value: stage }]),
      });
    }
  });
});

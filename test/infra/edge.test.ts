import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_RATE_LIMITS, PUBLIC_WRITE_PREFIXES } from '../../infra/stacks/edge-stack.js';
import { buildPlatform, removeTempDirs, type TestPlatform } from './support.js';

afterAll(removeTempDirs);

/** The CloudFront web ACL: filters requests for the site and the API at the edge. */
describe('edge stack (AWS WAF)', () => {
  let dev: TestPlatform;
  let acl: Record<string, any>;
  beforeAll(() => {
    dev = buildPlatform();
    acl = Object.values(Template.fromStack(dev.platform.edge!).findResources('AWS::WAFv2::WebACL'))[0]!.Properties;
  });
  const rule = (name: string) => acl.Rules.find((r: { Name: string }) => r.Name === name);

  it('is a CLOUDFRONT-scope ACL in us-east-1, attached to the distribution', () => {
    expect(dev.platform.edge!.region).toBe('us-east-1');
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    const web = Template.fromStack(dev.platform.web);
    const distribution = Object.values(web.findResources('AWS::CloudFront::Distribution'))[0] as any;
    // Read across regions from the edge stack's parameter as the web stack deploys.
    expect(JSON.stringify(distribution.Properties.DistributionConfig.WebACLId)).toContain('EdgeWebAcl');
    expect(JSON.stringify(web.findResources('Custom::AWS'))).toContain('/blue-heart/dev/edge-web-acl-arn');
    expect(dev.platform.web.dependencies).toContain(dev.platform.edge);
  });

  it('limits public writes and all requests per client address, answering 429 in JSON', () => {
    const writes = rule('public-writes-per-address');
    expect(writes.Statement.RateBasedStatement).toMatchObject({ Limit: EDGE_RATE_LIMITS.publicWritesPer5Min, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    const scope = JSON.stringify(writes.Statement.RateBasedStatement.ScopeDownStatement);
    expect(scope).toContain('"SearchString":"POST"');
    for (const prefix of PUBLIC_WRITE_PREFIXES) expect(scope).toContain(`"SearchString":"${prefix}"`);
    expect(writes.Action.Block.CustomResponse).toEqual({ ResponseCode: 429, CustomResponseBodyKey: 'rate-limited' });
    const all = rule('all-requests-per-address');
    expect(all.Statement.RateBasedStatement.Limit).toBe(EDGE_RATE_LIMITS.allRequestsPer5Min);
    // Stripe's events are not counted against Stripe's few addresses.
    expect(JSON.stringify(all.Statement.RateBasedStatement.ScopeDownStatement.NotStatement)).toContain('/api/stripe/webhook');
    const body = JSON.parse(acl.CustomResponseBodies['rate-limited'].Content);
    expect(body.error.code).toBe('rate_limited');
    expect(acl.CustomResponseBodies['rate-limited'].ContentType).toBe('APPLICATION_JSON');
  });

  it('runs the managed rules, counting only the body size rule the API enforces itself', () => {
    const managed = acl.Rules.filter((r: any) => r.Statement.ManagedRuleGroupStatement).map((r: any) => r.Statement.ManagedRuleGroupStatement);
    expect(managed.map((m: any) => m.Name)).toEqual(['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesCommonRuleSet']);
    expect(managed[2].RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
  });

  it('logs to a WAF log group with the Authorization header redacted', () => {
    const edge = Template.fromStack(dev.platform.edge!);
    edge.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: 'aws-waf-logs-blue-heart-dev', RetentionInDays: 30 });
    edge.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', { RedactedFields: [{ SingleHeader: { Name: 'authorization' } }] });
  });

  it('is left out when the webAclArn context brings an ACL', () => {
    const arn = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/blue-heart/abc';
    const own = buildPlatform({ webAclArn: arn });
    expect(own.platform.edge).toBeUndefined();
    const distribution = Object.values(Template.fromStack(own.platform.web).findResources('AWS::CloudFront::Distribution'))[0] as any;
    expect(distribution.Properties.DistributionConfig.WebACLId).toBe(arn);
  });
});

import { ArnFormat, CfnOutput, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { stagePolicy, type StageStackProps } from './stage.js';

/**
 * The public write endpoints (browsers POST to them without signing in): the rate-based rule
 * counts these per client address. The Stripe webhook is not among them: Stripe's few
 * addresses send every event, and the webhook checks Stripe's signature itself.
 */
export const PUBLIC_WRITE_PREFIXES = ['/api/pledges', '/api/donations', '/api/social/', '/api/privacy/'] as const;

/**
 * Requests per client address per 5 minutes. Generous on purpose: a school or an office behind
 * one NAT address pledges together on World Day, and the API keeps its own finer limits (per
 * email address, per IP, per domain, proof of work). These stop floods, not people.
 */
export const EDGE_RATE_LIMITS = { publicWritesPer5Min: 300, allRequestsPer5Min: 3_000 } as const;

/** Where the web stack (in the platform's own region) finds the ACL: an SSM parameter in us-east-1. */
export const webAclParameterName = (stage: string) => `/blue-heart/${stage}/edge-web-acl-arn`;

/** us-east-1 is the only region where CloudFront reads WAF web ACLs and certificates. */
export const EDGE_REGION = 'us-east-1';

const RATE_LIMITED_BODY = 'rate-limited';

/**
 * AWS WAF for the CloudFront distribution, which fronts both the site and the API (HTTP APIs
 * take no WAF of their own, so the edge is where requests are filtered). Deployed to us-east-1
 * (CLOUDFRONT scope), whatever the platform's region:
 * - rate-based rules per client address: public writes, and everything;
 * - AWS managed rules: the IP reputation list, known bad inputs, and the common rule set (its
 *   8 KB body limit only counts: the API refuses bodies over 16 KB itself, and Stripe's events
 *   can be larger);
 * - blocked requests get a JSON answer the site's scripts show like any API error;
 * - a WAF log (client addresses, so kept like the access logs; the Authorization header redacted).
 */
export class EdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: StageStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: EDGE_REGION } });
    const { accessLogRetention, removalPolicy } = stagePolicy(props.stage);
    const name = `blue-heart-${props.stage}`;
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName: `${name}-${metricName}`,
      sampledRequestsEnabled: true,
    });
    const blockWith429 = { block: { customResponse: { responseCode: 429, customResponseBodyKey: RATE_LIMITED_BODY } } };
    const managed = (priority: number, ruleName: string, overrides: string[] = []): wafv2.CfnWebACL.RuleProperty => ({
      name: ruleName,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: ruleName,
          ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
        },
      },
      visibilityConfig: visibility(ruleName),
    });
    const pathStartsWith = (prefix: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: prefix,
        textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
      },
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name,
      description: 'Blue Heart: rate limits per client address and AWS managed rules, in front of the site and the API',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      customResponseBodies: {
        [RATE_LIMITED_BODY]: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests from your network. Please try again in a few minutes.' } }),
        },
      },
      rules: [
        {
          name: 'public-writes-per-address',
          priority: 0,
          action: blockWith429,
          statement: {
            rateBasedStatement: {
              limit: EDGE_RATE_LIMITS.publicWritesPer5Min,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                andStatement: {
                  statements: [
                    { byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: 'EXACTLY', searchString: 'POST', textTransformations: [{ priority: 0, type: 'NONE' }] } },
                    { orStatement: { statements: PUBLIC_WRITE_PREFIXES.map(pathStartsWith) } },
                  ],
                },
              },
            },
          },
          visibilityConfig: visibility('public-writes-per-address'),
        },
        {
          name: 'all-requests-per-address',
          priority: 1,
          action: blockWith429,
          statement: {
            rateBasedStatement: {
              limit: EDGE_RATE_LIMITS.allRequestsPer5Min,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              // Stripe's events come from a few addresses, in bursts after an outage.
              scopeDownStatement: { notStatement: { statement: pathStartsWith('/api/stripe/webhook') } },
            },
          },
          visibilityConfig: visibility('all-requests-per-address'),
        },
        managed(2, 'AWSManagedRulesAmazonIpReputationList'),
        managed(3, 'AWSManagedRulesKnownBadInputsRuleSet'),
        managed(4, 'AWSManagedRulesCommonRuleSet', ['SizeRestrictions_BODY']),
      ],
      visibilityConfig: visibility('web-acl'),
    });

    // WAF only writes to log groups named aws-waf-logs-*.
    const log = new logs.LogGroup(this, 'WafLog', { logGroupName: `aws-waf-logs-${name}`, retention: accessLogRetention, removalPolicy });
    new wafv2.CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [Stack.of(this).formatArn({ service: 'logs', resource: 'log-group', resourceName: log.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }],
    });

    new ssm.StringParameter(this, 'WebAclArn', {
      parameterName: webAclParameterName(props.stage),
      description: 'Blue Heart: the CloudFront web ACL, read by the web stack in the platform region',
      stringValue: this.webAcl.attrArn,
    });
    new CfnOutput(this, 'WebAclArnOutput', { value: this.webAcl.attrArn });
  }
}

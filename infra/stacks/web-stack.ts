import { CfnOutput, Duration, SecretValue, Stack, type CfnElement } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { DIRECTORY_INDEX_FUNCTION_CODE } from '../constructs/directory-index.js';
import { SiteDeployment } from '../constructs/site-deployment.js';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../functions/http/security-headers.js';
import { ORIGIN_VERIFY_HEADER } from '../../functions/http/middleware/origin-verify.js';
import { hostedSignInUrl } from './auth-stack.js';
import { EDGE_REGION, webAclParameterName } from './edge-stack.js';
import { acknowledge } from '../nag.js';
import { stagePolicy, type StageStackProps } from './stage.js';

/**
 * One policy for pages and API alike, shared with the local server: everything is served from
 * our own origin, nothing inline. A page that needs an inline script, a third-party host or a
 * cross-origin fetch must change functions/http/security-headers.ts, on purpose.
 */
export { CONTENT_SECURITY_POLICY };

/** Public, cacheable API paths: CloudFront keeps them only as long as the API's Cache-Control says. */
export const API_CACHEABLE_PATH = '/api/pledges/stats*';
/** The longest any API response may stay at the edge, whatever its Cache-Control says. */
export const API_MAX_EDGE_TTL = Duration.minutes(5);

export interface WebStackProps extends StageStackProps {
  /** Built static site (web/dist). Omitted: the stack leaves the bucket's content alone. */
  webAssetPath?: string;
  /** Host name of the HTTP API (GatewayStack.originDomainName). */
  apiOriginDomainName: string;
  domainName?: string;
  certificateArn?: string;
  webAclArn?: string;
  /** The Cognito hosted sign-in's domain prefix, when not the default (auth-stack.ts). */
  authDomainPrefix?: string;
  /** The origin-verify secret's version CloudFront sends; set when rotating it (docs/deploy.md). */
  originVerifySecretVersion?: string;
}

/** The public site: a private bucket behind CloudFront, which also fronts the API under /api/*. */
export class WebStack extends Stack {
  readonly distribution: cloudfront.Distribution;
  readonly siteBucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  /**
   * Everything publishing may do to the site, defined beside the bucket and distribution it names:
   * write and remove objects of this bucket, list it, invalidate this distribution.
   */
  readonly sitePublishingPolicy: iam.ManagedPolicy;
  /** What presigning a media kit upload needs: put objects under media/, nothing else. */
  readonly mediaUploadPolicy: iam.ManagedPolicy;
  /** The URL visitors use: the custom domain, or the distribution's own name. */
  readonly publicUrl: string;
  /**
   * The value CloudFront sends the API in X-Origin-Verify, and the API checks
   * (functions/http/middleware/origin-verify.ts): only requests that came through the
   * distribution and its WAF carry it. Here, beside the distribution that reads it, so the
   * dynamic reference names a secret of the same stack; the API and payments stacks deploy later.
   */
  readonly originVerifySecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { prod, removalPolicy, logRetention, accessLogRetentionDays } = stagePolicy(props.stage);
    const autoDeleteObjects = !prod;

    this.logBucket = new s3.Bucket(this, 'LogBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are written with an ACL grant, which needs ACLs enabled.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(accessLogRetentionDays) }],
      removalPolicy,
      autoDeleteObjects,
    });

    this.siteBucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // The console PUTs media kit files to presigned URLs from the site's own origin.
      cors: [
        {
          allowedMethods: [s3.HttpMethods.PUT],
          allowedOrigins: [props.domainName ? `https://${props.domainName}` : 'https://*.cloudfront.net'],
          allowedHeaders: ['Content-Type', 'Cache-Control'],
          maxAge: 3_600,
        },
      ],
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3-access/site/',
      removalPolicy,
      autoDeleteObjects,
    });

    const headersPolicy = (id: string, comment: string, csp: string) => new cloudfront.ResponseHeadersPolicy(this, id, {
      comment,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        // The legacy XSS auditor is gone from browsers; `0` stops old ones from misusing it.
        xssProtection: { protection: false, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()', override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });
    const securityHeaders = headersPolicy('SecurityHeaders', 'Blue Heart: CSP, HSTS and the other security headers, on every response', CONTENT_SECURITY_POLICY);
    // The console also sends media kit files straight to the bucket (presigned PUTs), and
    // exchanges its sign-in code at the hosted sign-in's token endpoint; only it.
    const consoleHeaders = headersPolicy(
      'ConsoleSecurityHeaders',
      'Blue Heart console: the site policy, plus uploads to the site bucket and the sign-in token endpoint',
      contentSecurityPolicy({ connectSrc: [`https://${this.siteBucket.bucketRegionalDomainName}`, hostedSignInUrl(this, props.stage, props.authDomainPrefix)] }),
    );

    const directoryIndex = new cloudfront.Function(this, 'DirectoryIndex', {
      comment: 'Maps /xx/page/ and /xx/page to /xx/page/index.html',
      code: cloudfront.FunctionCode.fromInline(DIRECTORY_INDEX_FUNCTION_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });

    this.originVerifySecret = this.createOriginVerifySecret(props);
    const apiOrigin = new origins.HttpOrigin(props.apiOriginDomainName, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      // A CloudFormation dynamic reference ({{resolve:secretsmanager:…}}), resolved as the
      // distribution is created or updated: the value is in CloudFront's configuration, never in
      // the template. CloudFormation resolves it again only when the reference's text changes,
      // hence the version id when rotating.
      customHeaders: {
        [ORIGIN_VERIFY_HEADER]: SecretValue.secretsManager(this.originVerifySecret.secretArn, { versionId: props.originVerifySecretVersion }).unsafeUnwrap(),
      },
    });
    // TTL 0 unless the API says otherwise: a response is cached only when it carries Cache-Control
    // max-age/s-maxage (the stats endpoint does), and never longer than API_MAX_EDGE_TTL.
    const honourOriginCache = new cloudfront.CachePolicy(this, 'ApiHonoursOriginCache', {
      comment: 'Blue Heart API: cache only what the origin marks cacheable',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: API_MAX_EDGE_TTL,
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const apiBehavior = (cachePolicy: cloudfront.ICachePolicy, allowedMethods: cloudfront.AllowedMethods): cloudfront.BehaviorOptions => ({
      origin: apiOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods,
      cachePolicy,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: securityHeaders,
      compress: true,
    });

    const customDomain = props.domainName && props.certificateArn
      ? {
          domainNames: [props.domainName],
          certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
          minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
        }
      : {};

    const siteBehavior = (responseHeadersPolicy: cloudfront.IResponseHeadersPolicy): cloudfront.BehaviorOptions => ({
      origin: siteOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy,
      functionAssociations: [{ function: directoryIndex, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      compress: true,
    });
    const siteOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.siteBucket);

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Blue Heart ${props.stage}`,
      defaultRootObject: 'index.html',
      defaultBehavior: siteBehavior(securityHeaders),
      // Order matters: CloudFront takes the first pattern that matches.
      additionalBehaviors: {
        '/console/*': siteBehavior(consoleHeaders),
        [API_CACHEABLE_PATH]: apiBehavior(honourOriginCache, cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS),
        '/api/*': apiBehavior(cloudfront.CachePolicy.CACHING_DISABLED, cloudfront.AllowedMethods.ALLOW_ALL),
      },
      ...customDomain,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      webAclId: props.webAclArn ?? this.edgeWebAclArn(props.stage),
    });
    this.publicUrl = `https://${props.domainName ?? this.distribution.distributionDomainName}`;

    this.acknowledgeDistributionFindings(props);
    this.sitePublishingPolicy = this.createSitePublishingPolicy();
    this.mediaUploadPolicy = this.createMediaUploadPolicy();
    if (props.webAssetPath) {
      new SiteDeployment(this, 'Site', {
        source: props.webAssetPath,
        bucket: this.siteBucket,
        distribution: this.distribution,
        logRetention,
        removalPolicy,
      });
    }

    new CfnOutput(this, 'PublicUrl', { value: this.publicUrl });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
    new CfnOutput(this, 'OriginVerifySecretArn', {
      value: this.originVerifySecret.secretArn,
      description: 'What CloudFront sends the API in X-Origin-Verify (rotating it: docs/deploy.md)',
    });
  }

  private createOriginVerifySecret(props: WebStackProps): secretsmanager.Secret {
    const secret = new secretsmanager.Secret(this, 'OriginVerifySecret', {
      description: `Blue Heart ${props.stage}: the value CloudFront sends the API in ${ORIGIN_VERIFY_HEADER}; the API refuses requests without it (they went around CloudFront and its WAF)`,
      // Plain characters: the value travels as an HTTP header.
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: stagePolicy(props.stage).removalPolicy,
    });
    acknowledge(
      secret,
      'AwsSolutions-SMG4',
      "Rotated by hand (docs/deploy.md): a Lambda rotation would change the value while CloudFront keeps sending the old one, since CloudFormation re-reads a dynamic reference only when its text changes. The API accepts the current and the previous version, so a new value, then a Web deploy with its version id, never locks the API out.",
    );
    return secret;
  }

  private createSitePublishingPolicy(): iam.ManagedPolicy {
    const policy = new iam.ManagedPolicy(this, 'SitePublishing', {
      description: 'Blue Heart: publish campaign pages to the site bucket and invalidate its distribution, nothing else',
      statements: [
        new iam.PolicyStatement({ sid: 'WriteSitePages', actions: ['s3:PutObject', 's3:DeleteObject'], resources: [this.siteBucket.arnForObjects('*')] }),
        new iam.PolicyStatement({ sid: 'ListSitePages', actions: ['s3:ListBucket'], resources: [this.siteBucket.bucketArn] }),
        new iam.PolicyStatement({ sid: 'InvalidateSite', actions: ['cloudfront:CreateInvalidation'], resources: [this.distribution.distributionArn] }),
      ],
    });
    const siteObjects = `<${this.getLogicalId(this.siteBucket.node.defaultChild as CfnElement)}.Arn>/*`;
    acknowledge(
      policy,
      `AwsSolutions-IAM5[Resource::${siteObjects}]`,
      'Publishing writes and removes page objects whose keys depend on the campaigns (es/campaigns/2027/index.html …), in the site bucket only; no other bucket.',
    );
    return policy;
  }

  private createMediaUploadPolicy(): iam.ManagedPolicy {
    const policy = new iam.ManagedPolicy(this, 'MediaUploads', {
      description: 'Blue Heart: presign media kit uploads into the site bucket under media/, nothing else',
      statements: [new iam.PolicyStatement({ sid: 'PutMedia', actions: ['s3:PutObject'], resources: [this.siteBucket.arnForObjects('media/*')] })],
    });
    const mediaObjects = `<${this.getLogicalId(this.siteBucket.node.defaultChild as CfnElement)}.Arn>/media/*`;
    acknowledge(
      policy,
      `AwsSolutions-IAM5[Resource::${mediaObjects}]`,
      'Managers upload media kit files under names chosen at upload time (media/2027/poster-1a2b.png); only PutObject, only under media/, only in the site bucket.',
    );
    return policy;
  }

  /**
   * The edge stack's web ACL (us-east-1), read from its SSM parameter there: stacks in two
   * regions cannot reference each other's resources directly.
   */
  private edgeWebAclArn(stage: string): string {
    const parameterName = webAclParameterName(stage);
    const read = new cr.AwsCustomResource(this, 'EdgeWebAcl', {
      onUpdate: {
        service: 'SSM',
        action: 'getParameter',
        parameters: { Name: parameterName },
        region: EDGE_REGION,
        // The ACL keeps its name and ARN; a replaced ACL would need this stack deployed again.
        physicalResourceId: cr.PhysicalResourceId.of(parameterName),
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({
        resources: [this.formatArn({ service: 'ssm', region: EDGE_REGION, resource: 'parameter', resourceName: parameterName.slice(1) })],
      }),
      installLatestAwsSdk: false,
    });
    // The custom resources' shared function, one per stack.
    const provider = this.node.findChild(cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '').replace(/^/, 'AWS'));
    acknowledge(
      provider,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      "CDK's AwsCustomResource function, which reads the web ACL's ARN from SSM in us-east-1 while the stack deploys: the managed policy grants only writing its own logs.",
    );
    return read.getResponseField('Parameter.Value');
  }

  private acknowledgeDistributionFindings(props: WebStackProps): void {
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction by design: the campaign is global, and visitors in high-risk countries are the audience.',
    );
    if (!props.domainName) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'Without a custom domain the distribution uses the *.cloudfront.net certificate, whose minimum protocol CloudFront fixes; with domainName + certificateArn the viewer policy is TLSv1.2_2021.',
      );
    }
  }
}

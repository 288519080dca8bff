import { Duration, Stack, type CfnElement, type RemovalPolicy } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type IConstruct } from 'constructs';
import { acknowledge } from '../nag.js';

/** The web build writes content-hashed files here; they never change, so browsers may keep them a year. */
export const HASHED_ASSETS_DIR = 'assets';

/** What only managers' actions put in the bucket (uploads, published campaign pages). */
export const PUBLISHED_ONLY_PATHS = ['media/*', '*/campaigns/*'];

export interface SiteDeploymentProps {
  /** The built site (web/dist). */
  source: string;
  bucket: s3.Bucket;
  distribution: cloudfront.IDistribution;
  logRetention: logs.RetentionDays;
  removalPolicy: RemovalPolicy;
}

/**
 * Uploads the built site in two syncs from the same build: content-hashed assets first
 * (immutable, kept across deploys so pages still cached in browsers find them), then the pages
 * (revalidated on every visit, pruned, and the distribution invalidated).
 */
export class SiteDeployment extends Construct {
  constructor(scope: Construct, id: string, props: SiteDeploymentProps) {
    super(scope, id);
    const source = s3deploy.Source.asset(props.source);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: props.removalPolicy });
    const common = { sources: [source], destinationBucket: props.bucket, memoryLimit: 512, logGroup };

    const assets = new s3deploy.BucketDeployment(this, 'HashedAssets', {
      ...common,
      exclude: ['*'],
      include: [`${HASHED_ASSETS_DIR}/*`],
      prune: false,
      cacheControl: [s3deploy.CacheControl.setPublic(), s3deploy.CacheControl.maxAge(Duration.days(365)), s3deploy.CacheControl.immutable()],
    });
    const pages = new s3deploy.BucketDeployment(this, 'Pages', {
      ...common,
      // Excluded paths are neither uploaded nor pruned: managers' media uploads and the pages the
      // publish function writes for live campaigns must survive a deploy.
      exclude: [`${HASHED_ASSETS_DIR}/*`, ...PUBLISHED_ONLY_PATHS],
      prune: true,
      cacheControl: [s3deploy.CacheControl.setPublic(), s3deploy.CacheControl.maxAge(Duration.seconds(0)), s3deploy.CacheControl.mustRevalidate()],
      distribution: props.distribution,
      distributionPaths: ['/*'],
    });
    pages.node.addDependency(assets);

    acknowledgeDeploymentHandler(Stack.of(this), props.bucket);
  }
}

/**
 * BucketDeployment runs a CDK-owned singleton Lambda, created at stack level, whose role and
 * runtime CDK fixes. It runs only while CloudFormation deploys; these are its findings.
 */
function acknowledgeDeploymentHandler(stack: Stack, bucket: s3.Bucket): void {
  const handler = stack.node.children.find((child: IConstruct) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!handler) throw new Error('BucketDeployment handler not found: aws-cdk-lib changed how it names it');
  const ack = (rule: string, reason: string) => acknowledge(handler, rule, reason);
  const assetBucket = 'arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*';
  const siteObjects = `<${stack.getLogicalId(bucket.node.defaultChild as CfnElement)}.Arn>/*`;

  ack(
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'CDK attaches the basic execution policy to its deployment handler (CloudWatch Logs writes only); the role is not configurable.',
  );
  ack(`AwsSolutions-IAM5[Resource::${assetBucket}]`, 'Read-only access to the objects of the CDK bootstrap asset bucket, where the site zip is staged.');
  for (const action of ['s3:GetBucket*', 's3:GetObject*', 's3:List*']) {
    ack(`AwsSolutions-IAM5[Action::${action}]`, 'CDK grants read actions by prefix to fetch the staged zip and to list the site bucket before a sync.');
  }
  ack(`AwsSolutions-IAM5[Resource::${siteObjects}]`, 'The deployment writes and prunes objects of the site bucket, and of no other bucket.');
  for (const action of ['s3:Abort*', 's3:DeleteObject*']) {
    ack(`AwsSolutions-IAM5[Action::${action}]`, 'Pruning deletes pages gone from the build and aborts failed multipart uploads, in the site bucket only.');
  }
  ack(
    'AwsSolutions-IAM5[Resource::*]',
    'CDK grants cloudfront:CreateInvalidation and GetInvalidation on every distribution; the handler only invalidates the one passed to it.',
  );
  ack('AwsSolutions-L1', 'aws-cdk-lib fixes the deployment handler runtime (Python); it moves to newer runtimes when aws-cdk-lib is upgraded.');
}

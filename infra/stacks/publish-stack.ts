import path from 'node:path';
import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { PlatformConfig } from '../config.js';
import { AppFunction, REPO_ROOT } from '../constructs/app-function.js';
import { stagePolicy, type StageStackProps } from './stage.js';

/** What the publish function reads: the campaign records and the pledge counters, by key only. */
export const PUBLISH_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query'] as const;

export interface PublishStackProps extends StageStackProps {
  table: dynamodb.ITable;
  tableKey: kms.IKey;
  siteBucket: s3.IBucket;
  distribution: cloudfront.IDistribution;
  /** WebStack.sitePublishingPolicy: write this bucket, invalidate this distribution. */
  sitePublishingPolicy: iam.IManagedPolicy;
  publicUrl: string;
  logLevel: PlatformConfig['logLevel'];
  bundling?: boolean;
}

/**
 * The publish function (functions/handlers/publish-site.ts): renders the campaign pages and
 * writes them to the site bucket, then invalidates the distribution. It is the only code that
 * writes the bucket outside a deploy, so it sits between Web (bucket, distribution) and Api
 * (which invokes it), and may touch that bucket and that distribution and nothing else.
 */
export class PublishStack extends Stack {
  readonly publisher: AppFunction;

  constructor(scope: Construct, id: string, props: PublishStackProps) {
    super(scope, id, props);
    const { removalPolicy, logRetention } = stagePolicy(props.stage);

    this.publisher = new AppFunction(this, 'Publish', {
      entry: path.join(REPO_ROOT, 'functions/handlers/publish-site.ts'),
      description: `Blue Heart ${props.stage}: publish the campaign pages to the site`,
      environment: {
        STAGE: props.stage,
        TABLE_NAME: props.table.tableName,
        SITE_BUCKET: props.siteBucket.bucketName,
        DISTRIBUTION_ID: props.distribution.distributionId,
        PUBLIC_URL: props.publicUrl,
        LOG_LEVEL: props.logLevel,
      },
      logRetention,
      removalPolicy,
      bundling: props.bundling,
      memorySize: 1024,
      timeout: Duration.seconds(60),
    });
    this.grantLeastPrivilege(props);
    new CfnOutput(this, 'PublishFunctionName', { value: this.publisher.function.functionName });
  }

  private grantLeastPrivilege(props: PublishStackProps): void {
    const role = this.publisher.role;
    const statement = (sid: string, actions: string[], resources: string[], conditions?: Record<string, unknown>) =>
      role.addToPrincipalPolicy(new iam.PolicyStatement({ sid, actions, resources, conditions }));

    statement('ReadCampaignsAndCounters', [...PUBLISH_TABLE_ACTIONS], [props.table.tableArn]);
    statement('TableKeyViaDynamoDb', ['kms:Decrypt'], [props.tableKey.keyArn], {
      StringEquals: { 'kms:ViaService': `dynamodb.${this.region}.${this.urlSuffix}` },
    });
    // Bucket and distribution rights come from the Web stack, which owns both (see WebStack).
    role.addManagedPolicy(props.sitePublishingPolicy);
  }
}


import { Duration, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { MAIN_TABLE, type TableDefinition } from '../../functions/adapters/dynamodb/table-definition.js';
import { SOCIAL_TOKEN_CONTEXT } from '../constructs/app-context.js';
import { acknowledge } from '../nag.js';
import { stagePolicy, type StageStackProps } from './stage.js';

export interface DataStackProps extends StageStackProps {
  /** The table's shape; the platform's single definition unless a test swaps it. */
  definition?: TableDefinition;
}

/**
 * The platform's state: the one DynamoDB table (built from MAIN_TABLE), its key, the app secret,
 * and the key that seals social-network credentials.
 */
export class DataStack extends Stack {
  readonly table: dynamodb.Table;
  readonly tableKey: kms.Key;
  readonly appSecret: secretsmanager.Secret;
  /**
   * Seals the credentials supporters lend and the organisation connects (KmsTokenBox). Here, with
   * the table that holds the sealed tokens, because two stacks use it: the API seals (Encrypt
   * only) and the social worker opens (Decrypt only), each granted in its own stack with the
   * encryption context as a condition (infra/constructs/app-context.ts, grantSocialTokenKey).
   */
  readonly socialTokenKey: kms.Key;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { prod, removalPolicy } = stagePolicy(props.stage);
    const definition = props.definition ?? MAIN_TABLE;

    this.tableKey = new kms.Key(this, 'TableKey', {
      description: `Blue Heart ${props.stage}: encrypts the main DynamoDB table (pledges hold personal data)`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(prod ? 30 : 7),
      removalPolicy,
    });

    const stringKey = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: stringKey(definition.partitionKey),
      sortKey: stringKey(definition.sortKey),
      timeToLiveAttribute: definition.timeToLiveAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.tableKey,
      deletionProtection: prod,
      removalPolicy,
    });
    for (const index of definition.globalSecondaryIndexes) {
      // Same projection as the local table (functions/adapters/dynamodb/create-table.ts).
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        ...(index.projectedAttributes === 'all'
          ? { projectionType: dynamodb.ProjectionType.ALL }
          : { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: index.projectedAttributes }),
      });
    }

    this.socialTokenKey = new kms.Key(this, 'SocialTokenKey', {
      description: `Blue Heart ${props.stage}: seals the social-network credentials supporters lend (encryption context purpose=social-token)`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(prod ? 30 : 7),
      removalPolicy,
    });
    // Whoever holds kms:* on this key (an administrator included) still cannot encrypt or decrypt
    // with it outside the social-token context: a ciphertext made for anything else is refused.
    this.socialTokenKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'SocialTokensOnly',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringNotEquals: { ...SOCIAL_TOKEN_CONTEXT } },
      }),
    );

    // A plain random string (no JSON template): functions/config/app-secret.ts reads SecretString as is.
    this.appSecret = new secretsmanager.Secret(this, 'AppSecret', {
      description: `Blue Heart ${props.stage}: the one random secret every signing and hashing key is derived from`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy,
    });
    acknowledge(
      this.appSecret,
      'AwsSolutions-SMG4',
      'Not rotated automatically: the keyed email hashes that deduplicate pledges and the signed confirmation links are derived from this secret, so a rotation must be a planned re-keying (docs/deploy.md), not a timer.',
    );
  }
}

import { RemovalPolicy, type StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { DeployStage } from '../config.js';

export interface StageStackProps extends StackProps {
  stage: DeployStage;
}

/**
 * What differs by stage, in one place: prod keeps its data and logs when a stack is deleted and
 * refuses deletion of the table and user pool; dev and test clean up after themselves.
 */
export function stagePolicy(stage: DeployStage) {
  const prod = stage === 'prod';
  return {
    prod,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    logRetention: prod ? logs.RetentionDays.SIX_MONTHS : logs.RetentionDays.ONE_MONTH,
    /** Access logs hold IP addresses: kept long enough to investigate abuse, no longer. */
    accessLogRetention: prod ? logs.RetentionDays.THREE_MONTHS : logs.RetentionDays.ONE_MONTH,
    accessLogRetentionDays: prod ? 90 : 30,
  };
}

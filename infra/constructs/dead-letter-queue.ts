import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

const DEAD_LETTER_QUEUES = new WeakSet<sqs.IQueue>();

/** Whether `queue` was made by `deadLetterQueue` (the dashboard charts each one's depth). */
export const isDeadLetterQueue = (queue: sqs.IQueue): boolean => DEAD_LETTER_QUEUES.has(queue);

/**
 * A dead-letter queue as every one of the platform's is: encrypted, TLS only, messages kept 14
 * days (time to fix what failed and redrive). cdk-nag's SQS3 recognises only redrive policies, so
 * a queue used as an on-failure destination says why it needs no dead-letter queue of its own
 * (`destinationOf`); one named in a redrive policy needs nothing.
 */
export function deadLetterQueue(scope: Construct, id: string, destinationOf?: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
  DEAD_LETTER_QUEUES.add(queue);
  if (destinationOf) {
    acknowledge(queue, 'AwsSolutions-SQS3', `This queue is itself the dead-letter queue (on-failure destination) of ${destinationOf}; cdk-nag only recognises SQS redrive policies.`);
  }
  return queue;
}

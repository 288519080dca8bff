import { createHash } from 'node:crypto';
import { SQSClient } from '@aws-sdk/client-sqs';

export const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/111122223333/BlueHeart-dev-Social-Deliveries';

export interface SeenEntry {
  Id: string;
  MessageBody: string;
  DelaySeconds?: number;
}

export interface SeenBatch {
  target: string;
  headers: Record<string, string>;
  hostname: string;
  queueUrl: string;
  entries: SeenEntry[];
}

/** How the fake answers one entry: taken, or failed the way SQS reports it. */
export type EntryAnswer = 'ok' | { code: string; senderFault: boolean; message?: string };

/**
 * An SQS client whose middleware stack answers instead of the network: the innermost middleware
 * (deserialize step) sees each request as it would leave (AWS JSON 1.0, serialized and signed),
 * records it, and answers in SQS's shape — including the MD5 of every body, which the client
 * checks as it would against SQS. `answer` decides each entry's fate (call number from 1).
 */
export function interceptedSqs(answer: (entry: SeenEntry, call: number) => EntryAnswer = () => 'ok'): { sqs: SQSClient; calls: SeenBatch[]; taken: SeenEntry[] } {
  const sqs = new SQSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 });
  const calls: SeenBatch[] = [];
  const taken: SeenEntry[] = [];
  sqs.middlewareStack.add(
    () => async (args) => {
      const request = args.request as { headers: Record<string, string>; hostname: string; body: string | Uint8Array };
      const text = typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('utf8');
      const body = JSON.parse(text) as { QueueUrl: string; Entries: SeenEntry[] };
      const target = request.headers['x-amz-target'] ?? '';
      calls.push({ target, headers: request.headers, hostname: request.hostname, queueUrl: body.QueueUrl, entries: body.Entries });
      const reply = (statusCode: number, payload: unknown) => ({
        response: { statusCode, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: new TextEncoder().encode(JSON.stringify(payload)) },
      });
      if (target !== 'AmazonSQS.SendMessageBatch') return reply(400, { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: target });
      const Successful: unknown[] = [];
      const Failed: unknown[] = [];
      for (const entry of body.Entries) {
        const fate = answer(entry, calls.length);
        if (fate === 'ok') {
          taken.push(entry);
          Successful.push({ Id: entry.Id, MessageId: `m-${calls.length}-${entry.Id}`, MD5OfMessageBody: createHash('md5').update(entry.MessageBody).digest('hex') });
        } else {
          Failed.push({ Id: entry.Id, SenderFault: fate.senderFault, Code: fate.code, ...(fate.message ? { Message: fate.message } : {}) });
        }
      }
      return reply(200, { Successful, Failed });
    },
    { step: 'deserialize', priority: 'low', name: 'answerLikeSqs' },
  );
  return { sqs, calls, taken };
}

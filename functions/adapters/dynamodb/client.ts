import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { traced } from '../aws/traced-client.js';

export interface DynamoConnection {
  region: string;
  /** Set for DynamoDB Local; unset on AWS. */
  endpoint?: string | undefined;
}

/** A document client that drops undefined attributes, so optional fields simply stay absent. */
export function createDocumentClient(connection: DynamoConnection): DynamoDBDocumentClient {
  const client = traced(
    new DynamoDBClient({
      region: connection.region,
      ...(connection.endpoint
        ? { endpoint: connection.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
      maxAttempts: 5,
    }),
  );
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

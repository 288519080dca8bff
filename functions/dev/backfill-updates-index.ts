import { createDocumentClient } from '../adapters/dynamodb/client.js';
import { backfillUpdatesIndex } from '../adapters/dynamodb/backfill-updates-index.js';

/**
 * Once, after the updates index (GSI4) is deployed to a table that already holds pledges:
 *   TABLE_NAME=<table> AWS_REGION=<region> npx tsx functions/dev/backfill-updates-index.ts
 * (DYNAMODB_ENDPOINT=<url> for a local engine; `npm start` does it by itself when it adds the
 * index to its DATA_DIR table). It Scans and updates pledges: run it with an operator's
 * credentials, never a function's. Safe to run again, and while the platform runs.
 */
const tableName = process.env.TABLE_NAME;
const region = process.env.AWS_REGION;
if (!tableName || !region) {
  console.error('Set TABLE_NAME and AWS_REGION (and DYNAMODB_ENDPOINT for a local engine).');
  process.exit(2);
}
const documents = createDocumentClient({ region, ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}) });
const { read, indexed } = await backfillUpdatesIndex(documents, tableName);
console.log(`Read ${read} confirmed pledges without the index keys; put ${indexed} who asked for updates on the updates index.`);
documents.destroy();

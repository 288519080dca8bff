import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountAuditEntry, AccountChange, OrganisationAccount, OrganisationAccountStore } from '../../domain/social/organisation-accounts.js';
import { DynamoAccountStore, fromItem } from './dynamo-account-store.js';

/**
 * The organisation's own accounts, in the same items as supporters' lent accounts (see
 * DynamoAccountStore), plus the audit log of who connected and disconnected them:
 *
 *   SOCIAL-TARGETS#organisation   / ACCOUNT#<id>     the connected ones (active or expired), without secrets
 *   SOCIAL-ACCOUNT-AUDIT          / <at>#<uuid>      who connected, reconnected or disconnected which account
 *
 * - List: Query `SOCIAL-TARGETS#organisation` (consistent): the accounts a blast posts from, so
 *   the console shows exactly those. Disconnected accounts have no target item.
 * - Connect, reconnect, disconnect: the account store's transaction (account if unchanged since
 *   read + target item + reach difference) with the audit entry Put (if absent) in it: the log
 *   cannot miss a change. A disconnect REMOVEs the sealed credential in that same write.
 * - History: Query `SOCIAL-ACCOUNT-AUDIT` descending. An organisation changes its accounts a few
 *   times a year: one partition never grows hot.
 */
const AUDIT_PK = 'SOCIAL-ACCOUNT-AUDIT';

export class DynamoOrganisationAccountStore extends DynamoAccountStore implements OrganisationAccountStore {
  async list(): Promise<OrganisationAccount[]> {
    const accounts: OrganisationAccount[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': 'SOCIAL-TARGETS#organisation' },
          ConsistentRead: true,
          ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}),
        }),
      );
      for (const item of page.Items ?? []) accounts.push(fromItem(item) as unknown as OrganisationAccount);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return accounts;
  }

  override async get(id: string): Promise<OrganisationAccount | undefined> {
    const account = await super.get(id);
    return account?.owner === 'organisation' ? (account as OrganisationAccount) : undefined;
  }

  async change(id: string, decide: (previous: OrganisationAccount | undefined) => AccountChange | undefined): Promise<OrganisationAccount | undefined> {
    let decided: AccountChange | undefined;
    await this.write(
      id,
      (previous) => {
        // A supporter's lent account is never an organisation account, whatever its id.
        decided = decide(previous?.owner === 'organisation' ? (previous as OrganisationAccount) : undefined);
        return decided?.next;
      },
      () => [{ Put: { TableName: this.tableName, Item: auditItem(decided!.audit), ConditionExpression: 'attribute_not_exists(PK)' } }],
    );
    return decided?.next;
  }

  async history(limit: number): Promise<AccountAuditEntry[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': AUDIT_PK }, ScanIndexForward: false, Limit: limit }),
    );
    return Items.map(({ PK: _pk, SK: _sk, type: _type, ...entry }) => entry as AccountAuditEntry);
  }
}

const auditItem = (entry: AccountAuditEntry) => ({ PK: AUDIT_PK, SK: `${entry.at}#${entry.id}`, type: 'social-account-audit', ...entry });

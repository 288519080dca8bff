/**
 * The single source of truth for the platform's DynamoDB table: the CDK data stack and the
 * local platform both build the table from this object, so keys and indexes cannot drift.
 *
 * One table, several item types (see ARCHITECTURE.md for every access pattern):
 *   PLEDGE#<id>            / PLEDGE          a pledge (on GSI4 while it may be emailed updates)
 *   EMAIL#<hash>           / CLAIM           which pledge an address belongs to
 *   COUNTER#<shard>        / TOTAL | COUNTRY#MX | CHAPTER#slug | HOUR#2026-07-30T10
 *   RATE#<key>#<window>    / RATE            fixed-window abuse counters (TTL)
 *   POW#<signature>        / POW             a spent proof-of-work challenge (TTL)
 *   LEDGER#<entry id>      / ENTRY           a donation ledger entry (and DONATION-TOTALS, DONOR…)
 *   PAYOUT#<po_…>          / RECORD          a payout's reconciliation state and last run
 *   PERIOD#<2026-07>       / LOCK            a month locked by finance
 *   FINANCE-AUDIT#<2026-07> / <at>#<id>      the finance audit log (append-only)
 *   OFFLINE-RECEIPT#<id>   / RECEIPT         a bank-transfer receipt awaiting or past approval
 *   SOCIAL-MESSAGES#<year> / MESSAGE#<id>    a coordinated social message (history: SOCIAL-MESSAGE#<id>)
 *   SOCIAL-ACCOUNT#<id>    / ACCOUNT         a lent or organisation account (targets, reach: see the account store)
 *   DELIVERY#<message>     / TARGET#<target> the idempotency record of one post of one message
 *   DELIVERY#<message>     / FAN-OUT         how far the message's fan-out got (cursor, lease)
 *   MASTODON-APP#<host>    / APP#<redirect>  our OAuth app on one Mastodon instance (client id, sealed secret)
 *   MASTODON-CONNECT#<id>  / FLOW            a Mastodon connection under way: PKCE verifier, sealed email (TTL)
 */
export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** Attributes copied into the index besides the keys (small index items keep writes cheap); 'all' copies every attribute. */
  projectedAttributes: string[] | 'all';
}

export interface TableDefinition {
  partitionKey: string;
  sortKey: string;
  timeToLiveAttribute: string;
  globalSecondaryIndexes: IndexDefinition[];
}

export const MAIN_TABLE: TableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    /** The pledge wall: only counted pledges that opted in carry these keys (a sparse index). */
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK', projectedAttributes: ['wallName', 'country', 'confirmedAt'] },
    /** Pledges by creation time, for review by managers and the CSV export. */
    {
      name: 'GSI2',
      partitionKey: 'GSI2PK',
      sortKey: 'GSI2SK',
      projectedAttributes: ['status', 'review', 'counted', 'country', 'language', 'chapter', 'emailDomain', 'ipHash', 'suspectReasons', 'createdAt', 'confirmedAt'],
    },
    /**
     * Money by month: ledger entries (`LEDGER#2026-07`), offline receipts (`OFFLINE#2026-07`) and
     * payout records (`PAYOUTS#2026-07`), sorted by date. Reconciliation, reports and exports read
     * whole entries, so everything is projected.
     */
    { name: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK', projectedAttributes: 'all' },
    /**
     * Who asked for updates (UPDATES_INDEX): only pledges a message may be emailed to carry these
     * keys (confirmed, counted, subscribed, not erased), put and removed with the pledge itself,
     * so the fan-out reads the email list shard by shard instead of scanning the table.
     */
    { name: 'GSI4', partitionKey: 'GSI4PK', sortKey: 'GSI4SK', projectedAttributes: ['language', 'country'] },
  ],
};

/** The index of the pledgers who asked for updates (`UPDATES#<stable shard>` / `<pledge id>`). */
export const UPDATES_INDEX = 'GSI4';

/**
 * Counters are spread over this many partitions so a World Day peak never makes one hot
 * (see README: "Counting at World Day scale"). Raising it needs no migration (new shards start
 * at zero and readers sum them all); lowering it would orphan the counts in the dropped shards.
 */
export const COUNTER_SHARDS = 32;

/** The wall and review indexes are sharded the same way, with fewer shards (reads fan out). */
export const INDEX_SHARDS = 8;

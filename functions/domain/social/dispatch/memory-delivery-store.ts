import type { DeliveryStore } from '../ports.js';
import type { Delivery } from '../social.js';

/**
 * `DeliveryStore` in memory, with the same conditions as the DynamoDB store
 * (functions/adapters/dynamodb/dynamo-delivery-store.ts): for unit tests and anything that runs
 * without a table. Records are copied in and out, as a database would.
 */
export class MemoryDeliveryStore implements DeliveryStore {
  private readonly records = new Map<string, Map<string, Delivery>>();

  constructor(private readonly pageSize = 100) {}

  async createAll(deliveries: readonly Delivery[]): Promise<number> {
    let created = 0;
    for (const delivery of deliveries) {
      const message = this.records.get(delivery.messageId) ?? new Map<string, Delivery>();
      this.records.set(delivery.messageId, message);
      if (message.has(delivery.target.id)) continue;
      message.set(delivery.target.id, structuredClone(delivery));
      created++;
    }
    return created;
  }

  async get(messageId: string, targetId: string): Promise<Delivery | undefined> {
    const record = this.records.get(messageId)?.get(targetId);
    return record && structuredClone(record);
  }

  async claim(messageId: string, targetId: string, token: string, now: Date, leaseMs: number): Promise<Delivery | undefined> {
    const record = this.records.get(messageId)?.get(targetId);
    if (!record) return undefined;
    const at = now.toISOString();
    const due = record.state === 'pending' && (record.notBefore === undefined || record.notBefore <= at);
    const expired = record.state === 'claimed' && record.claim !== undefined && record.claim.until < at;
    if (!due && !expired) return undefined;
    record.state = 'claimed';
    record.claim = { token, until: new Date(now.getTime() + leaseMs).toISOString() };
    record.attempts += 1;
    // The holder whose lease ran out may have posted before it died: the new holder looks first.
    return structuredClone(expired ? { ...record, uncertain: true } : record);
  }

  async update(messageId: string, targetId: string, token: string, change: Partial<Delivery>): Promise<boolean> {
    const record = this.records.get(messageId)?.get(targetId);
    if (!record || record.claim?.token !== token) return false;
    const target = record as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(change)) {
      if (key === 'messageId' || key === 'target') continue;
      if (value === undefined) delete target[key];
      else target[key] = structuredClone(value);
    }
    return true;
  }

  async *list(messageId: string): AsyncIterable<Delivery[]> {
    const all = [...(this.records.get(messageId)?.values() ?? [])].sort((a, b) => (a.target.id < b.target.id ? -1 : a.target.id > b.target.id ? 1 : 0));
    for (let i = 0; i < all.length; i += this.pageSize) yield all.slice(i, i + this.pageSize).map((record) => structuredClone(record));
  }
}

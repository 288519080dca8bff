import type { DeliveryStore } from '../ports.js';
import type { Delivery } from '../social.js';
import type { FanOutProgress, FanOutProgressStore } from './fan-out-progress.js';

/**
 * `DeliveryStore` in memory, with the same conditions as the DynamoDB store
 * (functions/adapters/dynamodb/dynamo-delivery-store.ts): for unit tests and anything that runs
 * without a table. Records are copied in and out, as a database would.
 */
export class MemoryDeliveryStore implements DeliveryStore, FanOutProgressStore {
  private readonly records = new Map<string, Map<string, Delivery>>();
  private readonly progress = new Map<string, FanOutProgress>();

  constructor(private readonly pageSize = 100) {}

  /** A `fresh` record that exists already throws: the DynamoDB store would have reset it, so the caller broke its promise. */
  async createAll(deliveries: readonly Delivery[], options?: { fresh?: boolean }): Promise<number> {
    if (options?.fresh) {
      const existing = deliveries.find((delivery) => this.records.get(delivery.messageId)?.has(delivery.target.id));
      if (existing) throw new Error(`A fresh write would reset the delivery of ${existing.target.id} to ${existing.messageId}`);
    }
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

  async fanOutProgress(messageId: string): Promise<FanOutProgress | undefined> {
    const progress = this.progress.get(messageId);
    return progress && structuredClone(progress);
  }

  async saveFanOutProgress(next: FanOutProgress, expectedVersion: number | undefined): Promise<boolean> {
    if (this.progress.get(next.messageId)?.version !== expectedVersion) return false;
    this.progress.set(next.messageId, structuredClone(next));
    return true;
  }

  async hasDeliveries(messageId: string): Promise<boolean> {
    return (this.records.get(messageId)?.size ?? 0) > 0;
  }
}

import type { Discrepancy, LedgerLine } from './types.js';

interface Slot {
  entry: LedgerLine;
  /** The first payout that listed the entry's balance transaction, once one has. */
  paidOutIn: string | null;
}

/**
 * The ledger entries of a reconciliation run, by balance transaction id. Reconciling a payout
 * claims the entries it finds, so after every payout of the period has been reconciled against
 * the same index, the entries never claimed are the ones missing from Stripe. Use one index per
 * run: a second run over the same payouts would see every transaction as paid out twice.
 * Memory: one Map slot per entry; lookups and claims are O(1).
 */
export class LedgerIndex {
  private readonly slots = new Map<string, Slot>();
  /** Entries that named a balance transaction another entry already named. */
  readonly duplicates: Discrepancy[] = [];

  static of(entries: Iterable<LedgerLine>): LedgerIndex {
    return new LedgerIndex().addAll(entries);
  }

  /** Adds a page of entries (e.g. one DynamoDB query page). */
  addAll(entries: Iterable<LedgerLine>): this {
    for (const entry of entries) this.add(entry);
    return this;
  }

  add(entry: LedgerLine): void {
    const id = entry.settlement.balanceTransactionId;
    const existing = this.slots.get(id);
    if (!existing) {
      this.slots.set(id, { entry, paidOutIn: null });
    } else if (existing.entry.id !== entry.id) {
      this.duplicates.push({
        kind: 'duplicate_in_ledger',
        payoutId: null,
        balanceTransactionId: id,
        entryId: entry.id,
        ledger: existing.entry.id,
        detail: `Ledger entries ${existing.entry.id} and ${entry.id} both record balance transaction ${id}.`,
      });
    }
  }

  get size(): number {
    return this.slots.size;
  }

  /** The entry for a balance transaction, marked as paid out in `payoutId`; says where it was paid out before, if it was. */
  claim(balanceTransactionId: string, payoutId: string): { entry: LedgerLine; paidOutBefore: string | null } | undefined {
    const slot = this.slots.get(balanceTransactionId);
    if (!slot) return undefined;
    const paidOutBefore = slot.paidOutIn;
    slot.paidOutIn ??= payoutId;
    return { entry: slot.entry, paidOutBefore };
  }

  /** Entries no reconciled payout listed, oldest first as added. */
  *unclaimed(): Generator<LedgerLine> {
    for (const slot of this.slots.values()) if (slot.paidOutIn === null) yield slot.entry;
  }
}

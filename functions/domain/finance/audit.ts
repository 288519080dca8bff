import type { AuditAction, AuditEntry } from './finance.js';
import type { FinanceDeps } from './ports.js';

/** An audit entry for a change made now by `by`; the store writes it with the change. */
export function auditEntry(
  deps: Pick<FinanceDeps, 'clock' | 'newId'>,
  change: { by: string; action: AuditAction; subject: string; before: unknown; after: unknown; reason?: string },
): AuditEntry {
  const { reason, ...rest } = change;
  return { id: deps.newId(), at: deps.clock.now().toISOString(), ...rest, before: change.before ?? null, ...(reason ? { reason } : {}) };
}

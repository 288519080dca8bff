import type { FeeSchedule } from '../money.js';
import type { StandinState } from '../state.js';
import type { WebhookOutbox } from '../webhooks.js';

/** What every operation works on. `request` ties emitted events to the API call that caused them. */
export interface Engine {
  state: StandinState;
  outbox: WebhookOutbox;
  fees: FeeSchedule;
  /** Base URL of the hosted pages, ending in `/`: `${publicBaseUrl}/`. */
  publicBaseUrl: string;
}

export interface RequestContext {
  requestId?: string | null;
  idempotencyKey?: string | null;
}

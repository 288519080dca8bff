import { CSV_BOM, csvCell, csvLine } from '../shared/csv.js';
import { summarizeDeliveries, type DeliverySummary } from './dispatch/summary.js';
import type { DeliveryStore } from './ports.js';
import type { Delivery } from './social.js';

/** At most this many unsuccessful deliveries, and this many posts, are listed in the JSON report; the CSV has every one. */
export const REPORT_PROBLEMS = 500;
export const REPORT_POSTS = 500;

export interface DeliveryReport {
  summary: DeliverySummary;
  /** Failed and skipped deliveries (what needs a look), the first REPORT_PROBLEMS. */
  problems: Delivery[];
  /** The posts that went out on a network, with the link to each, the first REPORT_POSTS (emails have no link: the CSV lists them). */
  posts: Delivery[];
}

/** The delivery report of a message: totals and reach overall, per platform and per kind of target, what did not go out, and the posts. */
export async function deliveryReport(store: DeliveryStore, messageId: string): Promise<DeliveryReport> {
  const problems: Delivery[] = [];
  const posts: Delivery[] = [];
  const summary = await summarizeDeliveries(store, messageId, (delivery) => {
    if ((delivery.state === 'failed' || delivery.state === 'skipped') && problems.length < REPORT_PROBLEMS) problems.push(delivery);
    if (delivery.state === 'posted' && delivery.postUrl && posts.length < REPORT_POSTS) posts.push(delivery);
  });
  return { summary, problems, posts };
}

const COLUMNS = ['target_kind', 'target_id', 'platform', 'language', 'time_zone', 'due_at', 'state', 'attempts', 'uncertain', 'post_url', 'error', 'finished_at', 'followers', 'reach'] as const;

/** Every delivery as a CSV line (UTF-8 with BOM, formula-safe), page by page. */
export async function* deliveryReportCsv(store: DeliveryStore, messageId: string): AsyncIterable<string> {
  yield `${CSV_BOM}${csvLine([...COLUMNS])}`;
  for await (const page of store.list(messageId)) {
    yield page
      .map((d) =>
        csvLine(
          [d.target.kind, d.target.id, d.target.platform, d.target.language, d.target.timeZone, d.dueAt, d.state, d.attempts, d.uncertain ? 'yes' : '', d.postUrl, d.error, d.finishedAt, d.target.followers, d.reach].map(csvCell),
        ),
      )
      .join('');
  }
}

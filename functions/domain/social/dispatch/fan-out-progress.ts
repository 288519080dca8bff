/**
 * How far a message's fan-out got, kept between the every-minute runs that do it (one run cannot
 * create and queue 400,000 records in a Lambda's 5 minutes). The targets come from sources listed
 * in a fixed order (the accounts, then the email list), each a resumable listing whose cursors
 * increase in string order (functions/domain/shared/cursor-page.ts).
 *
 * Every write is conditional on `version`, so two runs can never both advance one fan-out; a run
 * holds it with a lease (`holder`) that outlasts the longest a run can live, so a run that was
 * killed is taken over only once it is dead.
 */
export interface FanOutProgress {
  messageId: string;
  /** The source being listed (its name); absent: the first one. */
  source?: string;
  /** Where the source's listing got: every target up to here has its record and its job. Absent: from its start. */
  cursor?: string;
  /**
   * Records of the source's targets up to this cursor may exist already: a run wrote them and
   * stopped before it could save `cursor`. Until `cursor` passes it, records are created with a
   * condition (never reset); past it, nobody wrote anything, and they are written blindly.
   */
  mayExistUntil?: string;
  /** Records of the message existed before its progress did (an earlier version fanned out): every record is created with a condition. */
  conditionalOnly?: boolean;
  /** Targets listed and records created so far (a record that existed is not counted as created). */
  targets: number;
  created: number;
  /** Runs that took part. */
  runs: number;
  startedAt: string;
  /** Every source is done: all records exist and their jobs are queued. */
  doneAt?: string;
  /** The run doing the fan-out now, until when. */
  holder?: { token: string; until: string };
  version: number;
}

/** Where the progress is kept (beside the message's delivery records). */
export interface FanOutProgressStore {
  fanOutProgress(messageId: string): Promise<FanOutProgress | undefined>;
  /** Writes `next` if the stored progress is still at `expectedVersion` (undefined: only if there is none yet); false when it is not. */
  saveFanOutProgress(next: FanOutProgress, expectedVersion: number | undefined): Promise<boolean>;
  /** Whether the message has any delivery record (one small read). */
  hasDeliveries(messageId: string): Promise<boolean>;
}

/**
 * AWS SDK clients traced by the Lambda shell. The X-Ray tracer is process-wide by nature (it
 * patches Node's https and reads the invocation's segment from the runtime), so the shell turns
 * it on once, before anything builds a client (`traceAwsClients`), and the code that builds
 * clients passes each through `traced`: one X-Ray subsegment per SDK call, named by service and
 * operation (DynamoDB Query, SES SendEmail…). With `npm start` and in tests nothing is traced
 * and `traced` returns the client as it is.
 */
type CaptureClient = <T extends object>(client: T) => T;

let capture: CaptureClient | undefined;

/** Called once by the Lambda shell (functions/adapters/lambda/observability.ts). */
export function traceAwsClients(captureClient: CaptureClient): void {
  capture = captureClient;
}

export const traced = <T extends object>(client: T): T => (capture ? capture(client) : client);

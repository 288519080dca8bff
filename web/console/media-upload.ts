/**
 * A file to a campaign's media kit, in two steps: ask the admin API for an upload ticket (type
 * and size checked there too), then PUT the bytes to the ticket's URL with its headers only.
 * That URL is the local server's on `npm start` and a presigned S3 URL on AWS, so it never gets
 * the bearer token. XMLHttpRequest, because fetch reports no upload progress.
 */
import type { MediaItem } from '../../functions/domain/campaigns/campaign.js';
import { ApiError, send } from './api.js';

export type UploadedItem = Omit<MediaItem, 'title' | 'alt' | 'language'>;

interface Ticket {
  item: UploadedItem;
  upload: { url: string; method: 'PUT'; headers: Record<string, string>; expiresAt: string };
}

/** The server's `contentType`/`bytes` complaints are about the chosen file. */
const aboutTheFile = (error: unknown): unknown =>
  error instanceof ApiError && error.fields.length
    ? new ApiError(error.message, error.status, error.code, error.fields.map((field) => ({ field: 'upload', message: field.field === 'bytes' || field.field === 'contentType' ? error.message : field.message })))
    : error;

function put(ticket: Ticket['upload'], file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(ticket.method, ticket.url);
    for (const [name, value] of Object.entries(ticket.headers)) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) return resolve();
      let message = `The storage refused the file (${request.status}).`;
      try {
        message = (JSON.parse(request.responseText) as { error?: { message?: string } }).error?.message ?? message;
      } catch {
        // S3 answers in XML; the status says enough.
      }
      if (request.status === 410 || request.status === 403) message = 'The upload link expired before the file was sent. Choose the file again.';
      reject(new ApiError(message, request.status, undefined, [{ field: 'upload', message }]));
    });
    request.addEventListener('error', () => reject(new ApiError('The file could not be sent: check the connection and try again.', 0)));
    request.addEventListener('abort', () => reject(new ApiError('The upload was cancelled.', 0)));
    request.send(file);
  });
}

/** Uploads the file; the item it answers with joins the draft's media kit when the draft is saved. */
export async function uploadMedia(year: number, file: File, onProgress: (fraction: number) => void): Promise<UploadedItem> {
  const ticket = await send<Ticket>('POST', `/api/admin/campaigns/${year}/media`, { fileName: file.name, contentType: file.type, bytes: file.size }).catch((error: unknown) => {
    throw aboutTheFile(error);
  });
  await put(ticket.upload, file, onProgress);
  onProgress(1);
  return ticket.item;
}

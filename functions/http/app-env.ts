import type { Principal } from '../domain/auth/principal.js';
import type { Language } from '../domain/shared/languages.js';

/** Per-request values the middleware sets for the routes. */
export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal;
    /** Form posts and page routes answer errors with an HTML page, not JSON. */
    respondWithHtml: boolean;
    language: Language;
  };
}

/** How a shell finds the visitor's IP (a socket locally, CloudFront's header on AWS). */
export type ClientIpResolver = (c: import('hono').Context) => string | undefined;

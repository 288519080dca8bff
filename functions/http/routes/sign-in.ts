import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../config/deps.js';
import { AppError } from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';
import { documentRoute } from '../openapi.js';

export const SignInEndpointsSchema = z
  .object({
    clientId: z.string(),
    authorizeUrl: z.url(),
    tokenUrl: z.url(),
    logoutUrl: z.url(),
    scope: z.string(),
  })
  .openapi('SignInEndpoints');

/**
 * Where the console signs staff in: it reads this, then runs the authorization-code flow with
 * PKCE against Cognito's hosted sign-in (or `npm start`'s, at the same paths). Public: it names
 * a public client and URLs, nothing secret.
 */
export function signInRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  documentRoute(app, {
    method: 'get', path: '/', tag: 'Platform', summary: "The console's sign-in: the hosted sign-in's OAuth 2.0 endpoints and the console's client id.",
    responses: { 200: { description: 'The endpoints', schema: SignInEndpointsSchema }, 404: { description: 'Sign-in is not configured (AUTH_SIGN_IN_URL)' } },
  });
  app.get('/', (c) => {
    if (!deps.signIn) throw new AppError('not_found', 'Sign-in is not configured on this platform: set AUTH_SIGN_IN_URL.');
    return c.json(deps.signIn, 200, { 'Cache-Control': 'public, max-age=300' });
  });
  return app;
}

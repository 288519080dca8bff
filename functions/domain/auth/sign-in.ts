/**
 * Where the console sends staff to sign in: the OAuth 2.0 endpoints of Cognito's hosted sign-in
 * (`https://<prefix>.auth.<region>.amazoncognito.com`), or of `npm start`'s local issuer, which
 * serves the same paths. The console is a public client: the authorization-code flow with PKCE,
 * no client secret.
 */
export interface SignInEndpoints {
  clientId: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** Ends the hosted sign-in's session, then returns to `logout_uri`. */
  logoutUrl: string;
  scope: string;
}

export const signInEndpoints = (signInUrl: string, clientId: string): SignInEndpoints => {
  const base = signInUrl.replace(/\/+$/, '');
  return {
    clientId,
    authorizeUrl: `${base}/oauth2/authorize`,
    tokenUrl: `${base}/oauth2/token`,
    logoutUrl: `${base}/logout`,
    scope: 'openid email profile',
  };
};

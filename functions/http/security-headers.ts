/**
 * The headers every page gets: CloudFront's response headers policy on AWS (infra/stacks/
 * web-stack.ts) and the local server both use these values, so local pages behave as deployed.
 * No inline script or style anywhere: the site ships external files only.
 */
/**
 * Where a form may send the browser. The donate form posts to our API, which redirects to
 * Stripe's hosted payment page; browsers apply form-action to that redirect too.
 */
export const STRIPE_CHECKOUT_ORIGIN = 'https://checkout.stripe.com';

export function contentSecurityPolicy(options: { connectSrc?: string[]; formAction?: string[] } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    ["connect-src 'self'", ...(options.connectSrc ?? [])].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...(options.formAction ?? [STRIPE_CHECKOUT_ORIGIN])].join(' '),
    "object-src 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** The headers every page gets; `formAction` replaces Stripe's origin (the local stand-in). */
export function securityHeaders(options: { formAction?: string[] } = {}): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(options) };
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

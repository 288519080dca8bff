import fc from 'fast-check';

/**
 * Generated requests for the public endpoints: bodies that are nearly right (one field wrong at
 * a time), bodies that are anything at all, bodies sent the wrong way, odd queries and paths.
 * Everything is plain data, so a failing case prints as the request that failed.
 */
export interface FuzzRequest {
  method: string;
  /** Path and query string, as sent. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The visitor's address (the test platform reads `x-test-ip`): some runs share one, to meet rate limits. */
  ip?: string;
}

/** Strings that have broken parsers, databases, email headers and pages elsewhere. */
const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x\uD83D', '\u202Eevil\u202C', 'مرحبا بالعالم', 'שלום', '😀'.repeat(40), '👩‍👩‍👧‍👦',
  'e\u0301', '\u200B', '\uFEFF', '\r\nBcc: victim@example.org', '\n', '\t', 'ａｎａ＠example.org',
  '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'javascript:alert(1)', '</textarea><svg onload=alert(1)>', '\'"`',
  '${7*7}{{7*7}}', "' OR 1=1 --", '../../etc/passwd', '%00', '%zz', 'NaN', 'Infinity', '-1', '1e999', '0x10', 'null', 'undefined',
  'true', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '[object Object]', 'ana@example.org', 'mastodon.social', '2026',
];

/** Percent-encodes anything, lone surrogates too (as the invalid UTF-8 a careless client would send). */
export const encodeAny = (text: string): string =>
  text.replace(/[^]/gu, (char) => (char.length === 1 && char >= '\uD800' && char <= '\uDFFF' ? '%ED%A0%80' : encodeURIComponent(char)));

/** Code units one at a time: lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(101, 121, 201, 255, 501, 2_001, 8_001).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(17_000, 40_000).map((n) => 'ö'.repeat(n)) },
);

/** A value of the wrong type (or the right type, wrong). */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, -0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 53), 2014.5, 2101, 1999),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([], {}, [''], { $ne: null }, { toString: 'x' }, [[[[[[[[]]]]]]]]) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Keys that pollute prototypes, shadow methods or claim privileges. */
const SUSPICIOUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isAdmin', 'role', 'status', 'counted', 'version', 'id', 'PK'];

/** Sets a key as an own, enumerable property, so JSON.stringify writes `"__proto__": …` too. */
function withField(body: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const copy = { ...body };
  Object.defineProperty(copy, field, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * A valid body with one thing wrong: a field removed, a field of the wrong type or value, or a
 * field that should not be there. `fields` are the documented ones (the route's zod schema).
 */
export function nearValidBody(valid: fc.Arbitrary<Record<string, unknown>>, fields: string[]): fc.Arbitrary<Record<string, unknown>> {
  return valid.chain((body) => {
    const known = [...new Set([...fields, ...Object.keys(body)])];
    const field = known.length > 0 ? fc.constantFrom(...known) : fc.constant('body');
    return fc.oneof(
      { weight: 2, arbitrary: field.map((name) => withField(body, name, undefined)).map(dropUndefined) },
      { weight: 6, arbitrary: fc.tuple(field, badValue).map(([name, value]) => withField(body, name, value)) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.oneof(fc.constantFrom(...SUSPICIOUS_KEYS), fc.string({ maxLength: 12 })), fc.oneof(badValue, fc.constant({ polluted: 'yes' })))
          .map(([name, value]) => withField(body, name, value)),
      },
      { weight: 1, arbitrary: fc.constant(withField(body, 'constructor', { prototype: { polluted: 'yes' } })) },
    );
  });
}

const dropUndefined = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));

/** A body as an HTML form would send it: strings only, checkboxes as "on". */
export function formEncoded(body: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (value === true) form.append(key, 'on');
    else if (value === false) continue;
    else form.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return form.toString();
}

/** How a body goes over the wire: mostly as documented, sometimes not at all as documented. */
export type Encoding = 'json' | 'json-charset' | 'form' | 'text' | 'none' | 'multipart' | 'xml';

export const encodings = (documented: string[]): fc.Arbitrary<Encoding> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant<Encoding>('json') },
    { weight: documented.includes('application/x-www-form-urlencoded') ? 3 : 1, arbitrary: fc.constant<Encoding>('form') },
    { weight: 2, arbitrary: fc.constantFrom<Encoding>('json-charset', 'text', 'none', 'multipart', 'xml') },
  );

export function encode(body: Record<string, unknown>, encoding: Encoding): { headers: Record<string, string>; body: string } {
  const json = JSON.stringify(body);
  switch (encoding) {
    case 'json':
      return { headers: { 'content-type': 'application/json' }, body: json };
    case 'json-charset':
      return { headers: { 'content-type': 'Application/JSON; charset=UTF-8' }, body: json };
    case 'form':
      return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: formEncoded(body) };
    case 'text':
      return { headers: { 'content-type': 'text/plain' }, body: json };
    case 'none':
      return { headers: {}, body: json };
    case 'multipart':
      return { headers: { 'content-type': 'multipart/form-data; boundary=fuzz' }, body: `--fuzz\r\nContent-Disposition: form-data; name="x"\r\n\r\n${json}\r\n--fuzz` };
    case 'xml':
      return { headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>` };
  }
}

/** Bodies that are not the JSON they claim to be, or far larger than anything the API takes. */
export const brokenBody: fc.Arbitrary<{ headers: Record<string, string>; body: string }> = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)).chain((text) => fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut))),
  fc.constantFrom('{', '{"a":', '[1,2', '{"a":1}}', "{'a':1}", '{"a":1,}', 'nul', 'NaN', '\uFEFF{}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"__proto__":{"polluted":"yes"}}', '1e999999', '-', '""'),
  fc.string({ unit: anyCodeUnit, maxLength: 80 }),
  fc.constantFrom(17 * 1024, 600 * 1024).map((size) => `{"name":"${'a'.repeat(size)}"}`),
  fc.constant(`${'['.repeat(5_000)}${']'.repeat(5_000)}`),
).map((body) => ({ headers: { 'content-type': 'application/json' }, body }));

/** Any JSON at all, as JSON. */
export const anyJsonBody: fc.Arbitrary<{ headers: Record<string, string>; body: string }> = fc
  .oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...SUSPICIOUS_KEYS)), fc.jsonValue({ maxDepth: 2 })))
  .map((value) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) ?? 'null' }));

/** Query strings that are malformed, repeated, unknown or huge. */
export const oddQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '&&&', '=', '==&=', '?', 'a[b]=c', '__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes', '%00=%00', '+%20+', `x=${'y'.repeat(6_000)}`),
  fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('limit', 'campaign', 'token', 'year', 'language', 'platform', 'state', 'code')), nastyString.filter((s) => s.length < 3_000)), { maxLength: 4 }).map((pairs) =>
    pairs.map(([key, value]) => `${encodeAny(key)}=${encodeAny(value).replace(/%25/g, '%')}`).join('&'),
  ),
);

/** A path parameter that is not what the route expects. */
export const oddSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('..', '%2e%2e', '%2F', 'a%2Fb', '%00', '-1', '0', '1999', '2101', '99999999999999999999', '2026.5', '2026e0', ' 2026', '2026%20', '%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96', '0x7EA', 'null', '%', '%zz'),
  nastyString.filter((s) => s.length > 0 && s.length < 3_000).map(encodeAny),
);

/** Visitors: mostly unknown (no rate limits), sometimes one shared address (limits met). */
export const visitorIp: fc.Arbitrary<string | undefined> = fc.option(fc.constantFrom('203.0.113.7', '203.0.113.8', '2001:db8::1'), { freq: 3 });

import { StripeStandinError, invalid, missing, unknownParam } from './errors.js';
import type { FormObject, FormValue } from './form.js';

/** Small readers for form parameters, failing with Stripe's codes and `param` names. */
export function allowOnly(params: FormObject, allowed: readonly string[], prefix = ''): void {
  for (const key of Object.keys(params)) if (!allowed.includes(key)) throw unknownParam(prefix ? `${prefix}[${key}]` : key);
}

export function str(params: FormObject, key: string, param = key): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(param, `Invalid string: ${param} must be a string.`);
  return value;
}

export function requiredStr(params: FormObject, key: string, param = key): string {
  const value = str(params, key, param);
  if (value === undefined || value === '') throw missing(param);
  return value;
}

export function int(params: FormObject, key: string, param = key): number | undefined {
  const value = str(params, key, param);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) {
    throw new StripeStandinError(400, 'invalid_request_error', `Invalid integer: ${value}`, { code: 'parameter_invalid_integer', param });
  }
  return Number(value);
}

export function bool(params: FormObject, key: string, param = key): boolean | undefined {
  const value = str(params, key, param);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw invalid(param, `Invalid boolean: ${value}`);
  return value === 'true';
}

export function hash(params: FormObject, key: string, param = key): FormObject {
  const value: FormValue | undefined = params[key];
  if (value === undefined || value === '') return {};
  if (typeof value === 'string' || Array.isArray(value)) throw invalid(param, `Invalid object: ${param} must be a hash.`);
  return value;
}

/** Stripe's metadata rules: up to 50 keys, keys up to 40 characters, values up to 500. */
export function metadata(params: FormObject, key: string, param = key): Record<string, string> {
  const value = hash(params, key, param);
  const entries = Object.entries(value);
  if (entries.length > 50) throw invalid(param, 'Invalid metadata: metadata can have up to 50 keys.');
  const out: Record<string, string> = {};
  for (const [name, item] of entries) {
    if (typeof item !== 'string') throw invalid(`${param}[${name}]`, 'Invalid metadata: values must be strings.');
    if (name.length > 40) throw invalid(`${param}[${name}]`, 'Invalid metadata: keys can be up to 40 characters long.');
    if (item.length > 500) throw invalid(`${param}[${name}]`, 'Invalid metadata: values can be up to 500 characters long.');
    out[name] = item;
  }
  return out;
}

export function expandList(params: FormObject): string[] {
  const value = params.expand;
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw invalid('expand', 'Invalid array: expand must be an array of strings.');
  return value as string[];
}

export function isUrl(value: string): boolean {
  try {
    const url = new URL(value.replace('{CHECKOUT_SESSION_ID}', 'x'));
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Stripe's range filters on lists (`created`, `arrival_date`): an exact Unix time, or a hash of
 * `gt`, `gte`, `lt`, `lte` (`created[gte]=1700000000`). Undefined when the filter is absent.
 */
export function range(params: FormObject, key: string): ((value: number) => boolean) | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    const exact = int(params, key)!;
    return (candidate) => candidate === exact;
  }
  if (Array.isArray(value)) throw invalid(key, `Invalid ${key}: must be an integer or a hash with gt, gte, lt or lte.`);
  allowOnly(value, ['gt', 'gte', 'lt', 'lte'], key);
  const gt = int(value, 'gt', `${key}[gt]`);
  const gte = int(value, 'gte', `${key}[gte]`);
  const lt = int(value, 'lt', `${key}[lt]`);
  const lte = int(value, 'lte', `${key}[lte]`);
  return (candidate) =>
    (gt === undefined || candidate > gt) && (gte === undefined || candidate >= gte) && (lt === undefined || candidate < lt) && (lte === undefined || candidate <= lte);
}

/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with bracket notation, the
 * `qs`-style nesting Stripe's API reads. `metadata[donor]=x` is an object, `expand[0]=a` and
 * `expand[]=a` are arrays, `line_items[0][price_data][currency]=usd` nests both.
 * Values stay strings, as on the wire; each endpoint coerces what it reads.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export class FormSyntaxError extends Error {
  constructor(readonly param: string, message: string) {
    super(message);
    this.name = 'FormSyntaxError';
  }
}

/** `a[b][0][]` → ['a', 'b', '0', '']; throws on unbalanced brackets. */
export function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  if (open === 0) throw new FormSyntaxError(key, `Invalid parameter name: ${key}`);
  const parts = [key.slice(0, open)];
  const rest = key.slice(open);
  const pattern = /\[([^[\]]*)\]/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(rest))) {
    parts.push(match[1]!);
    consumed = pattern.lastIndex;
  }
  if (consumed !== rest.length) throw new FormSyntaxError(key, `Invalid parameter name: ${key}`);
  return parts;
}

const isIndex = (part: string) => /^(0|[1-9]\d{0,3})$/.test(part);

/** Parses a form body (or a URL query string) into nested objects and arrays. */
export function parseStripeForm(body: string | URLSearchParams): FormObject {
  const params = typeof body === 'string' ? new URLSearchParams(body) : body;
  const root: FormObject = {};
  for (const [key, value] of params) {
    const parts = splitKey(key);
    let node: FormObject = root;
    for (let i = 0; i < parts.length; i += 1) {
      const part = parts[i]!;
      const last = i === parts.length - 1;
      // `[]` appends: give it the next free index of the container.
      const name = part === '' ? String(Object.keys(node).length) : part;
      if (last) {
        if (typeof node[name] === 'object') throw new FormSyntaxError(key, `Invalid parameter: ${key} is both a value and a hash`);
        node[name] = value;
      } else {
        const child = node[name] ?? {};
        if (typeof child === 'string') throw new FormSyntaxError(key, `Invalid parameter: ${parts.slice(0, i + 1).join('.')} is both a value and a hash`);
        node[name] = child;
        node = child as FormObject;
      }
    }
  }
  for (const key of Object.keys(root)) root[key] = toArrays(root[key]!);
  return root;
}

/** Containers whose keys are all indexes become arrays (in index order, gaps closed). */
function toArrays(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const key of keys) value[key] = toArrays(value[key]!);
  if (keys.length > 0 && keys.every(isIndex)) {
    return keys.map(Number).sort((a, b) => a - b).map((index) => value[String(index)]!);
  }
  return value;
}

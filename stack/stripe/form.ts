// Stripe's request bodies: `application/x-www-form-urlencoded` with bracketed nested keys
// (`line_items[0][price_data][currency]=eur`, `metadata[invoice_id]=...`), read back into objects and
// arrays the way Stripe's API reads them (numeric indices make arrays).
export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

function splitKey(key: string): string[] | null {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!m) return null;
  const parts = [m[1]!];
  for (const seg of m[2]!.matchAll(/\[([^[\]]*)\]/g)) parts.push(seg[1]!);
  return parts;
}

/** Turns objects whose keys are all 0..n-1 into arrays, depth first. */
function arraysFromIndices(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const k of keys) value[k] = arraysFromIndices(value[k]!);
  if (keys.length && keys.every((k) => /^\d+$/.test(k))) {
    const sorted = keys.map(Number).sort((a, b) => a - b);
    if (sorted.every((n, i) => n === i)) return sorted.map((n) => value[String(n)]!);
  }
  return value;
}

export class FormError extends Error {}

/** Parses a form body (or query string) into nested objects; `a[]=x` appends. */
export function parseForm(text: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const parts = splitKey(rawKey);
    if (!parts) throw new FormError(`Invalid parameter name: ${rawKey}`);
    let node: FormObject = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const key = part === '' ? String(Object.keys(node).length) : part;
      if (last) {
        node[key] = value;
        return;
      }
      const next = node[key];
      if (next === undefined || typeof next === 'string') node[key] = {};
      node = node[key] as FormObject;
    });
  }
  return arraysFromIndices(root) as FormObject;
}

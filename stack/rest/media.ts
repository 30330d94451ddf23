// Content negotiation (Accept) and request bodies (JSON, CSV, form data) with a size limit.
import type { IncomingMessage } from 'node:http';
import { apiError } from './errors.ts';

export type OutputFormat = 'json' | 'object' | 'csv' | 'openapi';

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  json: 'application/json; charset=utf-8',
  object: 'application/vnd.pgrst.object+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  openapi: 'application/openapi+json; charset=utf-8',
};

export function negotiate(accept: string | undefined, root = false): { format: OutputFormat; stripNulls: boolean } {
  const types = (accept ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  if (!types.length) return { format: root ? 'openapi' : 'json', stripNulls: false };
  for (const t of types) {
    const [base = '', ...params] = t.split(';').map((s) => s.trim().toLowerCase());
    const stripNulls = params.includes('nulls=stripped');
    if (base === 'application/vnd.pgrst.object+json' || base === 'application/vnd.pgrst.object') return { format: 'object', stripNulls };
    if (base === 'text/csv') return { format: 'csv', stripNulls: false };
    if (root && (base === 'application/openapi+json' || base === '*/*' || base === 'application/json')) return { format: 'openapi', stripNulls: false };
    if (['application/json', 'application/vnd.pgrst.array+json', 'application/vnd.pgrst.array', '*/*', 'application/*'].includes(base)) return { format: 'json', stripNulls };
  }
  throw apiError(406, 'PGRST107', `None of these media types are available: ${types.join(', ')}`);
}

export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(limit: number) {
  return apiError(413, 'PGRST413', `The request body is larger than the ${limit}-byte limit`, null, 'Send fewer rows per request, or raise ATRIUM_REST_MAX_BODY');
}

/** Parses a write body by Content-Type into JSON (object or array of objects). */
export function parseBody(text: string, contentType: string | undefined): unknown {
  const type = (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type === 'text/csv') return parseCsv(text);
  try {
    return JSON.parse(text);
  } catch {
    throw apiError(400, 'PGRST102', 'Empty or invalid json');
  }
}

/** RFC 4180 CSV with a header row; an unquoted NULL is SQL null. */
export function parseCsv(text: string): Array<Record<string, string | null>> {
  const rows: Array<Array<string | null>> = [];
  let row: Array<string | null> = [];
  let i = 0;
  while (i <= text.length) {
    let value: string | null = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        value += text[i] === '"' ? (i++, '"') : text[i];
        i++;
      }
      i++;
    } else {
      const start = i;
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
      value = text.slice(start, i);
      if (value === 'NULL') value = null;
    }
    row.push(value);
    if (text[i] === ',') i++;
    else {
      if (text[i] === '\r') i++;
      i++;
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    }
  }
  const [header, ...data] = rows;
  if (!header) throw apiError(400, 'PGRST102', 'Empty or invalid CSV');
  return data.map((r) => Object.fromEntries(header.map((h, j) => [h ?? '', r[j] ?? null])));
}

export function toCsv(rows: Array<Record<string, unknown>>): string {
  if (!rows.length) return '';
  const keys = Object.keys(rows[0]!);
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = Array.isArray(v) ? pgArray(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [keys.map(cell).join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n');
}

/** Arrays print as Postgres does in text form (`{a,b}`), as in PostgREST's CSV. */
function pgArray(values: unknown[]): string {
  const item = (v: unknown): string => {
    if (v === null) return 'NULL';
    if (Array.isArray(v)) return pgArray(v);
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return s === '' || /[{},"\\\s]/.test(s) || s.toUpperCase() === 'NULL' ? `"${s.replace(/["\\]/g, '\\$&')}"` : s;
  };
  return `{${values.map(item).join(',')}}`;
}

export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
  return value;
}

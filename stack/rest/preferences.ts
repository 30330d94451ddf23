// `Prefer` headers: comma-separated, several headers merged, first value per category wins,
// unknown values ignored (or 400 PGRST122 with handling=strict).
import { apiError } from './errors.ts';

export interface Preferences {
  return?: 'minimal' | 'headers-only' | 'representation';
  count?: 'exact' | 'planned' | 'estimated';
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  missing?: 'default' | 'null';
  tx?: 'commit' | 'rollback';
  handling?: 'strict' | 'lenient';
  timezone?: string;
  maxAffected?: number;
  params?: 'single-object';
}

const KNOWN: Record<string, string[]> = {
  return: ['minimal', 'headers-only', 'representation'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  tx: ['commit', 'rollback'],
  handling: ['strict', 'lenient'],
  params: ['single-object'],
};

export function parsePreferences(header: string | string[] | undefined): Preferences {
  const raw = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  const prefs: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const item of raw) {
    const eq = item.indexOf('=');
    const key = eq === -1 ? item : item.slice(0, eq).trim();
    const value = eq === -1 ? '' : item.slice(eq + 1).trim();
    if (KNOWN[key]?.includes(value)) {
      if (!(key in prefs)) prefs[key] = value;
    } else if (key === 'timezone' && value) {
      if (!('timezone' in prefs)) prefs.timezone = value;
    } else if (key === 'max-affected' && /^\d+$/.test(value)) {
      if (!('maxAffected' in prefs)) prefs.maxAffected = Number(value);
    } else invalid.push(item);
  }
  const result = prefs as Preferences;
  if (result.handling === 'strict' && invalid.length) throw apiError(400, 'PGRST122', 'Invalid preferences given with handling=strict', `Invalid preferences: ${invalid.join(', ')}`);
  return result;
}

/** `Preference-Applied`: the honoured values in PostgREST's order. */
export function appliedPreferences(p: Preferences, isRead: boolean, txAllowed: boolean): string | null {
  const parts: string[] = [];
  if (!isRead) {
    if (p.resolution) parts.push(`resolution=${p.resolution}`);
    if (p.missing) parts.push(`missing=${p.missing}`);
    if (p.return) parts.push(`return=${p.return}`);
  }
  if (p.count) parts.push(`count=${p.count}`);
  if (p.tx && txAllowed) parts.push(`tx=${p.tx}`);
  if (p.handling) parts.push(`handling=${p.handling}`);
  if (p.timezone) parts.push(`timezone=${p.timezone}`);
  if (p.handling === 'strict' && p.maxAffected !== undefined) parts.push(`max-affected=${p.maxAffected}`);
  return parts.length ? parts.join(', ') : null;
}

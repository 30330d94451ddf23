// Durations: what people type (hours and minutes) into minutes, and minutes or milliseconds back into text.

export const MAX_ENTRY_MINUTES = 24 * 60;

export type DurationResult = { ok: true; minutes: number } | { ok: false; error: string };

/**
 * Hours and minutes fields into minutes. Hours may be decimal ("1.5", "1,5"); empty fields count as 0.
 * A time entry lasts from 1 minute to 24 hours (the database refuses more).
 */
export function parseDuration(hours: string, minutes: string): DurationResult {
  const h = hours.trim() === '' ? 0 : Number(hours.trim().replace(',', '.'));
  const m = minutes.trim() === '' ? 0 : Number(minutes.trim());
  if (!Number.isFinite(h) || h < 0) return { ok: false, error: 'Hours must be a number of 0 or more' };
  if (!Number.isInteger(m) || m < 0 || m > 59) return { ok: false, error: 'Minutes must be a whole number from 0 to 59' };
  const total = Math.round(h * 60) + m;
  if (total < 1) return { ok: false, error: 'Enter at least 1 minute' };
  if (total > MAX_ENTRY_MINUTES) return { ok: false, error: 'An entry can be at most 24 hours' };
  return { ok: true, minutes: total };
}

/** Minutes back into the two form fields. */
export function splitMinutes(total: number): { hours: string; minutes: string } {
  return { hours: String(Math.floor(total / 60)), minutes: String(total % 60) };
}

/** "2 h 05 min", "45 min", "3 h". */
export function formatMinutes(total: number): string {
  const t = Math.max(0, Math.round(total));
  const h = Math.floor(t / 60);
  const m = t % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${String(m).padStart(2, '0')} min` : `${h} h`;
}

/** A finished entry's length: like formatMinutes, but a timer stopped within half a minute reads "< 1 min". */
export function formatEntryMinutes(minutes: number): string {
  return minutes < 1 ? '< 1 min' : formatMinutes(minutes);
}

/** Hours with at most one decimal: 7.5 → "7.5 h", 8 → "8 h". */
export function formatHours(hours: number): string {
  return `${Math.round(hours * 10) / 10} h`;
}

/** A running clock: "0:04:09", "12:00:00". */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

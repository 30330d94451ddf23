import { format, parseISO } from 'date-fns';

/** "Mar 4, 2026" from an ISO day. */
export function formatDay(iso: string): string {
  return format(parseISO(iso), 'MMM d, yyyy');
}

/** "Jan 3 – Mar 4, 2026", "From Jan 3, 2026", "Until …", or "No dates". */
export function formatDateRange(start: string | null, end: string | null): string {
  if (start && end) {
    const s = parseISO(start);
    const e = parseISO(end);
    return s.getFullYear() === e.getFullYear() ? `${format(s, 'MMM d')} – ${format(e, 'MMM d, yyyy')}` : `${formatDay(start)} – ${formatDay(end)}`;
  }
  if (start) return `From ${formatDay(start)}`;
  if (end) return `Until ${formatDay(end)}`;
  return 'No dates';
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount);
}

/** "76 h", "12.5 h". */
export function formatHours(hours: number): string {
  return `${Number(hours.toFixed(1)).toLocaleString('en-US')} h`;
}

/** Today as an ISO day in the viewer's time zone. */
export function todayIso(now = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

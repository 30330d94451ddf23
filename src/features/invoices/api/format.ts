import { format, parseISO } from 'date-fns';

/** "Nov 24, 2026" for a date column. */
export const fmtDate = (d: string) => format(parseISO(d), 'MMM d, yyyy');

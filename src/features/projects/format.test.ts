import { describe, expect, it } from 'vitest';
import { formatDateRange, formatHours, formatMoney, todayIso } from './format';

describe('format', () => {
  it('writes date ranges compactly', () => {
    expect(formatDateRange('2026-01-03', '2026-03-04')).toBe('Jan 3 – Mar 4, 2026');
    expect(formatDateRange('2025-12-01', '2026-03-04')).toBe('Dec 1, 2025 – Mar 4, 2026');
    expect(formatDateRange('2026-01-03', null)).toBe('From Jan 3, 2026');
    expect(formatDateRange(null, '2026-01-03')).toBe('Until Jan 3, 2026');
    expect(formatDateRange(null, null)).toBe('No dates');
  });

  it('writes money, hours and today', () => {
    expect(formatMoney(24000, 'USD')).toBe('$24,000');
    expect(formatMoney(9120.5, 'EUR')).toBe('€9,120.50');
    expect(formatHours(76)).toBe('76 h');
    expect(formatHours(12.345)).toBe('12.3 h');
    expect(todayIso(new Date(2026, 4, 9, 23, 30))).toBe('2026-05-09');
  });
});

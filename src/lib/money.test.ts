import { describe, expect, it } from 'vitest';
import { computeTotals, currencyExponent, formatBasisPoints, formatMoney, minorToInput, parseMoney, parsePercent } from './money';

describe('currencyExponent', () => {
  it('follows ISO 4217 through Intl', () => {
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('BHD')).toBe(3);
  });
});

describe('formatMoney', () => {
  it('formats minor units with the currency digits', () => {
    expect(formatMoney(123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(1235, 'JPY', 'en-US')).toBe('¥1,235');
    expect(formatMoney(1234567, 'BHD', 'en-US')).toMatch(/1,234\.567/);
    expect(formatMoney(0, 'EUR', 'en-US')).toBe('€0.00');
  });
  it('writes input values back', () => {
    expect(minorToInput(123456, 'USD')).toBe('1234.56');
    expect(minorToInput(500, 'JPY')).toBe('500');
  });
});

describe('parseMoney', () => {
  const ok = (minor: number) => ({ ok: true, minor });
  it('reads common ways of typing an amount', () => {
    expect(parseMoney('1234.56', 'USD')).toEqual(ok(123456));
    expect(parseMoney('1,234.56', 'USD')).toEqual(ok(123456));
    expect(parseMoney('1.234,56', 'EUR')).toEqual(ok(123456));
    expect(parseMoney('$ 12', 'USD')).toEqual(ok(1200));
    expect(parseMoney('12.5', 'USD')).toEqual(ok(1250));
    expect(parseMoney('0.1', 'USD')).toEqual(ok(10));
    expect(parseMoney('1,250', 'USD')).toEqual(ok(125000));
    expect(parseMoney('1500', 'JPY')).toEqual(ok(1500));
    expect(parseMoney('1.250', 'BHD')).toEqual(ok(1250));
    expect(parseMoney('2,001.250', 'BHD')).toEqual(ok(2001250));
  });
  it('refuses what is not an amount', () => {
    expect(parseMoney('', 'USD').ok).toBe(false);
    expect(parseMoney('abc', 'USD').ok).toBe(false);
    expect(parseMoney('-5', 'USD')).toEqual({ ok: false, error: 'The amount cannot be negative' });
    expect(parseMoney('1.234', 'USD').ok).toBe(true); // grouping: 1234
    expect(parseMoney('1.5', 'JPY')).toEqual({ ok: false, error: 'JPY has no decimals' });
    expect(parseMoney('1.2345', 'BHD').ok).toBe(false);
  });
});

describe('percentages', () => {
  it('formats and parses basis points', () => {
    expect(formatBasisPoints(2000, 'en-US')).toBe('20%');
    expect(formatBasisPoints(825, 'en-US')).toBe('8.25%');
    expect(parsePercent('8.25')).toBe(825);
    expect(parsePercent('20 %')).toBe(2000);
    expect(parsePercent('100')).toBe(10000);
    expect(parsePercent('100.01')).toBeNull();
    expect(parsePercent('x')).toBeNull();
  });
});

describe('computeTotals (same rounding as SQL)', () => {
  it('rounds item amounts half away from zero', () => {
    // 0.333 x 1000 = 333; 1.5 x 3 = 4.5 -> 5; 2.345 x 1 = 2.345 -> 2
    expect(computeTotals([{ quantity: 0.333, unit_amount: 1000, tax_rate_bp: 0 }, { quantity: 1.5, unit_amount: 3, tax_rate_bp: 0 }], 0).amounts).toEqual([333, 5]);
  });
  it('applies discount before tax per item', () => {
    const t = computeTotals(
      [
        { quantity: 3, unit_amount: 3333, tax_rate_bp: 2000 },
        { quantity: 1, unit_amount: 1, tax_rate_bp: 825 },
      ],
      1250,
    );
    // amounts 9999 and 1; subtotal 10000; discount round(1250) = 1250
    // tax: round(9999 * 8750/10000 * 0.2) = round(1749.825) = 1750; round(1 * 0.875 * 0.0825) = 0
    expect(t).toEqual({ amounts: [9999, 1], subtotal: 10000, discount: 1250, tax: 1750, total: 10500 });
  });
  it('rounds a half discount up', () => {
    expect(computeTotals([{ quantity: 1, unit_amount: 5, tax_rate_bp: 0 }], 1000).discount).toBe(1); // 0.5 -> 1
  });
});

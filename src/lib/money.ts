// Money in the SPA: amounts are integers in minor units of the organization's one currency (ISO 4217).
// The digits of a minor unit come from Intl (JPY 0, USD 2, BHD 3), the same table SQL's currency_exponent keeps.
// Totals shown while editing follow SQL's rounding exactly; SQL stays the authority.

/** Digits after the decimal point of a currency's minor unit. */
export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "$1,234.56" for 123456 USD; "¥1,235" for 1235 JPY. */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const exp = currencyExponent(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exp, maximumFractionDigits: exp }).format(minor / 10 ** exp);
  } catch {
    return `${(minor / 10 ** exp).toFixed(exp)} ${currency}`;
  }
}

/** The minor amount as a plain decimal for an input field: 123456 USD → "1234.56". */
export function minorToInput(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  return exp === 0 ? String(minor) : (minor / 10 ** exp).toFixed(exp);
}

export type ParsedMoney = { ok: true; minor: number } | { ok: false; error: string };

/**
 * Reads what a person typed ("1,234.50", "1234,5", "$ 12") into minor units, exactly (no floating point).
 * The last "." or "," followed by at most the currency's digits is the decimal separator; other separators
 * and spaces are thousands separators.
 */
export function parseMoney(text: string, currency: string): ParsedMoney {
  const exp = currencyExponent(currency);
  const cleaned = text.replace(/[\s\u00a0'’]/g, '').replace(/^[^\d.,-]+|[^\d.,]+$/g, '');
  if (!cleaned) return { ok: false, error: 'Enter an amount' };
  if (cleaned.startsWith('-')) return { ok: false, error: 'The amount cannot be negative' };
  if (!/^[\d.,]+$/.test(cleaned)) return { ok: false, error: 'Enter a number such as 1,250.00' };
  // The decimal separator: the last one when both "." and "," appear; a lone one unless it is grouping
  // (repeated, or followed by exactly three digits in a currency that does not have three decimals).
  const last = Math.max(cleaned.lastIndexOf('.'), cleaned.lastIndexOf(','));
  let whole = cleaned;
  let fraction = '';
  if (last >= 0) {
    const sep = cleaned.charAt(last);
    const both = cleaned.includes('.') && cleaned.includes(',');
    const repeated = cleaned.split(sep).length > 2;
    const tail = cleaned.slice(last + 1);
    if (both || (!repeated && !(tail.length === 3 && exp !== 3))) {
      whole = cleaned.slice(0, last);
      fraction = tail;
    }
  }
  whole = whole.replace(/[.,]/g, '');
  if (!/^\d*$/.test(whole) || (whole === '' && fraction === '')) return { ok: false, error: 'Enter a number such as 1,250.00' };
  if (fraction.length > exp) {
    return { ok: false, error: exp === 0 ? `${currency} has no decimals` : `${currency} has at most ${exp} decimals` };
  }
  const minor = Number(BigInt(whole || '0') * 10n ** BigInt(exp) + BigInt((fraction + '000').slice(0, exp) || '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, error: 'The amount is too large' };
  return { ok: true, minor };
}

/** 2000 → "20%", 825 → "8.25%". */
export function formatBasisPoints(bp: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10000);
}

/** "8.25" → 825 basis points; null when it is not a percentage between 0 and 100 with at most 2 decimals. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(',', '.').replace(/%$/, '').trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const [w, f = ''] = t.split('.');
  const bp = Number(w) * 100 + Number((f + '00').slice(0, 2));
  return bp <= 10000 ? bp : null;
}

export interface LineInput {
  quantity: number;
  unit_amount: number;
  tax_rate_bp: number;
}

export interface Totals {
  amounts: number[];
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
}

/**
 * The same maths as SQL (money_logic migration): item amount = round(qty * unit); discount =
 * round(subtotal * discount_bp / 10000); tax per item = round(amount * (10000 - discount_bp) / 10000 *
 * tax_bp / 10000); total = subtotal - discount + tax. Quantities have at most 3 decimals, so the products are
 * computed on integers scaled by 1000 to stay exact.
 */
export function computeTotals(lines: readonly LineInput[], discountBp: number): Totals {
  const amounts = lines.map((l) => roundDiv(BigInt(Math.round(l.quantity * 1000)) * BigInt(l.unit_amount), 1000n));
  const subtotal = amounts.reduce((a, b) => a + b, 0);
  const discount = roundDiv(BigInt(subtotal) * BigInt(discountBp), 10000n);
  const tax = lines.reduce((sum, l, i) => sum + roundDiv(BigInt(amounts[i] ?? 0) * BigInt(10000 - discountBp) * BigInt(l.tax_rate_bp), 10000n * 10000n), 0);
  return { amounts, subtotal, discount, tax, total: subtotal - discount + tax };
}

/** n / d rounded half away from zero, on integers. */
function roundDiv(n: bigint, d: bigint): number {
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return Number(neg ? -q : q);
}

// Line items as typed in a form (strings) and as SQL takes them (quantity, unit_amount in minor units,
// tax_rate_bp). Shared by the estimate answer and the invoice editor.
import { computeTotals, formatBasisPoints, minorToInput, parseMoney, parsePercent } from './money';

export interface LineDraft {
  description: string;
  quantity: string;
  unit: string;
  tax: string;
}

export interface LineValue {
  description: string;
  quantity: number;
  unit_amount: number;
  tax_rate_bp: number;
}

export type LineErrors = Partial<Record<keyof LineDraft, string>>;

export function emptyLine(defaultTaxBp: number): LineDraft {
  return { description: '', quantity: '1', unit: '', tax: String(defaultTaxBp / 100) };
}

export function lineToDraft(line: LineValue, currency: string): LineDraft {
  return { description: line.description, quantity: String(line.quantity), unit: minorToInput(line.unit_amount, currency), tax: String(line.tax_rate_bp / 100) };
}

/** A quantity above zero with at most 3 decimals (numeric(12,3) in SQL); null otherwise. */
export function parseQuantity(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,3})?$/.test(t)) return null;
  const q = Number(t);
  return q > 0 ? q : null;
}

/** Reads one line; the errors say what to fix, per field. */
export function parseLine(draft: LineDraft, currency: string): { value: LineValue | null; errors: LineErrors } {
  const errors: LineErrors = {};
  const description = draft.description.trim();
  if (!description) errors.description = 'Describe the item';
  else if (description.length > 500) errors.description = 'At most 500 characters';
  const quantity = parseQuantity(draft.quantity);
  if (quantity === null) errors.quantity = 'A number above 0, at most 3 decimals';
  const unit = parseMoney(draft.unit, currency);
  if (!unit.ok) errors.unit = unit.error;
  const tax = draft.tax.trim() === '' ? 0 : parsePercent(draft.tax);
  if (tax === null) errors.tax = 'A percentage from 0 to 100';
  if (Object.keys(errors).length > 0 || quantity === null || !unit.ok || tax === null) return { value: null, errors };
  return { value: { description, quantity, unit_amount: unit.minor, tax_rate_bp: tax }, errors };
}

/** Every line read; `values` is null when any line has an error. */
export function parseLines(drafts: readonly LineDraft[], currency: string): { values: LineValue[] | null; errors: LineErrors[] } {
  const parsed = drafts.map((d) => parseLine(d, currency));
  const ok = parsed.every((p) => p.value !== null);
  return { values: ok ? parsed.map((p) => p.value as LineValue) : null, errors: parsed.map((p) => p.errors) };
}

/** Live totals while typing: lines that do not parse yet count as zero. */
export function draftTotals(drafts: readonly LineDraft[], currency: string, discountBp: number) {
  return computeTotals(
    drafts.map((d) => {
      const p = parseLine({ ...d, description: d.description || 'x' }, currency).value;
      return p ?? { quantity: 0, unit_amount: 0, tax_rate_bp: 0 };
    }),
    discountBp,
  );
}

export function taxLabel(bp: number): string {
  return bp === 0 ? 'No tax' : formatBasisPoints(bp);
}

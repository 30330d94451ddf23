import { describe, expect, it } from 'vitest';
import { draftTotals, emptyLine, lineToDraft, parseLine, parseLines, parseQuantity } from './line-items';

describe('line items', () => {
  it('reads a typed line into SQL values', () => {
    expect(parseLine({ description: ' Design ', quantity: '2.5', unit: '1,200.00', tax: '20' }, 'USD')).toEqual({
      value: { description: 'Design', quantity: 2.5, unit_amount: 120000, tax_rate_bp: 2000 },
      errors: {},
    });
  });
  it('says what is wrong per field', () => {
    const { value, errors } = parseLine({ description: '', quantity: '0', unit: 'abc', tax: '150' }, 'USD');
    expect(value).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['description', 'quantity', 'tax', 'unit']);
  });
  it('limits quantities to 3 decimals above zero', () => {
    expect(parseQuantity('0.125')).toBe(0.125);
    expect(parseQuantity('0.1255')).toBeNull();
    expect(parseQuantity('-1')).toBeNull();
  });
  it('computes live totals, counting unfinished lines as zero', () => {
    const t = draftTotals([{ description: 'A', quantity: '3', unit: '33.33', tax: '20' }, { ...emptyLine(0) }], 'USD', 1250);
    expect(t.subtotal).toBe(9999);
    expect(t.total).toBe(9999 - 1250 + Math.round(9999 * 0.875 * 0.2));
    expect(parseLines([emptyLine(2000)], 'USD').values).toBeNull();
  });
  it('round-trips a stored line', () => {
    const d = lineToDraft({ description: 'X', quantity: 1.5, unit_amount: 1050, tax_rate_bp: 825 }, 'EUR');
    expect(d).toEqual({ description: 'X', quantity: '1.5', unit: '10.50', tax: '8.25' });
    expect(parseLine(d, 'EUR').value).toEqual({ description: 'X', quantity: 1.5, unit_amount: 1050, tax_rate_bp: 825 });
  });
});

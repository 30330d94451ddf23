import { describe, expect, it } from 'vitest';
import { BAND_STYLES, BUDGET_BANDS, budgetBand, budgetBandLabel, budgetBandTone, budgetPercent, isBudgetBand, worstBand } from './budget';

describe('budgetBand', () => {
  it('follows the database thresholds: 75%, 90%, above 100%', () => {
    expect(budgetBand(0, 100)).toBe('on_track');
    expect(budgetBand(74.99, 100)).toBe('on_track');
    expect(budgetBand(75, 100)).toBe('warning');
    expect(budgetBand(89.99, 100)).toBe('warning');
    expect(budgetBand(90, 100)).toBe('critical');
    expect(budgetBand(100, 100)).toBe('critical');
    expect(budgetBand(100.01, 100)).toBe('over_budget');
  });

  it('has no band without a positive budget', () => {
    expect(budgetBand(10, null)).toBeNull();
    expect(budgetBand(10, undefined)).toBeNull();
    expect(budgetBand(10, 0)).toBeNull();
  });
});

describe('worstBand', () => {
  it('picks the more serious band and ignores unknown values', () => {
    expect(worstBand('on_track', 'critical')).toBe('critical');
    expect(worstBand('over_budget', 'warning')).toBe('over_budget');
    expect(worstBand(null, 'warning', undefined)).toBe('warning');
    expect(worstBand(null, 'nonsense')).toBeNull();
    expect(worstBand()).toBeNull();
  });
});

describe('budgetPercent and styles', () => {
  it('computes the share used', () => {
    expect(budgetPercent(50, 200)).toBe(25);
    expect(budgetPercent(300, 200)).toBe(150);
    expect(budgetPercent(1, null)).toBeNull();
  });

  it('gives every band a label, a tone and a light and dark colour', () => {
    for (const band of BUDGET_BANDS) {
      expect(isBudgetBand(band)).toBe(true);
      expect(BAND_STYLES[band].label).not.toBe('');
      expect(BAND_STYLES[band].bar).toMatch(/dark:/);
      expect(BAND_STYLES[band].text).toMatch(/dark:/);
    }
    expect(new Set(BUDGET_BANDS.map((b) => BAND_STYLES[b].bar)).size).toBe(BUDGET_BANDS.length);
  });
});
describe('budget band labels and tones', () => {
  it('name and colour every band public.budget_band() returns, worst last', () => {
    expect(BUDGET_BANDS).toEqual(['on_track', 'warning', 'critical', 'over_budget']);
    expect(BUDGET_BANDS.map(budgetBandLabel)).toEqual(['On track', 'Warning', 'Critical', 'Over budget']);
    expect(BUDGET_BANDS.map(budgetBandTone)).toEqual(['success', 'warning', 'danger', 'danger']);
  });

  it('say "No budget" for a project without one', () => {
    expect(budgetBandLabel(null)).toBe('No budget');
    expect(budgetBandTone(undefined)).toBe('neutral');
    expect(budgetBandLabel('something-else')).toBe('No budget');
  });
});

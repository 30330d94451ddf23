import { describe, expect, it } from 'vitest';
import { BUDGET_BANDS, budgetBandLabel, budgetBandTone } from './budget';

describe('budget bands', () => {
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

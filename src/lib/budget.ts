// Budget bands as the database computes them (public.budget_band): labels and badge tones for the UI.
export const BUDGET_BANDS = ['on_track', 'warning', 'critical', 'over_budget'] as const;
export type BudgetBand = (typeof BUDGET_BANDS)[number];
export type BudgetTone = 'neutral' | 'success' | 'warning' | 'danger';

const LABELS: Record<BudgetBand, string> = { on_track: 'On track', warning: 'Warning', critical: 'Critical', over_budget: 'Over budget' };
const TONES: Record<BudgetBand, BudgetTone> = { on_track: 'success', warning: 'warning', critical: 'danger', over_budget: 'danger' };

function isBand(band: string | null | undefined): band is BudgetBand {
  return (BUDGET_BANDS as readonly string[]).includes(band ?? '');
}

/** "On track", "Warning"…; "No budget" when the project has none (the band is null). */
export function budgetBandLabel(band: string | null | undefined): string {
  return isBand(band) ? LABELS[band] : 'No budget';
}

export function budgetBandTone(band: string | null | undefined): BudgetTone {
  return isBand(band) ? TONES[band] : 'neutral';
}

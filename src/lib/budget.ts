// Budget bands: how far spending has come against a budget. The thresholds mirror the database's
// public.budget_band() (the judge); every module that shows a band uses these labels and colours.

export const BUDGET_BANDS = ['on_track', 'warning', 'critical', 'over_budget'] as const;
export type BudgetBand = (typeof BUDGET_BANDS)[number];

export interface BandStyle {
  label: string;
  /** Badge tone (src/components/ui/badge). */
  tone: 'success' | 'warning' | 'danger';
  /** Fill of a progress bar in this band. */
  bar: string;
  /** Text colour for figures in this band. */
  text: string;
  /** What the band means, for a tooltip or screen readers. */
  description: string;
}

export const BAND_STYLES: Record<BudgetBand, BandStyle> = {
  on_track: {
    label: 'On track',
    tone: 'success',
    bar: 'bg-emerald-500 dark:bg-emerald-400',
    text: 'text-emerald-700 dark:text-emerald-300',
    description: 'Less than 75% of the budget used',
  },
  warning: {
    label: 'Warning',
    tone: 'warning',
    bar: 'bg-amber-500 dark:bg-amber-400',
    text: 'text-amber-800 dark:text-amber-300',
    description: '75% or more of the budget used',
  },
  critical: {
    label: 'Critical',
    tone: 'danger',
    bar: 'bg-orange-600 dark:bg-orange-400',
    text: 'text-orange-700 dark:text-orange-300',
    description: '90% or more of the budget used',
  },
  over_budget: {
    label: 'Over budget',
    tone: 'danger',
    bar: 'bg-red-600 dark:bg-red-400',
    text: 'text-red-700 dark:text-red-300',
    description: 'More than the budget used',
  },
};

export function isBudgetBand(value: unknown): value is BudgetBand {
  return typeof value === 'string' && (BUDGET_BANDS as readonly string[]).includes(value);
}

/** The band for `used` against `budget`, as public.budget_band() computes it; null without a budget. */
export function budgetBand(used: number, budget: number | null | undefined): BudgetBand | null {
  if (budget === null || budget === undefined || !(budget > 0)) return null;
  if (used > budget) return 'over_budget';
  if (used >= budget * 0.9) return 'critical';
  if (used >= budget * 0.75) return 'warning';
  return 'on_track';
}

/** The more serious of several bands (e.g. hours and money); null when none is known. */
export function worstBand(...bands: Array<string | null | undefined>): BudgetBand | null {
  let worst: BudgetBand | null = null;
  for (const band of bands) {
    if (isBudgetBand(band) && (worst === null || BUDGET_BANDS.indexOf(band) > BUDGET_BANDS.indexOf(worst))) worst = band;
  }
  return worst;
}

/** Share of the budget used, in percent (may exceed 100); null without a budget. */
export function budgetPercent(used: number, budget: number | null | undefined): number | null {
  if (budget === null || budget === undefined || !(budget > 0)) return null;
  return (used / budget) * 100;
}

export type BudgetTone = BandStyle['tone'] | 'neutral';

/** "On track", "Warning"…; "No budget" when the project has none (the band is null). */
export function budgetBandLabel(band: string | null | undefined): string {
  return isBudgetBand(band) ? BAND_STYLES[band].label : 'No budget';
}

export function budgetBandTone(band: string | null | undefined): BudgetTone {
  return isBudgetBand(band) ? BAND_STYLES[band].tone : 'neutral';
}

import { BAND_STYLES, type BudgetBand } from '@/lib/budget';
import { Badge } from './ui/badge';

/** A budget band as a coloured label ("On track", "Warning", …), with its meaning as a tooltip. */
export function BudgetBandBadge({ band }: { band: BudgetBand }) {
  const style = BAND_STYLES[band];
  return (
    <span title={style.description}>
      <Badge tone={style.tone}>{style.label}</Badge>
    </span>
  );
}

export interface ProgressBarProps {
  /** Accessible name, e.g. "Hours used". */
  label: string;
  value: number;
  max: number;
  /** Read out instead of the bare numbers, e.g. "76 of 200 hours". */
  valueText?: string;
  /** Tailwind classes for the fill (colour), light and dark. */
  barClassName?: string;
  size?: 'sm' | 'md';
}

/** A determinate progress bar; the fill stops at 100% even when the value goes past the maximum. */
export function ProgressBar({ label, value, max, valueText, barClassName = 'bg-brand-600 dark:bg-indigo-400', size = 'md' }: ProgressBarProps) {
  const percent = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(value, max)}
      aria-valuetext={valueText}
      className={`w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800 ${size === 'sm' ? 'h-1.5' : 'h-2.5'}`}
    >
      <div className={`h-full rounded-full transition-[width] duration-300 ${barClassName}`} style={{ width: `${percent}%` }} />
    </div>
  );
}

import { useId } from 'react';
import { Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { draftTotals, emptyLine, type LineDraft, type LineErrors } from '@/lib/line-items';
import { formatMoney } from '@/lib/money';
import { TotalsList } from './totals-list';

interface Props {
  value: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  errors?: LineErrors[];
  currency: string;
  defaultTaxBp: number;
  discountBp?: number;
  max?: number;
}

const input =
  'block w-full rounded-md border bg-white px-2 py-1.5 text-sm shadow-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 dark:bg-slate-900';
const ok = 'border-slate-300 dark:border-slate-700';
const bad = 'border-red-500';

/** Line items with live totals (the same rounding as SQL; the saved totals come from SQL). */
export function LineItemsEditor({ value, onChange, errors = [], currency, defaultTaxBp, discountBp = 0, max = 200 }: Props) {
  const id = useId();
  const totals = draftTotals(value, currency, discountBp);
  const set = (i: number, change: Partial<LineDraft>) => onChange(value.map((l, j) => (j === i ? { ...l, ...change } : l)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">Line items</legend>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
              <th scope="col" className="pb-1 pr-2 font-semibold">Description</th>
              <th scope="col" className="w-20 pb-1 pr-2 font-semibold">Qty</th>
              <th scope="col" className="w-32 pb-1 pr-2 font-semibold">Unit price ({currency})</th>
              <th scope="col" className="w-20 pb-1 pr-2 font-semibold">Tax %</th>
              <th scope="col" className="w-28 pb-1 pr-2 text-right font-semibold">Amount</th>
              <th scope="col" className="w-10 pb-1"><span className="sr-only">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {value.map((line, i) => {
              const e = errors[i] ?? {};
              const err = (k: keyof LineDraft) => (e[k] ? `${id}-${i}-${k}-error` : undefined);
              return (
                <tr key={i} className="align-top">
                  {(['description', 'quantity', 'unit', 'tax'] as const).map((k) => (
                    <td key={k} className="pb-2 pr-2">
                      <input
                        aria-label={`${k === 'unit' ? 'Unit price' : k === 'tax' ? 'Tax %' : k === 'quantity' ? 'Quantity' : 'Description'} of line ${i + 1}`}
                        className={`${input} ${e[k] ? bad : ok} ${k === 'description' ? '' : 'text-right tabular-nums'}`}
                        inputMode={k === 'description' ? undefined : 'decimal'}
                        value={line[k]}
                        aria-invalid={e[k] ? true : undefined}
                        aria-describedby={err(k)}
                        onChange={(ev) => set(i, { [k]: ev.target.value })}
                      />
                      {e[k] && (
                        <p id={err(k)} className="mt-1 text-xs text-red-600 dark:text-red-400">
                          {e[k]}
                        </p>
                      )}
                    </td>
                  ))}
                  <td className="pb-2 pr-2 pt-2 text-right tabular-nums">{formatMoney(totals.amounts[i] ?? 0, currency)}</td>
                  <td className="pb-2">
                    <Button
                      type="button"
                      variant="ghost"
                      aria-label={`Remove line ${i + 1}`}
                      disabled={value.length <= 1}
                      onClick={() => onChange(value.filter((_, j) => j !== i))}
                    >
                      <Trash2 className="size-4" aria-hidden />
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <Button type="button" variant="secondary" disabled={value.length >= max} onClick={() => onChange([...value, emptyLine(defaultTaxBp)])}>
          <Plus className="size-4" aria-hidden /> Add line
        </Button>
        <TotalsList currency={currency} subtotal={totals.subtotal} discount={totals.discount} tax={totals.tax} total={totals.total} discountBp={discountBp} />
      </div>
    </fieldset>
  );
}

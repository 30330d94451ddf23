import { formatBasisPoints, formatMoney } from '@/lib/money';

interface Props {
  currency: string;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  discountBp?: number;
  paid?: number;
  due?: number;
}

/** Subtotal, discount, tax, total (and paid / due) as a definition list, right-aligned. */
export function TotalsList({ currency, subtotal, discount, tax, total, discountBp = 0, paid, due }: Props) {
  const row = (label: string, amount: number, strong = false) => (
    <div className={`flex justify-between gap-8 ${strong ? 'border-t border-slate-200 pt-1 font-semibold dark:border-slate-700' : ''}`}>
      <dt className={strong ? '' : 'text-slate-600 dark:text-slate-400'}>{label}</dt>
      <dd className="tabular-nums">{formatMoney(amount, currency)}</dd>
    </div>
  );
  return (
    <dl className="ml-auto w-full max-w-xs space-y-1 text-sm">
      {row('Subtotal', subtotal)}
      {discount > 0 && row(`Discount (${formatBasisPoints(discountBp)})`, -discount)}
      {row('Tax', tax)}
      {row('Total', total, true)}
      {paid !== undefined && paid > 0 && row('Paid', -paid)}
      {due !== undefined && row('Amount due', due, true)}
    </dl>
  );
}

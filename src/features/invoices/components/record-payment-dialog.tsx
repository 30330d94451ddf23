import { useState } from 'react';
import { format } from 'date-fns';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { errorMessage } from '@/lib/errors';
import { formatMoney, minorToInput, parseMoney } from '@/lib/money';
import { toast } from '@/lib/toast';
import { recordPayment } from '../api/invoice-actions';
import { useInvoiceMutation } from '../api/keys';
import { PAYMENT_METHOD_LABEL, type PaymentMethod } from '../api/statuses';

interface Props {
  organizationId: string;
  invoiceId: string;
  currency: string;
  amountDue: number;
  open: boolean;
  onClose: () => void;
}

const METHODS = (Object.keys(PAYMENT_METHOD_LABEL) as PaymentMethod[]).map((m) => ({ value: m, label: PAYMENT_METHOD_LABEL[m] }));

/** "Record payment": a bank transfer or cash received; SQL checks it is above zero and within the amount due. */
export function RecordPaymentDialog({ organizationId, invoiceId, currency, amountDue, open, onClose }: Props) {
  const mutation = useInvoiceMutation(organizationId, recordPayment);
  const [amount, setAmount] = useState(() => minorToInput(amountDue, currency));
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [paidOn, setPaidOn] = useState(() => format(new Date(), 'yyyy-MM-dd'));
  const [reference, setReference] = useState('');
  const [amountError, setAmountError] = useState<string>();
  const close = () => {
    mutation.reset();
    setAmountError(undefined);
    onClose();
  };
  const handleSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = parseMoney(amount, currency);
    if (!parsed.ok) return setAmountError(parsed.error);
    if (parsed.minor <= 0) return setAmountError('The amount is more than zero');
    if (parsed.minor > amountDue) return setAmountError(`At most the amount due, ${formatMoney(amountDue, currency)}`);
    setAmountError(undefined);
    mutation.mutate(
      { invoiceId, amount: parsed.minor, method, paidOn, reference, note: '' },
      {
        onSuccess: () => {
          toast(`Payment of ${formatMoney(parsed.minor, currency)} recorded.`);
          close();
        },
      },
    );
  };
  return (
    <Dialog open={open} onClose={close} title="Record payment" description={`Money received outside Stripe. Amount due: ${formatMoney(amountDue, currency)}.`}>
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {mutation.error && <Alert>{errorMessage(mutation.error)}</Alert>}
        <TextField label={`Amount (${currency})`} inputMode="decimal" autoFocus value={amount} error={amountError} onChange={(e) => setAmount(e.target.value)} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Method" options={METHODS} value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)} />
          <TextField label="Received on" type="date" value={paidOn} required onChange={(e) => setPaidOn(e.target.value)} />
        </div>
        <TextField label="Reference" hint="E.g. the bank transfer's reference" maxLength={200} value={reference} onChange={(e) => setReference(e.target.value)} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            Record payment
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

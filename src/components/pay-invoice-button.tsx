import { useState } from 'react';
import { CreditCard } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { startInvoiceCheckout } from '@/lib/edge-functions';

export interface PayInvoiceButtonProps {
  invoiceId: string;
  /** The formatted amount shown on the button, e.g. "€1,234.56" (the server decides what is charged). */
  amountLabel: string;
  part?: 'balance' | 'deposit';
}

/** "Pay €…": opens Stripe Checkout for the invoice; the page comes back with ?checkout=success|cancel. */
export function PayInvoiceButton({ invoiceId, amountLabel, part = 'balance' }: PayInvoiceButtonProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const handlePay = async () => {
    setPending(true);
    setError(null);
    try {
      await startInvoiceCheckout(invoiceId, part);
    } catch (err) {
      setError((err as Error).message);
      setPending(false);
    }
  };
  return (
    <div className="space-y-2">
      <Button onClick={() => void handlePay()} loading={pending}>
        {!pending && <CreditCard className="size-4" aria-hidden />}
        {part === 'deposit' ? `Pay deposit ${amountLabel}` : `Pay ${amountLabel}`}
      </Button>
      {error && <Alert>{error}</Alert>}
    </div>
  );
}

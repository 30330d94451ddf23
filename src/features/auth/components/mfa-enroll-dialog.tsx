import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useMutation } from '@tanstack/react-query';
import { Dialog } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { Alert } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { codeSchema, enrollTotp, useVerifyTotp, type CodeInput } from '../api/mfa';

/** Enrolment: scan the QR code (or type the secret), then prove it works with a code. */
export function MfaEnrollDialog({ open, onClose, onEnrolled }: { open: boolean; onClose: () => void; onEnrolled: () => void }) {
  const enroll = useMutation({ mutationFn: () => enrollTotp(`Authenticator ${new Date().toISOString().slice(0, 10)}`) });
  const verify = useVerifyTotp();
  const [showSecret, setShowSecret] = useState(false);
  const form = useForm<CodeInput>({ resolver: standardSchemaResolver(codeSchema), defaultValues: { code: '' } });
  const { mutate: start, reset } = enroll;

  useEffect(() => {
    if (open) start();
    else reset();
  }, [open, start, reset]);

  const factor = enroll.data;
  return (
    <Dialog open={open} onClose={onClose} title="Set up an authenticator app" description="Scan the code with 1Password, Google Authenticator, Authy or similar.">
      {enroll.error && <Alert>{errorMessage(enroll.error)}</Alert>}
      {!factor ? (
        !enroll.error && <Skeleton className="mx-auto size-48" />
      ) : (
        <form
          onSubmit={form.handleSubmit((v) => verify.mutate({ factorId: factor.factorId, code: v.code }, { onSuccess: onEnrolled }))}
          noValidate
          className="space-y-4"
        >
          <img src={factor.qrCode} alt="QR code to scan with your authenticator app" className="mx-auto size-48 rounded-md bg-white p-2" />
          <p className="text-center text-sm">
            {showSecret ? (
              <code className="break-all rounded bg-slate-100 px-2 py-1 dark:bg-slate-800" data-testid="totp-secret">
                {factor.secret}
              </code>
            ) : (
              <button type="button" className="text-brand-600 hover:underline dark:text-indigo-300" onClick={() => setShowSecret(true)}>
                Cannot scan? Show the key to type in
              </button>
            )}
          </p>
          {verify.error && <Alert>{errorMessage(verify.error)}</Alert>}
          <TextField label="6-digit code from the app" inputMode="numeric" autoComplete="one-time-code" maxLength={6} error={form.formState.errors.code?.message} {...form.register('code')} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={verify.isPending}>
              Turn on two-step verification
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

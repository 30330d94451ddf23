import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { ShieldCheck } from 'lucide-react';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useFactors, useUnenroll } from '../api/mfa';
import { MfaEnrollDialog } from '../components/mfa-enroll-dialog';
import { changePasswordSchema, useChangePassword, useSignOutOthers, type ChangePasswordInput } from '../api/security';

export default function SecuritySettingsRoute() {
  return (
    <>
      <PageHeader title="Security" description="Your password, two-step verification and where you are signed in." />
      <div className="space-y-6">
        <PasswordCard />
        <MfaCard />
        <SessionsCard />
      </div>
    </>
  );
}

function PasswordCard() {
  const change = useChangePassword();
  const form = useForm<ChangePasswordInput>({ resolver: standardSchemaResolver(changePasswordSchema), defaultValues: { password: '', confirm: '' } });
  const { errors } = form.formState;
  return (
    <Card title="Password">
      <form
        onSubmit={form.handleSubmit((v) => change.mutate(v, { onSuccess: () => (toast('Password changed.'), form.reset()) }))}
        noValidate
        className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      >
        {change.error && <div className="sm:col-span-3"><Alert>{errorMessage(change.error)}</Alert></div>}
        <TextField label="New password" type="password" autoComplete="new-password" error={errors.password?.message} {...form.register('password')} />
        <TextField label="Repeat the new password" type="password" autoComplete="new-password" error={errors.confirm?.message} {...form.register('confirm')} />
        <Button type="submit" loading={change.isPending}>
          Change password
        </Button>
      </form>
    </Card>
  );
}

function MfaCard() {
  const factors = useFactors();
  const unenroll = useUnenroll();
  const [enrolling, setEnrolling] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const verified = factors.data?.filter((f) => f.status === 'verified') ?? [];
  return (
    <Card
      title="Two-step verification"
      description="After your password, ask for a code from an authenticator app."
      actions={verified.length ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}
    >
      {factors.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : verified.length === 0 ? (
        <Button onClick={() => setEnrolling(true)}>
          <ShieldCheck className="size-4" aria-hidden /> Set up an authenticator app
        </Button>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {verified.map((f) => (
            <li key={f.id} className="flex items-center justify-between py-2 text-sm">
              <span>{f.friendly_name || 'Authenticator app'}</span>
              <Button variant="ghost" onClick={() => setRemoving(f.id)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {unenroll.error && <div className="mt-3"><Alert>{errorMessage(unenroll.error)}</Alert></div>}
      <MfaEnrollDialog
        open={enrolling}
        onClose={() => setEnrolling(false)}
        onEnrolled={() => {
          setEnrolling(false);
          toast('Two-step verification is on.');
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title="Turn off two-step verification?"
        description="Signing in will only need your password again."
        confirmLabel="Remove authenticator"
        pending={unenroll.isPending}
        onConfirm={() => unenroll.mutate(removing!, { onSuccess: () => toast('Authenticator removed.'), onSettled: () => setRemoving(null) })}
        onCancel={() => setRemoving(null)}
      />
    </Card>
  );
}

function SessionsCard() {
  const signOutOthers = useSignOutOthers();
  const [open, setOpen] = useState(false);
  return (
    <Card title="Sessions" description="Signed in on another computer or phone you no longer use? End those sessions here; this one stays.">
      {signOutOthers.error && <div className="mb-3"><Alert>{errorMessage(signOutOthers.error)}</Alert></div>}
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Sign out everywhere else
      </Button>
      <ConfirmDialog
        open={open}
        title="Sign out of every other session?"
        description="Other browsers and devices will need to sign in again."
        confirmLabel="Sign out other sessions"
        pending={signOutOthers.isPending}
        onConfirm={() => signOutOthers.mutate(undefined, { onSuccess: () => toast('Other sessions were signed out.'), onSettled: () => setOpen(false) })}
        onCancel={() => setOpen(false)}
      />
    </Card>
  );
}

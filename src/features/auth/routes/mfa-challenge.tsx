import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { Alert } from '@/components/ui/alert';
import { errorMessage } from '@/lib/errors';
import { auth } from '@/lib/auth-client';
import { useSession } from '@/lib/auth';
import { AuthCard } from '../components/auth-card';
import { safeNext } from '../api/schemas';
import { codeSchema, verifiedFactorId, verifyTotp, type CodeInput } from '../api/mfa';

export default function MfaChallengeRoute() {
  const { session, ready } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const verify = useMutation({ mutationFn: async ({ code }: CodeInput) => verifyTotp({ factorId: await verifiedFactorId(), code }) });
  const form = useForm<CodeInput>({ resolver: standardSchemaResolver(codeSchema), defaultValues: { code: '' } });
  if (ready && !session) return <Navigate to="/sign-in" replace />;
  return (
    <AuthCard title="Two-step verification" subtitle="Enter the 6-digit code from your authenticator app.">
      <form onSubmit={form.handleSubmit((v) => verify.mutate(v, { onSuccess: () => navigate(next, { replace: true }) }))} noValidate className="space-y-4">
        {verify.error && <Alert>{errorMessage(verify.error)}</Alert>}
        <TextField
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          maxLength={6}
          error={form.formState.errors.code?.message}
          {...form.register('code')}
        />
        <Button type="submit" className="w-full" loading={verify.isPending}>
          Verify
        </Button>
      </form>
      <button type="button" className="mt-4 w-full text-center text-sm text-slate-600 hover:underline dark:text-slate-300" onClick={() => void auth.signOut()}>
        Sign in as someone else
      </button>
    </AuthCard>
  );
}

import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { Alert } from '@/components/ui/alert';
import { errorMessage } from '@/lib/errors';
import { AuthCard } from '../components/auth-card';
import { AuthLinks } from '../components/auth-links';
import { forgotPasswordSchema, useRequestPasswordReset, type ForgotPasswordInput } from '../api/password';

export default function ForgotPasswordRoute() {
  const request = useRequestPasswordReset();
  const form = useForm<ForgotPasswordInput>({ resolver: standardSchemaResolver(forgotPasswordSchema), defaultValues: { email: '' } });
  return (
    <AuthCard title="Reset your password" subtitle="We will email you a link to choose a new one.">
      {request.isSuccess ? (
        <Alert tone="success">If an account exists for {form.getValues('email')}, a reset link is on its way.</Alert>
      ) : (
        <form onSubmit={form.handleSubmit((v) => request.mutate(v))} noValidate className="space-y-4">
          {request.error && <Alert>{errorMessage(request.error)}</Alert>}
          <TextField label="Email" type="email" autoComplete="email" autoFocus error={form.formState.errors.email?.message} {...form.register('email')} />
          <Button type="submit" className="w-full" loading={request.isPending}>
            Send reset link
          </Button>
        </form>
      )}
      <AuthLinks links={[{ to: '/sign-in', label: 'Back to sign in' }]} />
    </AuthCard>
  );
}

import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useNavigate, useSearchParams } from 'react-router';
import { MailCheck } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { Alert } from '@/components/ui/alert';
import { errorMessage } from '@/lib/errors';
import { AuthCard } from '../components/auth-card';
import { AuthLinks } from '../components/auth-links';
import { safeNext } from '../api/schemas';
import { signUpSchema, useSignUp, type SignUpInput } from '../api/sign-up';

export default function SignUpRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'), '/onboarding');
  const signUp = useSignUp();
  const form = useForm<SignUpInput>({
    resolver: standardSchemaResolver(signUpSchema),
    defaultValues: { displayName: '', email: params.get('email') ?? '', password: '' },
  });
  const { errors } = form.formState;

  if (signUp.data?.confirmEmail) {
    return (
      <AuthCard title="Confirm your email">
        <div className="flex flex-col items-center gap-3 text-center">
          <MailCheck className="size-10 text-brand-600" aria-hidden />
          <p className="text-sm text-slate-600 dark:text-slate-300">
            We sent a confirmation link to <strong>{form.getValues('email')}</strong>. Open it to finish creating your account.
          </p>
        </div>
      </AuthCard>
    );
  }

  const handleSubmit = form.handleSubmit((values) =>
    signUp.mutate({ ...values, next }, { onSuccess: ({ confirmEmail }) => !confirmEmail && navigate(next, { replace: true }) }),
  );

  return (
    <AuthCard title="Create your account" subtitle="Run your client work in one place.">
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {signUp.error && <Alert>{errorMessage(signUp.error)}</Alert>}
        <TextField label="Your name" autoComplete="name" autoFocus error={errors.displayName?.message} {...form.register('displayName')} />
        <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters."
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Button type="submit" className="w-full" loading={signUp.isPending}>
          Create account
        </Button>
      </form>
      <AuthLinks links={[{ to: next === '/onboarding' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`, label: 'I already have an account' }]} />
    </AuthCard>
  );
}

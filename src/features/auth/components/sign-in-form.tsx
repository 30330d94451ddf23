import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { Alert } from '@/components/ui/alert';
import { errorMessage } from '@/lib/errors';
import { signInSchema, useSignIn, type SignInInput } from '../api/sign-in';

export function SignInForm({ onSignedIn }: { onSignedIn: (result: { needsMfa: boolean }) => void }) {
  const signIn = useSignIn();
  const form = useForm<SignInInput>({ resolver: standardSchemaResolver(signInSchema), defaultValues: { email: '', password: '' } });
  const { errors } = form.formState;

  const handleSubmit = form.handleSubmit((values) => signIn.mutate(values, { onSuccess: onSignedIn }));

  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-4">
      {signIn.error && <Alert>{errorMessage(signIn.error)}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" autoFocus error={errors.email?.message} {...form.register('email')} />
      <TextField label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...form.register('password')} />
      <Button type="submit" className="w-full" loading={signIn.isPending}>
        Sign in
      </Button>
    </form>
  );
}

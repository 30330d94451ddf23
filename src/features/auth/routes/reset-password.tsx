import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Navigate, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { Alert } from '@/components/ui/alert';
import { errorMessage } from '@/lib/errors';
import { useSession } from '@/lib/auth';
import { toast } from '@/lib/toast';
import { AuthCard } from '../components/auth-card';
import { newPasswordSchema, useUpdatePassword, type NewPasswordInput } from '../api/password';

/** Reached from the reset email (through /auth/callback, which signs the user in). */
export default function ResetPasswordRoute() {
  const { session, ready } = useSession();
  const navigate = useNavigate();
  const update = useUpdatePassword();
  const form = useForm<NewPasswordInput>({ resolver: standardSchemaResolver(newPasswordSchema), defaultValues: { password: '', confirm: '' } });
  const { errors } = form.formState;
  if (ready && !session) return <Navigate to="/forgot-password" replace />;
  const handleSubmit = form.handleSubmit((values) =>
    update.mutate(values, {
      onSuccess: () => {
        toast('Your password was changed.');
        navigate('/', { replace: true });
      },
    }),
  );
  return (
    <AuthCard title="Choose a new password">
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {update.error && <Alert>{errorMessage(update.error)}</Alert>}
        <TextField label="New password" type="password" autoComplete="new-password" autoFocus error={errors.password?.message} {...form.register('password')} />
        <TextField label="Repeat the new password" type="password" autoComplete="new-password" error={errors.confirm?.message} {...form.register('confirm')} />
        <Button type="submit" className="w-full" loading={update.isPending}>
          Save password
        </Button>
      </form>
    </AuthCard>
  );
}

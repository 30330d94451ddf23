import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { Alert } from '@/components/ui/alert';
import { errorMessage } from '@/lib/errors';
import { magicLinkSchema, useSendMagicLink, type MagicLinkInput } from '../api/magic-link';

export function MagicLinkForm({ next }: { next: string }) {
  const send = useSendMagicLink();
  const form = useForm<MagicLinkInput>({ resolver: standardSchemaResolver(magicLinkSchema), defaultValues: { email: '' } });
  if (send.isSuccess) {
    return <Alert tone="success">Check your inbox: we sent a sign-in link to {form.getValues('email')}. It works once, for an hour.</Alert>;
  }
  return (
    <form onSubmit={form.handleSubmit((values) => send.mutate({ ...values, next }))} noValidate className="space-y-4">
      {send.error && <Alert>{errorMessage(send.error)}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" autoFocus error={form.formState.errors.email?.message} {...form.register('email')} />
      <Button type="submit" className="w-full" loading={send.isPending}>
        Email me a sign-in link
      </Button>
    </form>
  );
}

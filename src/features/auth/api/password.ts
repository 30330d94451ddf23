import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { loadAuth } from '@/lib/load-auth';
import { callbackUrl, email, newPassword } from './schemas';

export const forgotPasswordSchema = z.object({ email });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

export async function requestPasswordReset(input: ForgotPasswordInput): Promise<void> {
  const auth = await loadAuth();
  const { error } = await auth.resetPasswordForEmail(input.email, { redirectTo: callbackUrl('/reset-password') });
  if (error) throw error;
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export const newPasswordSchema = z
  .object({ password: newPassword, confirm: z.string() })
  .check(z.refine((v) => v.password === v.confirm, { error: 'The passwords do not match', path: ['confirm'] }));
export type NewPasswordInput = z.infer<typeof newPasswordSchema>;

export async function updatePassword(input: NewPasswordInput): Promise<void> {
  const auth = await loadAuth();
  const { error } = await auth.updateUser({ password: input.password });
  if (error) throw error;
}

export function useUpdatePassword() {
  return useMutation({ mutationFn: updatePassword });
}

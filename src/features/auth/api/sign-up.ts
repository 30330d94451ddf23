import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { loadAuth } from '@/lib/load-auth';
import { callbackUrl, email, newPassword } from './schemas';

export const signUpSchema = z.object({
  displayName: z.string().check(z.trim(), z.minLength(1, { error: 'Tell us your name' }), z.maxLength(80, { error: 'Use at most 80 characters' })),
  email,
  password: newPassword,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Creates the account; returns whether the email must be confirmed before signing in. */
export async function signUp(input: SignUpInput & { next: string }): Promise<{ confirmEmail: boolean }> {
  const auth = await loadAuth();
  const { data, error } = await auth.signUp({
    email: input.email,
    password: input.password,
    options: { data: { display_name: input.displayName }, emailRedirectTo: callbackUrl(input.next) },
  });
  if (error) throw error;
  return { confirmEmail: !data.session };
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}

import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { loadAuth } from '@/lib/load-auth';
import { email } from './schemas';

export const signInSchema = z.object({
  email,
  password: z.string().check(z.minLength(1, { error: 'Enter your password' })),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Signs in with a password; tells the caller whether a second factor is still needed. */
export async function signIn(input: SignInInput): Promise<{ needsMfa: boolean }> {
  const auth = await loadAuth();
  const { error } = await auth.signInWithPassword(input);
  if (error) throw error;
  const { data, error: aalError } = await auth.mfa.getAuthenticatorAssuranceLevel();
  if (aalError) throw aalError;
  return { needsMfa: data.nextLevel === 'aal2' && data.currentLevel !== 'aal2' };
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}

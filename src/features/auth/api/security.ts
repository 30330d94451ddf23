import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { auth } from '@/lib/auth-client';

export const changePasswordSchema = z
  .object({
    password: z.string().check(z.minLength(8, { error: 'Use at least 8 characters' }), z.maxLength(72)),
    confirm: z.string(),
  })
  .check(z.refine((v) => v.password === v.confirm, { error: 'The passwords do not match', path: ['confirm'] }));
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export function useChangePassword() {
  return useMutation({
    mutationFn: async (input: ChangePasswordInput) => {
      const { error } = await auth.updateUser({ password: input.password });
      if (error) throw error;
    },
  });
}

/** Ends every other session of this user (other browsers and devices); this one stays signed in. */
export function useSignOutOthers() {
  return useMutation({
    mutationFn: async () => {
      const { error } = await auth.signOut({ scope: 'others' });
      if (error) throw error;
    },
  });
}

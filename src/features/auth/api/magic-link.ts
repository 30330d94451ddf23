import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { loadAuth } from '@/lib/load-auth';
import { callbackUrl, email } from './schemas';

export const magicLinkSchema = z.object({ email });
export type MagicLinkInput = z.infer<typeof magicLinkSchema>;

export async function sendMagicLink(input: MagicLinkInput & { next: string }): Promise<void> {
  const auth = await loadAuth();
  const { error } = await auth.signInWithOtp({ email: input.email, options: { shouldCreateUser: false, emailRedirectTo: callbackUrl(input.next) } });
  if (error) throw error;
}

export function useSendMagicLink() {
  return useMutation({ mutationFn: sendMagicLink });
}

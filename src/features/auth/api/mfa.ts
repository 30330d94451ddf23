import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { auth } from '@/lib/auth-client';

export const mfaKeys = { factors: ['auth', 'mfa', 'factors'] as const };

export const codeSchema = z.object({ code: z.string().check(z.trim(), z.regex(/^\d{6}$/, { error: 'Enter the 6-digit code from your app' })) });
export type CodeInput = z.infer<typeof codeSchema>;

export const factorsQuery = queryOptions({
  queryKey: mfaKeys.factors,
  queryFn: async () => {
    const { data, error } = await auth.mfa.listFactors();
    if (error) throw error;
    return data.totp;
  },
});

export function useFactors() {
  return useQuery(factorsQuery);
}

/** Starts enrolment: returns the factor id and the QR code (an SVG data URI) and secret to show. */
export async function enrollTotp(friendlyName: string) {
  // An abandoned enrolment leaves an unverified factor behind: clear those first.
  const { data: existing } = await auth.mfa.listFactors();
  for (const f of existing?.all ?? []) if (f.status === 'unverified') await auth.mfa.unenroll({ factorId: f.id });
  const { data, error } = await auth.mfa.enroll({ factorType: 'totp', friendlyName });
  if (error) throw error;
  return { factorId: data.id, qrCode: data.totp.qr_code, secret: data.totp.secret };
}

export async function verifyTotp(input: { factorId: string; code: string }): Promise<void> {
  const { error } = await auth.mfa.challengeAndVerify({ factorId: input.factorId, code: input.code.trim() });
  if (error) throw error;
}

/** The first verified TOTP factor, for the sign-in challenge. */
export async function verifiedFactorId(): Promise<string> {
  const { data, error } = await auth.mfa.listFactors();
  if (error) throw error;
  const factor = data.totp.find((f) => f.status === 'verified');
  if (!factor) throw new Error('No authenticator app is set up for this account.');
  return factor.id;
}

export function useVerifyTotp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: verifyTotp, onSuccess: () => queryClient.invalidateQueries({ queryKey: mfaKeys.factors }) });
}

export function useUnenroll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (factorId: string) => {
      const { error } = await auth.mfa.unenroll({ factorId });
      if (error) throw error;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mfaKeys.factors }),
  });
}

// The public intake form, for anonymous visitors: plain fetches through lib/public-api, so the page
// loads neither supabase-js nor the auth client.
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { PublicApiError, publicRpc } from '@/lib/public-api';
import { publicIntakeKey } from './keys';
import type { IntakeSubmissionInput } from './schemas';

export const publicIntakeQuery = (slug: string) =>
  queryOptions({
    queryKey: publicIntakeKey(slug),
    queryFn: async ({ signal }) => (await publicRpc('intake_form', { org_slug: slug }, { signal }))[0] ?? null,
    staleTime: 5 * 60_000,
  });

export function usePublicIntakeForm(slug: string) {
  return useQuery(publicIntakeQuery(slug));
}

export async function submitIntake(slug: string, input: IntakeSubmissionInput): Promise<void> {
  await publicRpc('submit_intake', {
    org_slug: slug,
    name: input.name,
    email: input.email,
    message: input.message,
    company: input.company || undefined,
    phone: input.phone || undefined,
    budget: input.budget || undefined,
    website: input.website || undefined,
  });
}

export function useSubmitIntake(slug: string) {
  return useMutation({ mutationFn: (input: IntakeSubmissionInput) => submitIntake(slug, input) });
}

/** What a visitor reads when sending failed: the server's own validation message, or what to do next. */
export function intakeErrorMessage(error: unknown): string {
  if (error instanceof PublicApiError) {
    if (error.status === 429) return 'Too many requests from your network. Please try again in an hour.';
    if (error.code === 'P0002') return 'This form is no longer taking requests. Please contact the studio another way.';
    if (error.status === 400 && error.message) return error.message;
    if (error.status === 0) return 'We could not reach the server. Check your connection and try again.';
  }
  return 'Something went wrong on our side and your request was not sent. Please try again in a moment.';
}

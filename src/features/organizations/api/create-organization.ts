import * as z from 'zod/mini';
import { supabase } from '@/lib/supabase';
import { useOrganizationMutation } from './keys';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

export const createOrganizationSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(2, { error: 'Use at least 2 characters' }), z.maxLength(80, { error: 'Use at most 80 characters' })),
  slug: z.string().check(z.regex(SLUG_PATTERN, { error: 'Use lowercase letters, digits and dashes (2–48 characters)' })),
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;

/** A URL-friendly address suggested from the name: "Northwind Studio" → "northwind-studio". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
}

export async function createOrganization(input: CreateOrganizationInput) {
  const { data } = await supabase.rpc('create_organization', { name: input.name, slug: input.slug }).throwOnError();
  return data;
}

export function useCreateOrganization() {
  return useOrganizationMutation(createOrganization);
}

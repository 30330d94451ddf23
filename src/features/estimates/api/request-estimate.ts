// Requesting an estimate: the row first (RLS: a client for itself, staff for any client), then up to 5 files
// uploaded to estimate-files at <org>/<estimate>/<name> (storage policies: the requester while requested).
import * as z from 'zod/mini';
import { supabase } from '@/lib/supabase';
import { parseMoney } from '@/lib/money';
import { ESTIMATE_BUCKET } from './estimate';

export const SERVICE_TYPES = ['Website', 'Web app', 'Mobile app', 'Branding', 'Design', 'Marketing', 'Content', 'Consulting', 'Other'] as const;
export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const money = (currency: () => string) => z.string().check(z.refine((v) => v.trim() === '' || parseMoney(v, currency()).ok, { error: 'Enter an amount such as 5,000' }));

export function requestSchema(currency: () => string) {
  return z
    .object({
      client_id: z.string().check(z.minLength(1, { error: 'Choose the client' })),
      service: z.enum(SERVICE_TYPES),
      other_service: z.string().check(z.maxLength(80, { error: 'At most 80 characters' })),
      description: z.string().check(z.trim(), z.minLength(1, { error: 'Describe what you need' }), z.maxLength(10000, { error: 'At most 10,000 characters' })),
      budget_min: money(currency),
      budget_max: money(currency),
      wished_deadline: z.string(),
    })
    .check(
      z.refine((v) => v.service !== 'Other' || v.other_service.trim() !== '', { error: 'Name the service', path: ['other_service'] }),
      z.refine(
        (v) => {
          const min = parseMoney(v.budget_min, currency());
          const max = parseMoney(v.budget_max, currency());
          return !min.ok || !max.ok || max.minor >= min.minor;
        },
        { error: 'The maximum is at least the minimum', path: ['budget_max'] },
      ),
    );
}
export type RequestValues = z.infer<ReturnType<typeof requestSchema>>;

/** Files that can be attached: at most 5, each at most 10 MB, names unique; returns an error message or null. */
export function checkFiles(files: readonly File[]): string | null {
  if (files.length > MAX_FILES) return `Attach at most ${MAX_FILES} files`;
  const big = files.find((f) => f.size > MAX_FILE_BYTES);
  if (big) return `${big.name} is larger than 10 MB`;
  if (new Set(files.map((f) => f.name)).size !== files.length) return 'Two files have the same name';
  return null;
}

export async function requestEstimate(input: { organizationId: string; currency: string; values: RequestValues; files: File[] }) {
  const v = input.values;
  const min = parseMoney(v.budget_min, input.currency);
  const max = parseMoney(v.budget_max, input.currency);
  const id = crypto.randomUUID();
  await supabase
    .from('estimates')
    .insert({
      id,
      organization_id: input.organizationId,
      client_id: v.client_id,
      service_type: v.service === 'Other' ? v.other_service.trim() : v.service,
      description: v.description,
      budget_min: v.budget_min.trim() && min.ok ? min.minor : null,
      budget_max: v.budget_max.trim() && max.ok ? max.minor : null,
      wished_deadline: v.wished_deadline || null,
      currency: input.currency,
    })
    .throwOnError();
  const failed: string[] = [];
  for (const file of input.files) {
    const { error } = await supabase.storage.from(ESTIMATE_BUCKET).upload(`${input.organizationId}/${id}/${file.name}`, file, { contentType: file.type || undefined });
    if (error) failed.push(file.name);
  }
  return { id, failed };
}

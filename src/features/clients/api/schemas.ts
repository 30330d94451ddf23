// The forms of the clients module. Each rule repeats a constraint the database enforces (check
// constraints on clients, intake_forms, organizations, and submit_intake's own validation), so people
// get feedback as they type; Postgres stays the judge.
import * as z from 'zod/mini';
import type { Database, Json } from '@/lib/database.types';
import { CLIENT_STATUSES, type ClientStatus } from './statuses';

export { CLIENT_STATUSES, type ClientStatus };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when the database's client_status enum and CLIENT_STATUSES drift apart. */
export const STATUSES_MATCH_DATABASE: Same<ClientStatus, Database['public']['Enums']['client_status']> = true;

export const STATUS_LABEL: Record<ClientStatus, string> = { lead: 'Lead', active: 'Active', inactive: 'Inactive', archived: 'Archived' };

const text = (max: number, label: string) => z.string().check(z.trim(), z.maxLength(max, { error: `${label} can be at most ${max} characters` }));
const requiredText = (max: number, label: string) =>
  z.string().check(z.trim(), z.minLength(1, { error: `${label} is required` }), z.maxLength(max, { error: `${label} can be at most ${max} characters` }));
/** An email field that may be left empty (the same shape the database's private.is_email accepts). */
const optionalEmail = z.union([z.literal(''), z.email({ error: 'Enter a valid email address' })]);
const trimmedOptionalEmail = z.pipe(z.string().check(z.trim()), optionalEmail);

// ---------------------------------------------------------------------------------------------------
// The client record
// ---------------------------------------------------------------------------------------------------
export const clientSchema = z.object({
  name: requiredText(120, 'Name'),
  status: z.enum(CLIENT_STATUSES),
  email: trimmedOptionalEmail,
  phone: text(40, 'Phone'),
  website: text(200, 'Website'),
  /** A staff member's user id, or '' for nobody. */
  owner_id: z.string(),
});
export type ClientInput = z.infer<typeof clientSchema>;

/** Form values → the columns to write ('' becomes null). */
export function clientColumns(input: ClientInput) {
  return {
    name: input.name,
    status: input.status,
    email: input.email || null,
    phone: input.phone || null,
    website: input.website || null,
    owner_id: input.owner_id || null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Contacts (clients.contacts, checked by private.is_valid_contacts: at most 50 of {name, email?, phone?, role?})
// ---------------------------------------------------------------------------------------------------
export const MAX_CONTACTS = 50;

export const contactSchema = z.object({
  name: requiredText(120, 'Name'),
  email: trimmedOptionalEmail,
  phone: text(40, 'Phone'),
  role: text(80, 'Role'),
});
export type Contact = z.infer<typeof contactSchema>;

/** Reads the contacts column defensively: whatever is stored, the UI gets well-formed rows. */
export function parseContacts(value: Json | undefined): Contact[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((c) => {
    if (!c || typeof c !== 'object' || Array.isArray(c)) return [];
    const str = (k: string) => (typeof c[k] === 'string' ? (c[k] as string) : '');
    return str('name') ? [{ name: str('name'), email: str('email'), phone: str('phone'), role: str('role') }] : [];
  });
}

/** Contacts as stored: empty optional fields are left out. */
export function contactsColumn(contacts: Contact[]): NonNullable<Json> {
  return contacts.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== '')));
}

// ---------------------------------------------------------------------------------------------------
// Billing details (clients.billing_details: a JSON object of at most 8 KB)
// ---------------------------------------------------------------------------------------------------
export const billingSchema = z.object({
  legal_name: text(200, 'Legal name'),
  tax_id: text(60, 'Tax ID'),
  address: text(500, 'Address'),
  payment_terms_days: z.string().check(
    z.trim(),
    z.refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) <= 365), { error: 'Use a whole number of days from 0 to 365' }),
  ),
  billing_email: trimmedOptionalEmail,
});
export type BillingInput = z.infer<typeof billingSchema>;

export const BILLING_LABELS: Record<keyof BillingInput, string> = {
  legal_name: 'Legal name',
  tax_id: 'Tax ID',
  address: 'Address',
  payment_terms_days: 'Payment terms (days)',
  billing_email: 'Billing email',
};

export function parseBilling(value: Json | undefined): BillingInput {
  const o = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const str = (k: string) => {
    const v = o[k];
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  };
  return { legal_name: str('legal_name'), tax_id: str('tax_id'), address: str('address'), payment_terms_days: str('payment_terms_days'), billing_email: str('billing_email') };
}

/** Billing details as stored: empty fields left out, payment terms as a number. */
export function billingColumn(input: BillingInput): NonNullable<Json> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(input)) if (v !== '') out[k] = k === 'payment_terms_days' ? Number(v) : v;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Custom fields (clients.custom_fields: a JSON object of at most 16 KB)
// ---------------------------------------------------------------------------------------------------
export const MAX_CUSTOM_FIELDS = 40;
/** Well under the column's 16 KB, which counts Postgres' own overhead too. */
const CUSTOM_FIELDS_MAX_CHARS = 12_000;

export const customFieldsSchema = z
  .object({
    fields: z.array(z.object({ key: requiredText(60, 'Field name'), value: text(500, 'Value') })).check(z.maxLength(MAX_CUSTOM_FIELDS, { error: `At most ${MAX_CUSTOM_FIELDS} fields` })),
  })
  .check(
    z.superRefine((input, ctx) => {
      const seen = new Set<string>();
      input.fields.forEach((f, i) => {
        const key = f.key.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: 'custom', input: f.key, path: ['fields', i, 'key'], message: 'Each field name can be used once' });
        seen.add(key);
      });
      if (JSON.stringify(customFieldsColumn(input.fields)).length > CUSTOM_FIELDS_MAX_CHARS) {
        ctx.addIssue({ code: 'custom', input: input.fields, path: ['fields'], message: 'These fields are too long in total; shorten some values' });
      }
    }),
  );
export type CustomFieldsInput = z.infer<typeof customFieldsSchema>;

export function parseCustomFields(value: Json | undefined): CustomFieldsInput['fields'] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).map(([key, v]) => ({ key, value: typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v) }));
}

export function customFieldsColumn(fields: CustomFieldsInput['fields']): { [key: string]: string } {
  return Object.fromEntries(fields.map((f) => [f.key.trim(), f.value.trim()]));
}

export const notesSchema = z.object({ notes: text(10_000, 'Notes') });
export type NotesInput = z.infer<typeof notesSchema>;

// ---------------------------------------------------------------------------------------------------
// Portal access
// ---------------------------------------------------------------------------------------------------
export const portalInviteSchema = z.object({ email: z.email({ error: 'Enter a valid email address' }) });
export type PortalInviteInput = z.infer<typeof portalInviteSchema>;

// ---------------------------------------------------------------------------------------------------
// Intake: the organization's settings, and the public form (mirrors submit_intake's checks)
// ---------------------------------------------------------------------------------------------------
export const intakeSettingsSchema = z.object({
  enabled: z.boolean(),
  title: requiredText(120, 'Title'),
  intro: text(2000, 'Introduction'),
  thank_you: text(1000, 'Thank-you message'),
  ask_budget: z.boolean(),
});
export type IntakeSettingsInput = z.infer<typeof intakeSettingsSchema>;

export const staleLeadsSchema = z.object({
  stale_lead_days: z.string().check(
    z.trim(),
    z.refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 365, { error: 'Use a whole number of days from 1 to 365' }),
  ),
});
export type StaleLeadsInput = z.infer<typeof staleLeadsSchema>;

export const BUDGET_RANGES = ['Under 5,000', '5,000 – 15,000', '15,000 – 50,000', '50,000 – 100,000', 'Over 100,000', 'Not sure yet'] as const;

export const intakeSubmissionSchema = z.object({
  name: requiredText(120, 'Your name'),
  email: z.pipe(
    z.string().check(z.trim(), z.minLength(1, { error: 'Your email is required' })),
    z.email({ error: 'Enter a valid email address' }).check(z.maxLength(254, { error: 'Email can be at most 254 characters' })),
  ),
  company: text(120, 'Company'),
  phone: text(40, 'Phone'),
  budget: text(60, 'Budget'),
  message: z.string().check(
    z.trim(),
    z.minLength(10, { error: 'Tell us a little more: at least 10 characters' }),
    z.maxLength(5000, { error: 'Keep it under 5000 characters' }),
  ),
  /** The honeypot: hidden from people, so only bots fill it in. */
  website: z.string(),
});
export type IntakeSubmissionInput = z.infer<typeof intakeSubmissionSchema>;

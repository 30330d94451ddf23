// Form schemas of the projects module. Inputs stay strings while they are edited; toProjectRow turns
// a valid form into the columns the database stores. Postgres repeats every rule (checks, not null).
import * as z from 'zod/mini';
import type { Database } from '@/lib/database.types';

export type ProjectStatus = Database['public']['Enums']['project_status'];
export type UpdateVisibility = Database['public']['Enums']['update_visibility'];

export const PROJECT_STATUSES: ReadonlyArray<{ value: ProjectStatus; label: string }> = [
  { value: 'planning', label: 'Planning' },
  { value: 'active', label: 'Active' },
  { value: 'on_hold', label: 'On hold' },
  { value: 'completed', label: 'Completed' },
  { value: 'archived', label: 'Archived' },
];

export function statusLabel(status: ProjectStatus): string {
  return PROJECT_STATUSES.find((s) => s.value === status)?.label ?? status;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const optionalDate = z.string().check(z.refine((v) => v === '' || DATE.test(v), { error: 'Use a date like 2026-03-31' }));
const optionalAmount = (max: number) =>
  z.string().check(
    z.refine((v) => v.trim() === '' || /^\d+(\.\d{1,2})?$/.test(v.trim()), { error: 'Use a positive number with at most 2 decimals' }),
    z.refine((v) => v.trim() === '' || Number(v) <= max, { error: `Use at most ${max.toLocaleString('en-US')}` }),
  );

const projectFields = {
  name: z.string().check(z.trim(), z.minLength(1, { error: 'Give the project a name' }), z.maxLength(160, { error: 'Use at most 160 characters' })),
  description: z.string().check(z.maxLength(10000, { error: 'Use at most 10,000 characters' })),
  status: z.enum(['planning', 'active', 'on_hold', 'completed', 'archived']),
  budget: optionalAmount(999_999_999_999),
  budget_hours: optionalAmount(99_999_999),
  hourly_rate: optionalAmount(99_999_999),
  start_on: optionalDate,
  end_on: optionalDate,
  checkpoint_every_days: z
    .string()
    .check(z.refine((v) => v.trim() === '' || (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 365), { error: 'Use a whole number of days from 1 to 365' })),
  next_checkpoint_on: optionalDate,
};

type ProjectFieldValues = { [K in keyof typeof projectFields]: z.infer<(typeof projectFields)[K]> };

const projectRules = [
  z.refine<ProjectFieldValues>((v) => !v.start_on || !v.end_on || v.end_on >= v.start_on, { error: 'The end cannot be before the start', path: ['end_on'] }),
  z.refine<ProjectFieldValues>((v) => !v.checkpoint_every_days.trim() || v.next_checkpoint_on !== '', {
    error: 'Choose the date of the first checkpoint',
    path: ['next_checkpoint_on'],
  }),
];

/** Editing a project's details (the client stays). */
export const projectDetailsSchema = z.object(projectFields).check(...projectRules);
export type ProjectDetailsInput = z.infer<typeof projectDetailsSchema>;

/** A new project: its details and the client it is for. */
export const newProjectSchema = z.object({ ...projectFields, client_id: z.string().check(z.minLength(1, { error: 'Choose the client' })) }).check(...projectRules);
export type NewProjectInput = z.infer<typeof newProjectSchema>;

export const EMPTY_PROJECT: NewProjectInput = {
  client_id: '',
  name: '',
  description: '',
  status: 'planning',
  budget: '',
  budget_hours: '',
  hourly_rate: '',
  start_on: '',
  end_on: '',
  checkpoint_every_days: '',
  next_checkpoint_on: '',
};

const numberOrNull = (v: string) => (v.trim() === '' ? null : Number(v));

/** The columns a valid form writes; empty inputs become null, and no cadence clears the checkpoint date. */
export function toProjectRow(values: ProjectDetailsInput) {
  const every = numberOrNull(values.checkpoint_every_days);
  return {
    name: values.name.trim(),
    description: values.description.trim() || null,
    status: values.status,
    budget: numberOrNull(values.budget),
    budget_hours: numberOrNull(values.budget_hours),
    hourly_rate: numberOrNull(values.hourly_rate),
    start_on: values.start_on || null,
    end_on: values.end_on || null,
    checkpoint_every_days: every,
    next_checkpoint_on: every === null ? null : values.next_checkpoint_on || null,
  };
}

/** A stored project as form values. */
export function toProjectForm(p: {
  name: string;
  description: string | null;
  status: ProjectStatus;
  budget?: number | null;
  budget_hours?: number | null;
  hourly_rate?: number | null;
  start_on: string | null;
  end_on: string | null;
  checkpoint_every_days?: number | null;
  next_checkpoint_on?: string | null;
}): ProjectDetailsInput {
  const str = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    name: p.name,
    description: p.description ?? '',
    status: p.status,
    budget: str(p.budget),
    budget_hours: str(p.budget_hours),
    hourly_rate: str(p.hourly_rate),
    start_on: p.start_on ?? '',
    end_on: p.end_on ?? '',
    checkpoint_every_days: str(p.checkpoint_every_days),
    next_checkpoint_on: p.next_checkpoint_on ?? '',
  };
}

export const milestoneFormSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(1, { error: 'Give the milestone a title' }), z.maxLength(200, { error: 'Use at most 200 characters' })),
  due_on: optionalDate,
});
export type MilestoneFormInput = z.infer<typeof milestoneFormSchema>;

export const updateBodySchema = z.object({
  body: z.string().check(z.trim(), z.minLength(1, { error: 'Write something first' }), z.maxLength(20000, { error: 'Use at most 20,000 characters' })),
});
export type UpdateBodyInput = z.infer<typeof updateBodySchema>;

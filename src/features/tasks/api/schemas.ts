import * as z from 'zod/mini';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const taskSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(1, { error: 'Give the task a title' }), z.maxLength(200, { error: 'Use at most 200 characters' })),
  description: z.string().check(z.maxLength(10000, { error: 'Use at most 10,000 characters' })),
  status: z.enum(['todo', 'in_progress', 'review', 'done']),
  /** '' for nobody. */
  assignee_id: z.string(),
  /** '' for no due date. */
  due_on: z.string().check(z.refine((v) => v === '' || DATE.test(v), { error: 'Pick a date' })),
  /** '' for no milestone. */
  milestone_key: z.string(),
  client_visible: z.boolean(),
});
export type TaskInput = z.infer<typeof taskSchema>;

export const EMPTY_TASK: TaskInput = { title: '', description: '', status: 'todo', assignee_id: '', due_on: '', milestone_key: '', client_visible: false };

/** The form's values as columns: empty fields are null. */
export function taskColumns(input: TaskInput) {
  return {
    title: input.title.trim(),
    description: input.description.trim() || null,
    status: input.status,
    assignee_id: input.assignee_id || null,
    due_on: input.due_on || null,
    milestone_key: input.milestone_key || null,
    client_visible: input.client_visible,
  };
}

export const askForWorkSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(3, { error: 'Say in a few words what you need' }), z.maxLength(200, { error: 'Use at most 200 characters' })),
  description: z.string().check(z.maxLength(10000, { error: 'Use at most 10,000 characters' })),
});
export type AskForWorkInput = z.infer<typeof askForWorkSchema>;

export const declineSchema = z.object({
  reason: z.string().check(z.trim(), z.minLength(3, { error: 'Tell the client why, in a sentence' }), z.maxLength(1000, { error: 'Use at most 1,000 characters' })),
});
export type DeclineInput = z.infer<typeof declineSchema>;

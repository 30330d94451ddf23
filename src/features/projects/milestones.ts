// Milestones live in projects.milestones (jsonb): [{ key, title, due_on?, done? }]. Tasks link to a
// milestone by its key, so a key is made once from the title and never changes. The database checks
// the same rules (private.is_valid_milestones); these give fast feedback and keep keys unique.

export interface Milestone {
  key: string;
  title: string;
  due_on: string | null;
  done: boolean;
}

export type MilestoneStatus = 'done' | 'overdue' | 'upcoming' | 'unscheduled';

export const MILESTONE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const MAX_MILESTONES = 100;
export const MAX_MILESTONE_TITLE = 200;
const KEY_LENGTH = 40;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A key for a new milestone: a slug of its title, unique among `existing` ("design", "design-2", …). */
export function milestoneKey(title: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  const base = slug(title).slice(0, KEY_LENGTH).replace(/-+$/, '') || 'milestone';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, KEY_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Reads the jsonb column defensively: anything malformed is skipped rather than crashing a page. */
export function parseMilestones(value: unknown): Milestone[] {
  if (!Array.isArray(value)) return [];
  const out: Milestone[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object') continue;
    const m = item as Record<string, unknown>;
    if (typeof m.key !== 'string' || typeof m.title !== 'string') continue;
    out.push({
      key: m.key,
      title: m.title,
      due_on: typeof m.due_on === 'string' && DATE_PATTERN.test(m.due_on) ? m.due_on : null,
      done: m.done === true,
    });
  }
  return out;
}

/** What is wrong with a milestone list, in words; null when the database will accept it. */
export function milestonesProblem(list: readonly Milestone[]): string | null {
  if (list.length > MAX_MILESTONES) return `A project can have at most ${MAX_MILESTONES} milestones.`;
  const keys = new Set<string>();
  for (const m of list) {
    const title = m.title.trim();
    if (!title) return 'Every milestone needs a title.';
    if (title.length > MAX_MILESTONE_TITLE) return `Use at most ${MAX_MILESTONE_TITLE} characters for "${title.slice(0, 40)}…".`;
    if (!MILESTONE_KEY_PATTERN.test(m.key)) return `"${m.key}" is not a valid milestone key.`;
    if (keys.has(m.key)) return `Two milestones share the key "${m.key}".`;
    keys.add(m.key);
    if (m.due_on !== null && !DATE_PATTERN.test(m.due_on)) return `"${title}" has an invalid due date.`;
  }
  return null;
}

/** Milestones ordered by due date (undated last), keeping the given order among equals. */
export function sortMilestones(list: readonly Milestone[]): Milestone[] {
  return list
    .map((m, i) => ({ m, i }))
    .sort((a, b) => {
      if (a.m.due_on === b.m.due_on) return a.i - b.i;
      if (a.m.due_on === null) return 1;
      if (b.m.due_on === null) return -1;
      return a.m.due_on < b.m.due_on ? -1 : 1;
    })
    .map(({ m }) => m);
}

/** Done, overdue (due before today and not done), upcoming, or unscheduled (no due date). */
export function milestoneStatus(m: Milestone, today: string): MilestoneStatus {
  if (m.done) return 'done';
  if (!m.due_on) return 'unscheduled';
  return m.due_on < today ? 'overdue' : 'upcoming';
}

/** The JSON the database stores: due_on only when set. */
export function toMilestonesJson(list: readonly Milestone[]): Array<{ key: string; title: string; due_on?: string; done: boolean }> {
  return list.map((m) => ({ key: m.key, title: m.title.trim(), ...(m.due_on ? { due_on: m.due_on } : {}), done: m.done }));
}

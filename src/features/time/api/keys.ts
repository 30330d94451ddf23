import { TIME_KEY } from '@/lib/timer';

/** Tracked time and plans: everything under TIME_KEY refetches when a timer starts or stops. */
export const timeKeys = {
  all: TIME_KEY,
  projectEntries: (projectId: string, page: number) => [...TIME_KEY, 'project', projectId, 'entries', page] as const,
  projectTotals: (projectId: string) => [...TIME_KEY, 'project', projectId, 'totals'] as const,
  week: (userId: string, monday: string) => [...TIME_KEY, 'week', userId, monday] as const,
  capacity: (organizationId: string, from: string, weeks: number) => [...TIME_KEY, 'capacity', organizationId, from, weeks] as const,
  plan: (organizationId: string, from: string, weeks: number) => [...TIME_KEY, 'plan', organizationId, from, weeks] as const,
  budget: (organizationId: string) => [...TIME_KEY, 'budget', organizationId] as const,
};

/** Projects, tasks and the organization's currency, for pickers and labels (not time data). */
export const lookupKeys = {
  project: (projectId: string) => ['time-lookups', 'project', projectId] as const,
  projects: (organizationId: string) => ['time-lookups', 'projects', organizationId] as const,
  tasks: (projectId: string) => ['time-lookups', 'tasks', projectId] as const,
  currency: (organizationId: string) => ['time-lookups', 'currency', organizationId] as const,
};

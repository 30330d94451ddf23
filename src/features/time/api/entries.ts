import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { TIME_KEY } from '@/lib/timer';
import { shiftWeek, startOfDayISO } from '@/lib/week';
import { timeKeys } from './keys';
import { entryColumns, type EntryInput } from './schemas';

const ENTRY_COLUMNS =
  'id, organization_id, user_id, project_id, task_id, started_at, ended_at, minutes, billable, hourly_rate, note, member:profiles!time_entries_user_id_fkey(display_name, username, avatar_url), task:tasks(title), project:projects(name)';

export const ENTRIES_PAGE_SIZE = 25;

async function fetchProjectEntries(projectId: string, page: number) {
  const from = (page - 1) * ENTRIES_PAGE_SIZE;
  const { data, count } = await supabase
    .from('time_entries')
    .select(ENTRY_COLUMNS, { count: 'exact' })
    .eq('project_id', projectId)
    .order('started_at', { ascending: false })
    .range(from, from + ENTRIES_PAGE_SIZE - 1)
    .throwOnError();
  return { entries: data, total: count ?? 0 };
}

export type TimeEntry = Awaited<ReturnType<typeof fetchProjectEntries>>['entries'][number];

export const memberName = (e: Pick<TimeEntry, 'member'>) => e.member?.display_name || e.member?.username || 'Unnamed member';

export const projectEntriesQuery = (projectId: string, page: number) =>
  queryOptions({ queryKey: timeKeys.projectEntries(projectId, page), queryFn: () => fetchProjectEntries(projectId, page), placeholderData: keepPreviousData });

export function useProjectEntries(projectId: string, page: number) {
  return useQuery(projectEntriesQuery(projectId, page));
}

/** Tracked and billable hours and their cost for a project, computed in the database. */
export const projectTotalsQuery = (projectId: string) =>
  queryOptions({
    queryKey: timeKeys.projectTotals(projectId),
    queryFn: async () => {
      const { data } = await supabase
        .from('project_budget_status')
        .select('tracked_hours, billable_hours, spent, budget, budget_hours, hours_band, money_band')
        .eq('project_id', projectId)
        .maybeSingle()
        .throwOnError();
      return data;
    },
  });

export function useProjectTotals(projectId: string) {
  return useQuery(projectTotalsQuery(projectId));
}

/** My entries that start in the week of `monday` (local time), oldest first. */
export const weekEntriesQuery = (userId: string, monday: string) =>
  queryOptions({
    queryKey: timeKeys.week(userId, monday),
    queryFn: async () => {
      const { data } = await supabase
        .from('time_entries')
        .select(ENTRY_COLUMNS)
        .eq('user_id', userId)
        .gte('started_at', startOfDayISO(monday))
        .lt('started_at', startOfDayISO(shiftWeek(monday, 1)))
        .order('started_at')
        .limit(500)
        .throwOnError();
      return data;
    },
    placeholderData: keepPreviousData,
  });

export function useWeekEntries(userId: string, monday: string) {
  return useQuery(weekEntriesQuery(userId, monday));
}

function useEntryMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: TIME_KEY }) });
}

export function useCreateEntry() {
  return useEntryMutation(async (input: EntryInput & { organizationId: string; userId: string; startedAt: Date }) => {
    await supabase
      .from('time_entries')
      .insert({ ...entryColumns(input, input.startedAt), organization_id: input.organizationId, project_id: input.project_id, user_id: input.userId })
      .throwOnError();
  });
}

export function useUpdateEntry() {
  return useEntryMutation(async (input: EntryInput & { id: string; startedAt: Date }) => {
    const { data } = await supabase.from('time_entries').update(entryColumns(input, input.startedAt)).eq('id', input.id).select('id').throwOnError();
    if (!data.length) throw new Error('This entry could not be changed: only its owner or a manager may change it.');
  });
}

export function useDeleteEntry() {
  return useEntryMutation(async (id: string) => {
    const { data } = await supabase.from('time_entries').delete().eq('id', id).select('id').throwOnError();
    if (!data.length) throw new Error('This entry could not be deleted: only its owner or a manager may delete it.');
  });
}

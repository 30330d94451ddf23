import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { taskKeys } from './keys';

export interface Milestone {
  key: string;
  title: string;
  due_on: string | null;
  done: boolean;
}

/** projects.milestones is JSON checked by the database; read it defensively all the same. */
export function parseMilestones(value: unknown): Milestone[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((m) =>
    m && typeof m === 'object' && typeof m.key === 'string' && typeof m.title === 'string'
      ? [{ key: m.key, title: m.title, due_on: typeof m.due_on === 'string' ? m.due_on : null, done: m.done === true }]
      : [],
  );
}

/** What the tasks tab needs to know about its project (visible to staff and to the project's client). */
export const projectInfoQuery = (projectId: string) =>
  queryOptions({
    queryKey: taskKeys.projectInfo(projectId),
    queryFn: async () => {
      const { data } = await supabase
        .from('projects')
        .select('id, name, organization_id, status, milestones')
        .eq('id', projectId)
        .maybeSingle()
        .throwOnError();
      return data ? { ...data, milestones: parseMilestones(data.milestones) } : null;
    },
  });

export type ProjectInfo = NonNullable<Awaited<ReturnType<NonNullable<ReturnType<typeof projectInfoQuery>['queryFn']>>>>;

export function useProjectInfo(projectId: string) {
  return useQuery(projectInfoQuery(projectId));
}

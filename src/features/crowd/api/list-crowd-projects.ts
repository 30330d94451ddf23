import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { crowdKeys } from './keys';
import { todayIso } from './schemas';

export const CROWD_PAGE_SIZE = 12;
const COLUMNS = 'id, organization_id, title, description, quorum, joined_count, target_budget, currency, deadline, split, status';

export const staffCrowdProjectsQuery = (organizationId: string, page: number) =>
  queryOptions({
    queryKey: crowdKeys.staff(organizationId, page),
    queryFn: async () => {
      const from = (page - 1) * CROWD_PAGE_SIZE;
      const { data, count } = await supabase
        .from('crowd_projects')
        .select(COLUMNS, { count: 'exact' })
        .eq('organization_id', organizationId)
        .order('created_at', { ascending: false })
        .order('id')
        .range(from, from + CROWD_PAGE_SIZE - 1)
        .throwOnError();
      return { projects: data, total: count ?? 0 };
    },
    placeholderData: keepPreviousData,
  });

/** Open projects anyone signed in may join, from every organization (RLS shows open ones to all). */
export const openCrowdProjectsQuery = (page: number) =>
  queryOptions({
    queryKey: crowdKeys.open(page),
    queryFn: async () => {
      const from = (page - 1) * CROWD_PAGE_SIZE;
      const { data, count } = await supabase
        .from('crowd_projects')
        .select(COLUMNS, { count: 'exact' })
        .eq('status', 'open')
        .gte('deadline', todayIso())
        .order('deadline')
        .order('id')
        .range(from, from + CROWD_PAGE_SIZE - 1)
        .throwOnError();
      return { projects: data, total: count ?? 0 };
    },
    placeholderData: keepPreviousData,
  });

/** The projects the signed-in person joined (any status). */
export const joinedCrowdProjectsQuery = (userId: string) =>
  queryOptions({
    queryKey: [...crowdKeys.joined(), userId] as const,
    queryFn: async () => {
      const { data: rows } = await supabase
        .from('crowd_participants')
        .select('crowd_project_id, share_amount, invoice_id')
        .eq('user_id', userId)
        .eq('status', 'joined')
        .order('joined_at', { ascending: false })
        .limit(100)
        .throwOnError();
      if (rows.length === 0) return [];
      const { data } = await supabase
        .from('crowd_projects')
        .select(COLUMNS)
        .in('id', rows.map((r) => r.crowd_project_id))
        .throwOnError();
      const byId = new Map(data.map((p) => [p.id, p]));
      return rows.flatMap((r) => {
        const p = byId.get(r.crowd_project_id);
        return p ? [{ ...p, share_amount: r.share_amount, invoice_id: r.invoice_id }] : [];
      });
    },
  });

export type CrowdProjectSummary = Awaited<ReturnType<NonNullable<ReturnType<typeof openCrowdProjectsQuery>['queryFn']>>>['projects'][number];

export const useStaffCrowdProjects = (organizationId: string, page: number, enabled: boolean) =>
  useQuery({ ...staffCrowdProjectsQuery(organizationId, page), enabled });
export const useOpenCrowdProjects = (page: number) => useQuery(openCrowdProjectsQuery(page));
export const useJoinedCrowdProjects = (userId: string) => useQuery(joinedCrowdProjectsQuery(userId));

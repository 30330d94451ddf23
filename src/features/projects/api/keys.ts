import type { UpdateVisibility } from './schemas';

export interface ProjectListFilters {
  status: string;
  clientId: string;
  search: string;
  page: number;
}

/** Query keys of the projects module: everything about one project sits under detail(id). */
export const projectKeys = {
  all: ['projects'] as const,
  lists: (orgId: string) => ['projects', 'list', orgId] as const,
  list: (orgId: string, scope: 'staff' | 'client', filters: ProjectListFilters) => ['projects', 'list', orgId, scope, filters] as const,
  myClients: (orgId: string) => ['projects', 'my-clients', orgId] as const,
  currency: (orgId: string) => ['projects', 'currency', orgId] as const,
  detail: (projectId: string) => ['projects', 'detail', projectId] as const,
  project: (projectId: string, scope: 'staff' | 'client') => ['projects', 'detail', projectId, 'project', scope] as const,
  budget: (projectId: string) => ['projects', 'detail', projectId, 'budget'] as const,
  milestoneTasks: (projectId: string) => ['projects', 'detail', projectId, 'milestone-tasks'] as const,
  updates: (projectId: string) => ['projects', 'detail', projectId, 'updates'] as const,
  updateStream: (projectId: string, visibility: UpdateVisibility) => ['projects', 'detail', projectId, 'updates', visibility] as const,
  files: (projectId: string) => ['projects', 'detail', projectId, 'files'] as const,
};

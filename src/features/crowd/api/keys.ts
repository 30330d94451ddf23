/** Query keys of the crowd module: everything about one crowd project sits under detail(id). */
export const crowdKeys = {
  all: ['crowd'] as const,
  lists: () => ['crowd', 'list'] as const,
  staff: (orgId: string, page: number) => ['crowd', 'list', 'staff', orgId, page] as const,
  open: (page: number) => ['crowd', 'list', 'open', page] as const,
  joined: () => ['crowd', 'list', 'joined'] as const,
  detail: (id: string) => ['crowd', 'detail', id] as const,
  project: (id: string) => ['crowd', 'detail', id, 'project'] as const,
  participants: (id: string) => ['crowd', 'detail', id, 'participants'] as const,
  estimate: (id: string) => ['crowd', 'detail', id, 'estimate'] as const,
  currency: (orgId: string) => ['crowd', 'currency', orgId] as const,
};

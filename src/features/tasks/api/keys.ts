export const taskKeys = {
  all: ['tasks'] as const,
  project: (projectId: string) => ['tasks', 'project', projectId] as const,
  projectInfo: (projectId: string) => ['tasks', 'project', projectId, 'info'] as const,
  board: (projectId: string) => ['tasks', 'project', projectId, 'board'] as const,
  requests: (projectId: string, which: 'pending' | 'all') => ['tasks', 'project', projectId, 'requests', which] as const,
  task: (projectId: string, taskId: string) => ['tasks', 'project', projectId, 'task', taskId] as const,
  mine: (organizationId: string, userId: string) => ['tasks', 'mine', organizationId, userId] as const,
  mineDone: (organizationId: string, userId: string, page: number) => ['tasks', 'mine', organizationId, userId, 'done', page] as const,
};

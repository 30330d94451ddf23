import { useSearchParams } from 'react-router';
import { Columns3, List, Plus } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { useStaff } from '@/lib/staff';
import type { ProjectInfo } from '../api/project';
import { BOARD_LIMIT, useProjectTasks } from '../api/project-tasks';
import { TaskBoard } from './task-board';
import { TaskDialog } from './task-dialog';
import { TaskList } from './task-list';
import { RequestsPanel } from './requests-panel';
import { ToggleGroup } from '@/components/ui/toggle-group';

export interface StaffTasksProps {
  project: ProjectInfo;
  userId: string;
  isManager: boolean;
  openTaskId: string | null;
  onOpen: (taskId: string) => void;
  onClose: () => void;
}

/** The studio's view of a project's tasks: board or list (remembered in the URL), requests, the task dialog. */
export function StaffTasks({ project, userId, isManager, openTaskId, onOpen, onClose }: StaffTasksProps) {
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const tasks = useProjectTasks(project.id);
  const staff = useStaff(project.organization_id);

  const setView = (next: 'board' | 'list') =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next === 'list') p.set('view', 'list');
        else p.delete('view');
        return p;
      },
      { replace: true },
    );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ToggleGroup
          label="View"
          value={view}
          onChange={setView}
          options={[
            { value: 'board', label: 'Board', icon: Columns3 },
            { value: 'list', label: 'List', icon: List },
          ]}
        />
        <Button onClick={() => onOpen('new')}>
          <Plus className="size-4" aria-hidden /> New task
        </Button>
      </div>

      <RequestsPanel projectId={project.id} onOpen={onOpen} />

      {tasks.isPending ? (
        <SkeletonRows rows={6} label="Loading tasks" />
      ) : tasks.error ? (
        <Alert>Tasks could not be loaded: {errorMessage(tasks.error)}</Alert>
      ) : (
        <>
          {tasks.data.length >= BOARD_LIMIT && <Alert>This project has more than {BOARD_LIMIT} tasks; only the first {BOARD_LIMIT} are shown.</Alert>}
          {view === 'board' ? (
            <TaskBoard projectId={project.id} tasks={tasks.data} milestones={project.milestones} onOpen={onOpen} />
          ) : (
            <TaskList tasks={tasks.data} staff={staff.data ?? []} milestones={project.milestones} onOpen={onOpen} />
          )}
        </>
      )}

      <TaskDialog project={project} taskId={openTaskId} boardTasks={tasks.data ?? []} userId={userId} isManager={isManager} onClose={onClose} />
    </div>
  );
}

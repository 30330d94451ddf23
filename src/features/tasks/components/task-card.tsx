import type { DragEvent, KeyboardEvent } from 'react';
import { Menu, MenuButton, MenuItem, MenuItems } from '@headlessui/react';
import { ArrowDownToLine, ArrowUpToLine, EllipsisVertical, MoveRight } from 'lucide-react';
import { TimerButton } from '@/components/timer-button';
import { STATUS_LABELS, TASK_STATUSES, type Move, type MoveKey, type TaskStatus } from '../board';
import { personName, type Task } from '../api/project-tasks';
import { AssigneeAvatar, ClientVisibleMark, DueDate, MilestoneChip } from './task-meta';

export interface TaskCardProps {
  task: Task;
  milestoneTitle: string | null;
  /** Index in its column and the column's length, for the move menu. */
  index: number;
  columnLength: number;
  describedBy: string;
  dragging: boolean;
  onOpen: (taskId: string) => void;
  onMove: (taskId: string, move: Move, how: 'keyboard' | 'menu') => void;
  onKeyMove: (taskId: string, key: MoveKey) => void;
  onDragStart: (taskId: string, event: DragEvent<HTMLLIElement>) => void;
  onDragEnd: () => void;
}

const MOVE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
const itemClass = 'flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm data-[focus]:bg-slate-100 dark:data-[focus]:bg-slate-800';

/** A card on the board: draggable, movable with arrow keys when focused, or through its Move menu. */
export function TaskCard({ task, milestoneTitle, index, columnLength, describedBy, dragging, onOpen, onMove, onKeyMove, onDragStart, onDragEnd }: TaskCardProps) {
  const assignee = task.assignee ? personName(task.assignee) : null;
  const handleKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    if (MOVE_KEYS.has(event.key)) {
      event.preventDefault();
      onKeyMove(task.id, event.key as MoveKey);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(task.id);
    }
  };
  return (
    <li
      data-task-card={task.id}
      tabIndex={0}
      draggable
      aria-label={task.title}
      aria-describedby={describedBy}
      onKeyDown={handleKeyDown}
      onDragStart={(e) => onDragStart(task.id, e)}
      onDragEnd={onDragEnd}
      className={`cursor-grab rounded-lg border border-slate-200 bg-white p-3 shadow-sm outline-none transition-opacity focus-visible:ring-2 focus-visible:ring-brand-500 active:cursor-grabbing dark:border-slate-700 dark:bg-slate-900 ${
        dragging ? 'opacity-40' : ''
      }`}
    >
      <div className="flex items-start gap-2">
        <button type="button" onClick={() => onOpen(task.id)} className="min-w-0 flex-1 text-left text-sm font-medium break-words hover:underline" tabIndex={-1}>
          {task.title}
        </button>
        {task.client_visible && <ClientVisibleMark />}
      </div>
      {(milestoneTitle || task.due_on) && (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <MilestoneChip title={milestoneTitle} />
          <DueDate dueOn={task.due_on} status={task.status} />
        </div>
      )}
      <div className="mt-2 flex items-center justify-between gap-2">
        <AssigneeAvatar name={assignee} avatarUrl={task.assignee?.avatar_url} />
        <div className="flex items-center gap-1">
          <TimerButton projectId={task.project_id} taskId={task.id} label={task.title} />
          <MoveMenu task={task} index={index} columnLength={columnLength} onMove={onMove} />
        </div>
      </div>
    </li>
  );
}

function MoveMenu({ task, index, columnLength, onMove }: { task: Task; index: number; columnLength: number; onMove: TaskCardProps['onMove'] }) {
  const others = TASK_STATUSES.filter((s) => s !== task.status);
  const move = (status: TaskStatus, at: number) => onMove(task.id, { status, index: at }, 'menu');
  return (
    <Menu>
      <MenuButton aria-label={`Move ${task.title}`} className="rounded-md p-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
        <EllipsisVertical className="size-4" aria-hidden />
      </MenuButton>
      <MenuItems anchor="bottom end" className="z-40 mt-1 w-48 rounded-lg border border-slate-200 bg-white p-1 shadow-lg focus:outline-none dark:border-slate-700 dark:bg-slate-900">
        {others.map((status) => (
          <MenuItem key={status}>
            <button type="button" className={itemClass} onClick={() => move(status, 0)}>
              <MoveRight className="size-4" aria-hidden /> Move to {STATUS_LABELS[status]}
            </button>
          </MenuItem>
        ))}
        {index > 0 && (
          <MenuItem>
            <button type="button" className={itemClass} onClick={() => move(task.status, 0)}>
              <ArrowUpToLine className="size-4" aria-hidden /> Move to top
            </button>
          </MenuItem>
        )}
        {index < columnLength - 1 && (
          <MenuItem>
            <button type="button" className={itemClass} onClick={() => move(task.status, columnLength - 1)}>
              <ArrowDownToLine className="size-4" aria-hidden /> Move to bottom
            </button>
          </MenuItem>
        )}
      </MenuItems>
    </Menu>
  );
}

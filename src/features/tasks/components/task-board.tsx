import { useId, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { STATUS_LABELS, TASK_STATUSES, columnsOf, keyboardMove, placeCard, type Move, type MoveKey, type TaskStatus } from '../board';
import { useMoveTask } from '../api/move-task';
import type { Task } from '../api/project-tasks';
import type { Milestone } from '../api/project';
import { TaskCard } from './task-card';

export interface TaskBoardProps {
  projectId: string;
  tasks: Task[];
  milestones: Milestone[];
  onOpen: (taskId: string) => void;
}

/**
 * Four columns of cards. A card moves by drag and drop, by arrow keys while it has focus, or through its
 * Move menu; each move is announced to screen readers and saved as one row (status and position).
 */
export function TaskBoard({ projectId, tasks, milestones, onOpen }: TaskBoardProps) {
  const instructionsId = useId();
  const moveTask = useMoveTask(projectId);
  const [dragging, setDragging] = useState<string | null>(null);
  const [drop, setDrop] = useState<Move | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // A card moved by keyboard or menu is re-rendered in its new place: focus follows it there.
  const refocus = useRef<{ id: string; status: TaskStatus; position: number } | null>(null);
  const columns = useMemo(() => columnsOf(tasks), [tasks]);
  const milestoneTitles = useMemo(() => new Map(milestones.map((m) => [m.key, m.title])), [milestones]);

  useLayoutEffect(() => {
    const target = refocus.current;
    const task = target && tasks.find((t) => t.id === target.id);
    if (!target || !task || task.status !== target.status || task.position !== target.position) return;
    refocus.current = null;
    const el = document.querySelector<HTMLElement>(`[data-task-card="${target.id}"]`);
    if (el && document.activeElement !== el) el.focus();
  });

  const move = (taskId: string, target: Move, how: 'keyboard' | 'menu' | 'drag') => {
    const task = tasks.find((t) => t.id === taskId);
    const placed = placeCard(tasks, taskId, target);
    if (!task || !placed) return;
    const length = columns[target.status].filter((t) => t.id !== taskId).length + 1;
    const index = Math.min(target.index, length - 1);
    refocus.current = how === 'drag' ? null : { id: taskId, ...placed };
    setAnnouncement(`Moved ${task.title} to ${STATUS_LABELS[target.status]}, position ${index + 1} of ${length}.`);
    moveTask.mutate(
      { id: taskId, ...placed },
      {
        onError: (error) => {
          if (how !== 'drag') refocus.current = { id: taskId, status: task.status, position: task.position };
          setAnnouncement(`${task.title} could not be moved and is back in ${STATUS_LABELS[task.status]}.`);
          toast(`${task.title} could not be moved: ${errorMessage(error)}`, { tone: 'error' });
        },
      },
    );
  };

  const handleKeyMove = (taskId: string, key: MoveKey) => {
    const target = keyboardMove(tasks, taskId, key);
    if (target) move(taskId, target, 'keyboard');
  };

  const handleDragStart = (taskId: string, event: DragEvent<HTMLLIElement>) => {
    event.dataTransfer.setData('text/plain', taskId);
    event.dataTransfer.effectAllowed = 'move';
    setDragging(taskId);
  };

  const handleDragOver = (status: TaskStatus, event: DragEvent<HTMLElement>) => {
    if (!dragging) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const cards = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-task-card]')].filter((el) => el.dataset.taskCard !== dragging);
    const after = cards.findIndex((el) => {
      const box = el.getBoundingClientRect();
      return event.clientY < box.top + box.height / 2;
    });
    const index = after === -1 ? cards.length : after;
    if (drop?.status !== status || drop.index !== index) setDrop({ status, index });
  };

  const handleDrop = (status: TaskStatus, event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    const taskId = event.dataTransfer.getData('text/plain') || dragging;
    const target = drop?.status === status ? drop : { status, index: columns[status].length };
    setDragging(null);
    setDrop(null);
    if (taskId) move(taskId, target, 'drag');
  };

  return (
    <div>
      <p id={instructionsId} className="sr-only">
        Press Enter to open the task. To move it, use the arrow keys: up and down inside its column, left and right to the next column. The Move menu does the same.
      </p>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        {TASK_STATUSES.map((status) => {
          const cards = columns[status];
          const visible = cards.filter((t) => t.id !== dragging);
          const showDrop = drop?.status === status;
          return (
            <section
              key={status}
              aria-labelledby={`${instructionsId}-${status}`}
              onDragOver={(e) => handleDragOver(status, e)}
              onDragLeave={(e) => {
                if (!e.currentTarget.contains(e.relatedTarget as Node | null) && drop?.status === status) setDrop(null);
              }}
              onDrop={(e) => handleDrop(status, e)}
              data-column={status}
              className={`flex min-h-40 flex-col rounded-xl border p-3 transition-colors ${
                showDrop ? 'border-brand-500 bg-brand-50/60 dark:bg-brand-700/10' : 'border-slate-200 bg-slate-100/70 dark:border-slate-800 dark:bg-slate-900/50'
              }`}
            >
              <h3 id={`${instructionsId}-${status}`} className="mb-3 flex items-center justify-between text-sm font-semibold">
                {STATUS_LABELS[status]}
                <span className="rounded-full bg-white px-2 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                  {cards.length}
                  <span className="sr-only"> tasks</span>
                </span>
              </h3>
              <ul className="flex flex-1 flex-col gap-2">
                {cards.map((task) => {
                  const dropHere = showDrop && dragging && visible.indexOf(task) === drop.index;
                  return (
                    <DropSlot key={task.id} show={!!dropHere}>
                      <TaskCard
                        task={task}
                        milestoneTitle={task.milestone_key ? (milestoneTitles.get(task.milestone_key) ?? task.milestone_key) : null}
                        index={cards.indexOf(task)}
                        columnLength={cards.length}
                        describedBy={instructionsId}
                        dragging={dragging === task.id}
                        onOpen={onOpen}
                        onMove={move}
                        onKeyMove={handleKeyMove}
                        onDragStart={handleDragStart}
                        onDragEnd={() => {
                          setDragging(null);
                          setDrop(null);
                        }}
                      />
                    </DropSlot>
                  );
                })}
                {showDrop && dragging && drop.index >= visible.length && <DropLine />}
                {!cards.length && !showDrop && <li className="py-6 text-center text-xs text-slate-600 dark:text-slate-400">No tasks</li>}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}

function DropLine() {
  return <li aria-hidden className="h-1 rounded-full bg-brand-500" />;
}

function DropSlot({ show, children }: { show: boolean; children: ReactNode }) {
  return (
    <>
      {show && <DropLine />}
      {children}
    </>
  );
}
